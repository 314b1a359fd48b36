using System.Collections.Generic;
using System.Linq;
using KieCatalog.Generator.Model;

namespace KieCatalog.Generator.Parsing;

/// <summary>
/// Reads a mode's price: fixed credits, or a table over enum/boolean parameters (nested in the order of "by"),
/// times a quantity for per-unit prices. Every combination must be priced (null marks one KIE does not offer).
/// </summary>
internal static class PriceParser
{
    private static readonly string[] Known = { "credits", "by", "table", "unit", "quantity", "maxQuantity", "factor", "tiers", "produced" };

    public static PriceSpec? Parse(ParseContext ctx, string subject, JsonNode mode, IReadOnlyList<ParamSpec> parameters)
    {
        var node = mode["price"];
        if (node is null || (node.Kind == JsonKind.Object && node.Properties.Count == 0))
        {
            ctx.ReportAtStart(Diagnostics.MissingPrice, node ?? mode, subject);
            return null;
        }

        if (node.Kind != JsonKind.Object)
        {
            ctx.Invalid(subject, node, "'price' must be an object");
            return null;
        }

        ctx.OnlyKnown(node, subject, Known);
        var unit = ctx.OneOf(node, "unit", subject, Vocabulary.PriceUnits, "task") ?? "task";
        if (unit == "output-size" || node["tiers"] is not null || node["factor"] is not null)
        {
            return OutputSizePriceParser.Parse(ctx, subject, node, unit, parameters);
        }

        var credits = ctx.Number(node, "credits", subject);
        var byNode = node["by"];
        var tableNode = node["table"];
        if (credits is not null && (byNode is not null || tableNode is not null))
        {
            ctx.Invalid(subject, node["credits"]!, "a price has either 'credits' or 'by' with 'table', not both");
            return null;
        }

        if (credits is null && (byNode is null || tableNode is null))
        {
            if (node["credits"] is null && byNode is null && tableNode is null)
            {
                ctx.ReportAtStart(Diagnostics.MissingPrice, node, subject);
            }
            else if (node["credits"] is null)
            {
                ctx.ReportAtStart(Diagnostics.InvalidValue, node, subject, "a price table needs both 'by' and 'table'");
            }

            return null;
        }

        if (credits < 0)
        {
            ctx.Report(Diagnostics.NegativePrice, node["credits"]!, subject, Decimals.Format(credits.Value));
            return null;
        }

        var by = EquatableArray<string>.Empty;
        var table = new List<PriceEntrySpec>();
        if (credits is null)
        {
            var priced = ReadBy(ctx, subject, node, parameters);
            if (priced is null)
            {
                return null;
            }

            by = priced.Select(p => p.Name).ToEquatableArray();
            if (tableNode!.Kind != JsonKind.Object)
            {
                ctx.Invalid(subject, tableNode, "'table' must be an object keyed by the values of the first 'by' parameter");
                return null;
            }

            if (!ReadTable(ctx, subject, tableNode, priced, 0, new List<string>(), table))
            {
                return null;
            }
        }

        var quantity = QuantityParser.Read(ctx, subject, node, unit, parameters);
        if (quantity is null)
        {
            return null;
        }

        var rates = credits is not null ? new[] { credits.Value } : table.Where(t => t.Credits is not null).Select(t => decimal.Parse(t.Credits!, System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        if (rates.Length == 0)
        {
            ctx.ReportAtStart(Diagnostics.MissingPrice, node, subject);
            return null;
        }

        var produced = Produced(ctx, subject, node, unit, quantity);
        if (produced is null)
        {
            return null;
        }

        var min = rates.Min() * (produced.Value ? 1 : quantity.Min);
        decimal? max = quantity.Unbounded ? null : rates.Max() * quantity.Max;
        return new PriceSpec(
            credits is null ? null : Decimals.Format(credits.Value), by, table.ToEquatableArray(), unit,
            quantity.Param, quantity.Fixed is null ? null : Decimals.Format(quantity.Fixed.Value),
            Decimals.Format(min), max is null ? null : Decimals.Format(max.Value), quantity.ByFileDuration, quantity.ByImageSize, Produced: produced.Value, Otherwise: quantity.Otherwise);
    }

    /// <summary>
    /// <c>"produced": true</c>: the quantity is the most images the task may make, and KIE bills those it makes. Only a
    /// per-image price whose quantity is a parameter's number can say so; null after reporting a misuse.
    /// </summary>
    private static bool? Produced(ParseContext ctx, string subject, JsonNode price, string unit, Quantity quantity)
    {
        if (price["produced"] is not { } node)
        {
            return false;
        }

        if (node.Kind is not (JsonKind.True or JsonKind.False))
        {
            ctx.Invalid(subject, node, "'produced' must be true or false");
            return null;
        }

        if (node.Kind == JsonKind.True && (unit != "image" || quantity.Param is null || quantity.ByFileDuration || quantity.ByImageSize || ListQuantityParser.IsPath(quantity.Param)))
        {
            ctx.Report(Diagnostics.InvalidQuantity, node, subject, "'produced' needs a price per image whose quantity is a parameter (the most images the task may make)");
            return null;
        }

        return node.Kind == JsonKind.True;
    }

    private static List<ParamSpec>? ReadBy(ParseContext ctx, string subject, JsonNode price, IReadOnlyList<ParamSpec> parameters)
    {
        var array = ctx.Array(price, "by", subject, required: true);
        if (array is null)
        {
            return null;
        }

        if (array.Items.Count == 0)
        {
            ctx.Invalid(subject, array, "'by' names no parameter");
            return null;
        }

        var result = new List<ParamSpec>();
        foreach (var item in array.Items)
        {
            var param = item.Kind == JsonKind.String ? parameters.FirstOrDefault(p => p.Name == item.Text) : null;
            if (param is null)
            {
                ctx.Report(Diagnostics.UnknownPricedParam, item, subject, item.Text ?? item.Describe(), "which is not a parameter of this mode");
                return null;
            }

            if (param.Kind is not ("enum" or "boolean"))
            {
                ctx.Report(Diagnostics.UnknownPricedParam, item, subject, param.Name, $"which is {param.Kind}; a price table needs enum or boolean parameters");
                return null;
            }

            if (!param.Required && param.Default is null)
            {
                ctx.Report(Diagnostics.UnknownPricedParam, item, subject, param.Name, "which is optional without a default; a priced parameter needs a value");
                return null;
            }

            if (result.Contains(param))
            {
                ctx.Invalid(subject, item, $"'{param.Name}' is named twice in 'by'");
                return null;
            }

            result.Add(param);
        }

        return result;
    }

    private static IEnumerable<string> ValuesOf(ParamSpec param) =>
        param.Kind == "boolean" ? new[] { "false", "true" } : param.Values.Select(v => v.Wire);

    private static bool ReadTable(
        ParseContext ctx, string subject, JsonNode node, List<ParamSpec> by, int depth, List<string> key, List<PriceEntrySpec> rows)
    {
        var param = by[depth];
        var ok = true;
        var values = ValuesOf(param).ToList();
        foreach (var property in node.Properties)
        {
            if (!values.Contains(property.Name))
            {
                ctx.Report(Diagnostics.InvalidValue, property.NameStart, property.NameEnd, subject,
                    $"price key '{property.Name}' is not a value of '{param.Name}' ({string.Join(", ", values)})");
                ok = false;
            }
        }

        foreach (var value in values)
        {
            key.Add(value);
            var entry = node[value];
            if (entry is null)
            {
                var combination = string.Join(", ", by.Take(key.Count).Select((p, i) => p.Name + "=" + key[i]));
                ctx.ReportAtStart(Diagnostics.UnpricedCombination, node, subject, combination);
                ok = false;
            }
            else if (depth + 1 < by.Count)
            {
                if (entry.Kind != JsonKind.Object)
                {
                    ctx.Invalid(subject, entry, $"price for {param.Name}={value} must be an object keyed by '{by[depth + 1].Name}'");
                    ok = false;
                }
                else
                {
                    ok &= ReadTable(ctx, subject, entry, by, depth + 1, key, rows);
                }
            }
            else if (entry.Kind == JsonKind.Null)
            {
                rows.Add(new PriceEntrySpec(key.ToEquatableArray(), null));
            }
            else if (entry.Kind == JsonKind.Number && Decimals.TryParse(entry.Text, out var credits))
            {
                if (credits < 0)
                {
                    ctx.Report(Diagnostics.NegativePrice, entry, subject, entry.Text!);
                    ok = false;
                }

                rows.Add(new PriceEntrySpec(key.ToEquatableArray(), Decimals.Format(credits)));
            }
            else
            {
                ctx.Invalid(subject, entry, $"price for {param.Name}={value} must be a number of credits, or null if KIE does not offer it");
                ok = false;
            }

            key.RemoveAt(key.Count - 1);
        }

        return ok;
    }
}
