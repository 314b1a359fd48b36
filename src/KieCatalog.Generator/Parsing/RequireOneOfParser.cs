using System.Collections.Generic;
using System.Linq;
using KieCatalog.Generator.Model;

namespace KieCatalog.Generator.Parsing;

/// <summary>
/// Reads a mode's <c>requireOneOf</c>: groups of optional parameters of which at least one must be given
/// (<c>[["prompt", "filesUrl"]]</c>: a prompt, images, or both).
/// </summary>
internal static class RequireOneOfParser
{
    public static EquatableArray<EquatableArray<string>> Parse(ParseContext ctx, string subject, JsonNode mode, IReadOnlyList<ParamSpec> parameters)
    {
        var array = ctx.Array(mode, "requireOneOf", subject, required: false);
        if (array is null)
        {
            return EquatableArray<EquatableArray<string>>.Empty;
        }

        if (array.Items.Count == 0)
        {
            ctx.Invalid(subject, array, "'requireOneOf' lists no group; leave it out instead");
        }

        var groups = new List<EquatableArray<string>>();
        foreach (var group in array.Items)
        {
            if (group.Kind != JsonKind.Array)
            {
                ctx.Invalid(subject, group, "each item of 'requireOneOf' must be an array of parameter names, e.g. [\"prompt\", \"filesUrl\"]");
                continue;
            }

            if (group.Items.Count < 2)
            {
                ctx.Invalid(subject, group, "a 'requireOneOf' group names at least two parameters (one alone is 'required': true)");
                continue;
            }

            var names = new List<string>();
            foreach (var item in group.Items)
            {
                var name = ReadName(ctx, subject, item, parameters, names);
                if (name is not null)
                {
                    names.Add(name);
                }
            }

            if (names.Count == group.Items.Count)
            {
                groups.Add(names.ToEquatableArray());
            }
        }

        return groups.ToEquatableArray();
    }

    private static string? ReadName(ParseContext ctx, string subject, JsonNode item, IReadOnlyList<ParamSpec> parameters, List<string> seen)
    {
        if (item.Kind != JsonKind.String || string.IsNullOrWhiteSpace(item.Text))
        {
            ctx.Invalid(subject, item, "'requireOneOf' groups hold parameter names (strings)");
            return null;
        }

        var param = parameters.FirstOrDefault(p => p.Name == item.Text);
        if (param is null)
        {
            ctx.Report(Diagnostics.InvalidRequireOneOf, item, subject, item.Text!, "is not a parameter of this mode");
            return null;
        }

        if (param.Required || param.Default is not null)
        {
            ctx.Report(Diagnostics.InvalidRequireOneOf, item, subject, param.Name,
                param.Required ? "is required, so the group always holds" : "has a default, so it is always sent and the group always holds");
            return null;
        }

        if (seen.Contains(param.Name))
        {
            ctx.Invalid(subject, item, $"'{param.Name}' is named twice in one 'requireOneOf' group");
            return null;
        }

        return param.Name;
    }
}
