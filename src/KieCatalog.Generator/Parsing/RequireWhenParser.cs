using System.Collections.Generic;
using System.Linq;
using KieCatalog.Generator.Model;

namespace KieCatalog.Generator.Parsing;

/// <summary>
/// Reads a mode's <c>requireWhen</c>: parameters KIE requires only in some settings, each item
/// <c>{"when": {"customMode": [true]}, "params": ["style", "title"]}</c> (while every condition holds, these must be
/// given), optionally with <c>"maxLength": 500</c> (and be at most that many characters: Suno's simple mode takes a
/// 500-character prompt). Conditions name enum or boolean parameters and their values, as <c>rejects</c> does.
/// </summary>
internal static class RequireWhenParser
{
    private const string What = "requireWhen";

    public static EquatableArray<RequireWhenSpec> Parse(ParseContext ctx, string subject, JsonNode mode, IReadOnlyList<ParamSpec> parameters)
    {
        var array = ctx.Array(mode, What, subject, required: false);
        if (array is null)
        {
            return EquatableArray<RequireWhenSpec>.Empty;
        }

        var rules = new List<RequireWhenSpec>();
        foreach (var entry in array.Items)
        {
            if (entry.Kind != JsonKind.Object || entry["when"] is not { Kind: JsonKind.Object } when || when.Properties.Count == 0
                || entry["params"] is not { Kind: JsonKind.Array } names || names.Items.Count == 0)
            {
                ctx.Report(Diagnostics.InvalidRequireWhen, entry, subject, "each item of 'requireWhen' names the values that make parameters required and those parameters, e.g. {\"when\": {\"customMode\": [true]}, \"params\": [\"style\", \"title\"]}");
                continue;
            }

            ctx.OnlyKnown(entry, subject, "when", "params", "maxLength");
            var terms = when.Properties.Select(p => RejectsParser.Term(ctx, subject, p, parameters, Diagnostics.InvalidRequireWhen, What)).ToList();
            var maxLength = MaxLength(ctx, subject, entry);
            var required = names.Items.Select(n => Name(ctx, subject, n, parameters, terms, maxLength is not null)).ToList();
            if (terms.Any(t => t is null) || required.Any(n => n is null) || (entry["maxLength"] is not null && maxLength is null))
            {
                continue;
            }

            if (maxLength is { } limit && required.Select(n => parameters.First(p => p.Name == n)).FirstOrDefault(p => p.Kind is not ("text" or "string") || p.MaxLength <= limit) is { } unlimited)
            {
                ctx.Report(Diagnostics.InvalidRequireWhen, entry["maxLength"]!, subject, unlimited.Kind is "text" or "string"
                    ? $"'maxLength' {limit} does not narrow '{unlimited.Name}', which is at most {unlimited.MaxLength} characters anyway"
                    : $"'maxLength' applies to texts, and '{unlimited.Name}' is {unlimited.Kind}");
                continue;
            }

            rules.Add(new RequireWhenSpec(terms.Select(t => t!).ToEquatableArray(), required.Select(n => n!).ToEquatableArray(), maxLength));
        }

        return rules.ToEquatableArray();
    }

    private static int? MaxLength(ParseContext ctx, string subject, JsonNode entry)
    {
        if (entry["maxLength"] is not { } node)
        {
            return null;
        }

        if (node.Kind == JsonKind.Number && int.TryParse(node.Text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var value) && value > 0)
        {
            return value;
        }

        ctx.Report(Diagnostics.InvalidRequireWhen, node, subject, "'maxLength' of a 'requireWhen' item is a whole number of characters above 0");
        return null;
    }

    private static string? Name(ParseContext ctx, string subject, JsonNode item, IReadOnlyList<ParamSpec> parameters, List<RejectTerm?> terms, bool limits)
    {
        var param = item.Kind == JsonKind.String ? parameters.FirstOrDefault(p => p.Name == item.Text) : null;
        if (param is null)
        {
            ctx.Report(Diagnostics.InvalidRequireWhen, item, subject, $"'requireWhen' names {item.Text ?? item.Describe()}, which is not a parameter of this mode");
            return null;
        }

        if (terms.Any(t => t?.Param == param.Name))
        {
            ctx.Report(Diagnostics.InvalidRequireWhen, item, subject, $"'{param.Name}' cannot be required by its own value");
            return null;
        }

        if (!limits && (param.Required || param.Default is not null))
        {
            ctx.Report(Diagnostics.InvalidRequireWhen, item, subject, param.Required
                ? $"'{param.Name}' is required anyway: 'requireWhen' names optional parameters (or gives a 'maxLength')"
                : $"'{param.Name}' has a default, so it is always sent: 'requireWhen' names optional parameters without one");
            return null;
        }

        return param.Name;
    }
}
