using System.Collections.Generic;
using System.Linq;
using KieCatalog.Generator.Model;

namespace KieCatalog.Generator.Parsing;

/// <summary>Reads one parameter of a mode and checks its own rules (type, default, limits).</summary>
internal static class ParamParser
{
    private static readonly string[] Known = new[]
    {
        "type", "required", "label", "default", "min", "max", "maxLength", "minItems", "maxItems", "values", "maxSeconds", "valueLabels", "maxMegapixels", "fromParent",
    }.Concat(FollowUpParser.Properties).Concat(ListParser.Properties).ToArray();

    public static ParamSpec? Parse(ParseContext ctx, string subject, JsonProperty property)
    {
        var name = property.Name;
        var node = property.Value;
        if (node.Kind != JsonKind.Object)
        {
            ctx.Invalid(subject, node, $"parameter '{name}' must be an object");
            return null;
        }

        ctx.OnlyKnown(node, subject, Known);
        var typeNode = node["type"];
        if (typeNode is null)
        {
            ctx.ReportAtStart(Diagnostics.InvalidValue, node, subject, $"parameter '{name}' has no 'type'");
            return null;
        }

        var kind = typeNode.Kind == JsonKind.String ? typeNode.Text! : typeNode.Describe();
        if (System.Array.IndexOf(Vocabulary.ParamKinds, kind) < 0)
        {
            ctx.Report(Diagnostics.UnknownParamType, typeNode, subject, name, kind, string.Join(", ", Vocabulary.ParamKinds));
            return null;
        }

        var required = ctx.Boolean(node, "required", subject) ?? false;
        var label = ctx.Localized(node, "label", subject, $"parameter '{name}'", name);
        var values = kind == "enum" ? ReadValues(ctx, subject, name, node) : EquatableArray<EnumValueSpec>.Empty;
        if (kind != "enum" && node["values"] is { } stray)
        {
            ctx.Invalid(subject, stray, $"'values' is only for enum parameters ('{name}' is {kind})");
        }

        if (kind != "enum" && node["valueLabels"] is { } strayLabels)
        {
            ctx.Invalid(subject, strayLabels, $"'valueLabels' is only for enum parameters ('{name}' is {kind})");
        }

        var min = ctx.Number(node, "min", subject);
        var max = ctx.Number(node, "max", subject);
        if ((min is not null || max is not null) && kind is not ("integer" or "number"))
        {
            ctx.Invalid(subject, node["min"] ?? node["max"]!, $"min/max are only for integer and number parameters ('{name}' is {kind})");
        }

        if (min is not null && max is not null && min > max)
        {
            ctx.Report(Diagnostics.MinAboveMax, node["max"]!, subject, name, Decimals.Format(min.Value), Decimals.Format(max.Value));
        }

        var maxLength = WholeNumber(ctx, subject, node, "maxLength", kind is "text" or "string" or "task", name, kind);
        var isList = Vocabulary.UrlListKinds.Contains(kind) || kind == "list";
        var minItems = WholeNumber(ctx, subject, node, "minItems", isList, name, kind);
        var maxItems = WholeNumber(ctx, subject, node, "maxItems", isList, name, kind);
        if (minItems is not null && maxItems is not null && minItems > maxItems)
        {
            ctx.Report(Diagnostics.MinAboveMax, node["maxItems"]!, subject, name, minItems.Value.ToString(), maxItems.Value.ToString());
        }

        var maxSeconds = WholeNumber(ctx, subject, node, "maxSeconds", Vocabulary.DurationKinds.Contains(kind) || Vocabulary.DurationListKinds.Contains(kind), name, kind);
        if (maxSeconds == 0)
        {
            ctx.Invalid(subject, node["maxSeconds"]!, $"'maxSeconds' of '{name}' must be above 0");
            maxSeconds = null;
        }

        var maxMegapixels = ctx.Number(node, "maxMegapixels", subject);
        if (maxMegapixels is not null && (kind != "image" || maxMegapixels <= 0))
        {
            ctx.Invalid(subject, node["maxMegapixels"]!, kind != "image"
                ? $"'maxMegapixels' does not apply to '{name}' ({kind}): it bounds an uploaded image"
                : $"'maxMegapixels' of '{name}' must be above 0");
            maxMegapixels = null;
        }

        var followUp = FollowUpParser.Parse(ctx, subject, name, kind, node);
        var fromParent = FollowUpParser.FromParent(ctx, subject, name, kind, node);
        var list = ListParser.Parse(ctx, subject, name, kind, node);
        var defaultValue = ReadDefault(ctx, subject, name, kind, node, values, min, max, maxLength);
        return new ParamSpec(name, kind, required, label, defaultValue, Fmt(min), Fmt(max), maxLength, minItems, maxItems, values, false, maxSeconds, MaxMegapixels: Fmt(maxMegapixels), FollowUp: followUp, List: list, FromParent: fromParent);
    }

    private static string? Fmt(decimal? value) => value is null ? null : Decimals.Format(value.Value);

    private static int? WholeNumber(ParseContext ctx, string subject, JsonNode node, string property, bool allowed, string name, string kind)
    {
        var value = ctx.Number(node, property, subject);
        if (value is null)
        {
            return null;
        }

        if (!allowed)
        {
            ctx.Invalid(subject, node[property]!, $"'{property}' does not apply to '{name}' ({kind})");
            return null;
        }

        if (value < 0 || value != decimal.Truncate(value.Value) || value > int.MaxValue)
        {
            ctx.Invalid(subject, node[property]!, $"'{property}' must be a whole number ≥ 0");
            return null;
        }

        return (int)value.Value;
    }

    private static EquatableArray<EnumValueSpec> ReadValues(ParseContext ctx, string subject, string name, JsonNode node)
    {
        var array = ctx.Array(node, "values", subject, required: true);
        if (array is null)
        {
            return EquatableArray<EnumValueSpec>.Empty;
        }

        if (array.Items.Count == 0)
        {
            ctx.Invalid(subject, array, $"enum '{name}' has no values");
        }

        var values = new List<EnumValueSpec>();
        var seen = new HashSet<string>();
        var numbers = array.Items.Count > 0 && array.Items[0].Kind == JsonKind.Number;
        foreach (var item in array.Items)
        {
            var ok = numbers ? item.Kind == JsonKind.Number : item.Kind == JsonKind.String && !string.IsNullOrEmpty(item.Text);
            if (!ok)
            {
                ctx.Invalid(subject, item, $"values of enum '{name}' must all be non-empty strings or all numbers");
                continue;
            }

            if (!seen.Add(item.Text!))
            {
                ctx.Invalid(subject, item, $"value '{item.Text}' of enum '{name}' is listed twice");
                continue;
            }

            values.Add(new EnumValueSpec(item.Text!, numbers, Naming.EnumMember(item.Text!)));
        }

        return Labelled(ctx, subject, name, node, values).ToEquatableArray();
    }

    /// <summary>
    /// The values with their labels from <c>valueLabels</c> (wire → {"en", "ru"}); a label for a value the enum does not
    /// have is an error at it.
    /// </summary>
    private static List<EnumValueSpec> Labelled(ParseContext ctx, string subject, string name, JsonNode node, List<EnumValueSpec> values)
    {
        if (node["valueLabels"] is not { } labels)
        {
            return values;
        }

        if (labels.Kind != JsonKind.Object)
        {
            ctx.Invalid(subject, labels, $"'valueLabels' of '{name}' must be an object: value → {{\"en\": …, \"ru\": …}}");
            return values;
        }

        var byWire = new Dictionary<string, LocalizedSpec>();
        foreach (var property in labels.Properties)
        {
            if (!values.Any(v => v.Wire == property.Name))
            {
                ctx.Invalid(subject, property.Value, $"'valueLabels' of '{name}' labels '{property.Name}', which is not one of its values");
                continue;
            }

            byWire[property.Name] = ctx.Localized(labels, property.Name, subject, $"value '{property.Name}' of '{name}'", property.Name);
        }

        return values.Select(v => byWire.TryGetValue(v.Wire, out var label) ? v with { Label = label } : v).ToList();
    }

    private static string? ReadDefault(
        ParseContext ctx, string subject, string name, string kind, JsonNode node,
        EquatableArray<EnumValueSpec> values, decimal? min, decimal? max, int? maxLength)
    {
        var d = node["default"];
        if (d is null)
        {
            return null;
        }

        var shown = d.Kind == JsonKind.String ? "\"" + d.Text + "\"" : d.Text ?? d.Describe();
        void Bad(string why) => ctx.Report(Diagnostics.InvalidDefault, d, subject, shown, name, why);

        switch (kind)
        {
            case "enum":
                var match = values.FirstOrDefault(v => v.Wire == d.Text && v.IsNumber == (d.Kind == JsonKind.Number));
                if (d.Kind is not (JsonKind.String or JsonKind.Number) || match is null)
                {
                    ctx.Report(Diagnostics.DefaultNotInValues, d, subject, shown, name);
                    return null;
                }

                return d.Text;
            case "boolean":
                if (d.Kind is JsonKind.True or JsonKind.False)
                {
                    return d.Kind == JsonKind.True ? "true" : "false";
                }

                Bad("is not true or false");
                return null;
            case "integer":
            case "number":
                if (d.Kind != JsonKind.Number || !Decimals.TryParse(d.Text, out var number))
                {
                    Bad("is not a number");
                    return null;
                }

                if (kind == "integer" && number != decimal.Truncate(number))
                {
                    Bad("is not a whole number");
                    return null;
                }

                if ((min is not null && number < min) || (max is not null && number > max))
                {
                    Bad("is outside the parameter's range");
                    return null;
                }

                return d.Text;
            case "text":
            case "string":
                if (d.Kind != JsonKind.String)
                {
                    Bad("is not a string");
                    return null;
                }

                if (maxLength is not null && d.Text!.Length > maxLength)
                {
                    Bad("is longer than maxLength");
                    return null;
                }

                return d.Text;
            case "json":
                Bad("cannot be set: json parameters have no default");
                return null;
            case "task":
                Bad("cannot be set: a task parameter is an earlier generation");
                return null;
            case "list":
                Bad("cannot be set: a list starts empty (give its fields defaults instead)");
                return null;
            default:
                Bad("cannot be set: uploads have no default");
                return null;
        }
    }
}
