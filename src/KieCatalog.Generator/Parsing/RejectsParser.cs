using System.Collections.Generic;
using System.Linq;
using KieCatalog.Generator.Model;

namespace KieCatalog.Generator.Parsing;

/// <summary>
/// Reads a mode's <c>rejects</c>: combinations of values KIE refuses, each an object naming one or more enum or
/// boolean parameters and the values that take part (<c>{"generationType": ["REFERENCE_2_VIDEO"], "duration": [4, 6]}</c>:
/// reference-to-video only at 8 s; <c>{"generationType": ["REFERENCE_2_VIDEO"]}</c>: a value KIE's schema lists for the
/// mode but refuses in it). An input matching every term is not offered; on a visible mode the defaults may not fall
/// on one (KIE024).
/// </summary>
internal static class RejectsParser
{
    public static EquatableArray<RejectSpec> Parse(ParseContext ctx, string subject, JsonNode mode, IReadOnlyList<ParamSpec> parameters, bool visible)
    {
        var array = ctx.Array(mode, "rejects", subject, required: false);
        if (array is null)
        {
            return EquatableArray<RejectSpec>.Empty;
        }

        var rejects = new List<RejectSpec>();
        foreach (var entry in array.Items)
        {
            if (entry.Kind != JsonKind.Object || entry.Properties.Count == 0)
            {
                ctx.Report(Diagnostics.InvalidReject, entry, subject, "each item of 'rejects' names parameters with the values KIE refuses together, e.g. {\"generationType\": [\"REFERENCE_2_VIDEO\"], \"duration\": [4, 6]}");
                continue;
            }

            var terms = entry.Properties.Select(p => Term(ctx, subject, p, parameters, Diagnostics.InvalidReject, "rejects")).ToList();
            if (terms.Any(t => t is null))
            {
                continue;
            }

            var reject = new RejectSpec(terms.Select(t => t!).ToEquatableArray());
            if (visible && reject.Terms.All(t => parameters.First(p => p.Name == t.Param).Default is { } d && t.Values.Contains(d)))
            {
                var defaults = string.Join(", ", reject.Terms.Select(t => $"{t.Param}={parameters.First(p => p.Name == t.Param).Default}"));
                ctx.Report(Diagnostics.InvalidReject, entry, subject, $"the defaults ({defaults}) fall on a combination KIE rejects: every user who keeps them would be refused");
            }

            rejects.Add(reject);
        }

        return rejects.ToEquatableArray();
    }

    /// <summary>One "parameter: [values]" term of <paramref name="what"/> (<c>rejects</c>, a <c>requireWhen</c> condition), or null after reporting why not.</summary>
    internal static RejectTerm? Term(ParseContext ctx, string subject, JsonProperty property, IReadOnlyList<ParamSpec> parameters, Microsoft.CodeAnalysis.DiagnosticDescriptor descriptor, string what)
    {
        var param = parameters.FirstOrDefault(p => p.Name == property.Name);
        if (param is null || param.Kind is not ("enum" or "boolean"))
        {
            ctx.Report(descriptor, property.Value, subject, $"'{what}' names '{property.Name}', which is not an enum or boolean parameter of this mode");
            return null;
        }

        if (property.Value.Kind != JsonKind.Array || property.Value.Items.Count == 0)
        {
            ctx.Report(descriptor, property.Value, subject, $"'{what}' needs a non-empty array of the values of '{param.Name}'");
            return null;
        }

        var values = new List<string>();
        foreach (var item in property.Value.Items)
        {
            var wire = param.Kind == "boolean"
                ? item.Kind switch { JsonKind.True => "true", JsonKind.False => "false", _ => null }
                : param.Values.FirstOrDefault(v => v.Wire == item.Text && (v.IsNumber ? item.Kind == JsonKind.Number : item.Kind == JsonKind.String))?.Wire;
            if (wire is null)
            {
                ctx.Report(descriptor, item, subject, $"'{what}' names {item.Text ?? item.Describe()} for '{param.Name}', which is not one of its values");
                return null;
            }

            values.Add(wire);
        }

        return new RejectTerm(param.Name, values.ToEquatableArray());
    }
}
