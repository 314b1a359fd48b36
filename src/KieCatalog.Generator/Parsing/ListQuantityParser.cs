using System.Collections.Generic;
using System.Linq;
using KieCatalog.Generator.Model;

namespace KieCatalog.Generator.Parsing;

/// <summary>
/// A per-unit price counted over a list's items: <c>"quantity": "dialogue[].text"</c> (the characters of every line,
/// per started thousand) or <c>"quantity": ["multi_prompt[].duration", "duration"]</c> (the shots' seconds while the list
/// is in use, else the <c>duration</c> parameter). A list is in use while its <c>onlyWith</c> switch is on, or (without
/// one) while it has items.
/// </summary>
internal static class ListQuantityParser
{
    private const string Separator = "[].";

    public static bool IsPath(string? text) => text is not null && text.Contains(Separator);

    /// <summary>The list and the field of a <c>list[].field</c> quantity, or null for any other.</summary>
    public static (string List, string Field)? Split(string? quantity)
    {
        var at = quantity?.IndexOf(Separator, System.StringComparison.Ordinal) ?? -1;
        return at > 0 ? (quantity!.Substring(0, at), quantity.Substring(at + Separator.Length)) : null;
    }

    public static Quantity? Read(ParseContext ctx, string subject, JsonNode node, string unit, IReadOnlyList<ParamSpec> parameters)
    {
        if (node.Kind != JsonKind.Array)
        {
            var sum = Sum(ctx, subject, node, unit, parameters, out var list);
            if (sum is not null && list!.List!.OnlyWith is { } switchName)
            {
                ctx.Report(Diagnostics.InvalidQuantity, node, subject,
                    $"list '{list.Name}' is read only with '{switchName}' on: say what counts while it is off, e.g. \"quantity\": [\"{node.Text}\", \"duration\"]");
                return null;
            }

            return sum;
        }

        if (node.Items.Count != 2 || node.Items[0] is not { Kind: JsonKind.String } first || !IsPath(first.Text)
            || node.Items[1] is not { Kind: JsonKind.String } second || IsPath(second.Text))
        {
            ctx.Report(Diagnostics.InvalidQuantity, node, subject,
                "a quantity with an alternative is [\"list[].field\", \"parameter\"]: the field summed over the list's items while the list is in use, else the parameter");
            return null;
        }

        var summed = Sum(ctx, subject, first, unit, parameters, out _);
        var other = summed is null ? null : QuantityParser.Param(ctx, subject, second, unit, parameters);
        if (summed is null || other is null)
        {
            return null;
        }

        if (other.ByFileDuration || other.ByImageSize)
        {
            ctx.Report(Diagnostics.InvalidQuantity, second, subject, $"the alternative to a list's sum must count by a parameter's value, not by the file given for '{other.Param}'");
            return null;
        }

        return summed with { Min = System.Math.Min(summed.Min, other.Min), Max = System.Math.Max(summed.Max, other.Max), Otherwise = other.Param };
    }

    private static Quantity? Sum(ParseContext ctx, string subject, JsonNode node, string unit, IReadOnlyList<ParamSpec> parameters, out ParamSpec? list)
    {
        var (listName, fieldName) = Split(node.Text) ?? ("", "");
        list = parameters.FirstOrDefault(p => p.Name == listName && p.List is not null);
        var field = list?.List!.Fields.FirstOrDefault(f => f.Name == fieldName);
        if (list is null || field is null)
        {
            ctx.Report(Diagnostics.InvalidQuantity, node, subject, list is null
                ? $"quantity '{node.Text}': '{listName}' is not a list parameter of this mode"
                : $"quantity '{node.Text}': '{fieldName}' is not a field of the items of '{listName}'");
            return null;
        }

        var items = list.List!;
        var total = items.Totals.FirstOrDefault(t => t.Field == field.Name);
        Decimals.TryParse(total?.Max, out var totalMax);
        Decimals.TryParse(total?.Min, out var totalMin);
        if (unit == "1000-chars")
        {
            if (field.Kind is not ("text" or "string"))
            {
                ctx.Report(Diagnostics.InvalidQuantity, node, subject, $"quantity '{node.Text}' per 1000 characters needs a text field, not {field.Kind}");
                return null;
            }

            decimal? characters = total?.Max is not null ? totalMax : list.MaxItems * field.MaxLength;
            if (characters is not { } most)
            {
                ctx.Report(Diagnostics.InvalidQuantity, node, subject, $"quantity '{node.Text}' needs a most: a 'totals' max of '{field.Name}', or 'maxItems' with the field's 'maxLength'");
                return null;
            }

            return new Quantity(node.Text, null, 1, System.Math.Max(1, System.Math.Ceiling(most / 1000m)));
        }

        if (unit is not ("second" or "minute" or "image") || field.Kind is not ("integer" or "number"))
        {
            ctx.Report(Diagnostics.InvalidQuantity, node, subject, unit is "second" or "minute" or "image"
                ? $"quantity '{node.Text}' sums '{field.Name}', which is {field.Kind}: only an integer or number field adds up"
                : $"a price per {unit} cannot be counted over a list's items");
            return null;
        }

        Decimals.TryParse(field.Min, out var fieldMin);
        var fewest = items.OnlyWith is not null ? System.Math.Max(list.MinItems ?? 1, 1) : list.MinItems ?? 0;
        decimal? highest = total?.Max is not null ? totalMax
            : list.MaxItems is { } maxItems && Decimals.TryParse(field.Max, out var fieldMax) ? maxItems * fieldMax : null;
        if (highest is not { } max)
        {
            ctx.Report(Diagnostics.InvalidQuantity, node, subject, $"quantity '{node.Text}' needs a most: a 'totals' max of '{field.Name}', or 'maxItems' with the field's 'max'");
            return null;
        }

        var min = total?.Min is not null ? totalMin : fewest * System.Math.Max(fieldMin, 0);
        return new Quantity(node.Text, null, min, max);
    }
}
