using System.Collections.Generic;
using KieCatalog.Generator.Model;

namespace KieCatalog.Generator.Parsing;

/// <summary>
/// Reads what a <c>list</c> parameter's items are: <c>items</c> (field wire name → an ordinary parameter; a list inside
/// a list is refused), <c>onlyWith</c> (the boolean parameter that switches the list on) and <c>totals</c> (field →
/// <c>{"min", "max"}</c>: what the field may add up to over the items, characters for a text). What names another
/// parameter of the mode is checked once all are read (<see cref="Validation.ListChecks"/>).
/// </summary>
internal static class ListParser
{
    public static readonly string[] Properties = { "items", "onlyWith", "totals" };

    public static ListSpec? Parse(ParseContext ctx, string subject, string name, string kind, JsonNode node)
    {
        if (kind != "list")
        {
            foreach (var property in Properties)
            {
                if (node[property] is { } stray)
                {
                    ctx.Invalid(subject, stray, $"'{property}' is only for list parameters ('{name}' is {kind})");
                }
            }

            return null;
        }

        var items = node["items"];
        if (items is null || items.Kind != JsonKind.Object || items.Properties.Count == 0)
        {
            var why = items is null ? "has no 'items'" : items.Kind != JsonKind.Object ? "has 'items' that is not an object" : "has 'items' that name no field";
            ctx.Report(Diagnostics.InvalidList, items ?? node, subject, $"list '{name}' {why}: give each field of its items by its wire name, e.g. \"items\": {{ \"prompt\": {{ \"type\": \"text\" }} }}");
            return null;
        }

        var fields = new List<ParamSpec>();
        foreach (var property in items.Properties)
        {
            if (property.Value["type"] is { Kind: JsonKind.String, Text: "list" } nested)
            {
                ctx.Report(Diagnostics.InvalidList, nested, subject, $"field '{property.Name}' of list '{name}' is a list: an item's field may not be a list");
                continue;
            }

            if (ParamParser.Parse(ctx, $"{subject}, list '{name}'", property) is { } field)
            {
                fields.Add(field);
            }
        }

        var onlyWith = ctx.String(node, "onlyWith", subject, required: false);
        return new ListSpec(fields.ToEquatableArray(), onlyWith, Totals(ctx, subject, name, node, fields));
    }

    private static EquatableArray<TotalSpec> Totals(ParseContext ctx, string subject, string name, JsonNode node, List<ParamSpec> fields)
    {
        var totals = ctx.Object(node, "totals", subject, required: false);
        var result = new List<TotalSpec>();
        foreach (var property in totals?.Properties ?? System.Array.Empty<JsonProperty>())
        {
            var field = fields.Find(f => f.Name == property.Name);
            if (field is null || field.Kind is not ("integer" or "number" or "text" or "string"))
            {
                ctx.Report(Diagnostics.InvalidList, property.NameStart, property.NameEnd, subject, field is null
                    ? $"'totals' of list '{name}' names '{property.Name}', which is not a field of its items"
                    : $"'totals' of list '{name}' names '{property.Name}' ({field.Kind}): only a number adds up, or a text's characters");
                continue;
            }

            if (property.Value.Kind != JsonKind.Object)
            {
                ctx.Invalid(subject, property.Value, $"the total of '{property.Name}' must be an object with 'min' and/or 'max'");
                continue;
            }

            ctx.OnlyKnown(property.Value, subject, "min", "max");
            var min = ctx.Number(property.Value, "min", subject);
            var max = ctx.Number(property.Value, "max", subject);
            if (min < 0 || max < 0 || (min is null && max is null))
            {
                ctx.Invalid(subject, property.Value, $"the total of '{property.Name}' needs a 'min' or 'max' of at least 0");
                continue;
            }

            if (min > max)
            {
                ctx.Report(Diagnostics.MinAboveMax, property.Value["max"]!, subject, $"{name}[].{property.Name}", Decimals.Format(min!.Value), Decimals.Format(max!.Value));
                continue;
            }

            result.Add(new TotalSpec(property.Name, min is null ? null : Decimals.Format(min.Value), max is null ? null : Decimals.Format(max.Value)));
        }

        return result.ToEquatableArray();
    }
}
