using System.Collections.Generic;
using System.Linq;
using KieCatalog.Generator.Model;

namespace KieCatalog.Generator.Parsing;

/// <summary>
/// Reads a price by the size of the output an uploaded image makes (Topaz upscale: up to 2K, 4K, 8K):
/// <c>{"unit": "output-size", "quantity": "image_url", "factor": "upscale_factor", "tiers": [[2048, 10], [4096, 20], [8192, 40]]}</c>.
/// The output's longer side is the image's longer side times the factor (an enum of numbers; 1 without one); the price
/// is the first tier at least that long; a larger output is not offered.
/// </summary>
internal static class OutputSizePriceParser
{
    public static PriceSpec? Parse(ParseContext ctx, string subject, JsonNode node, string unit, IReadOnlyList<ParamSpec> parameters)
    {
        if (unit != "output-size")
        {
            ctx.Report(Diagnostics.InvalidImageSizePrice, node["tiers"] ?? node["factor"]!, subject, "'tiers' and 'factor' belong to a price with \"unit\": \"output-size\"");
            return null;
        }

        foreach (var name in new[] { "credits", "by", "table", "maxQuantity" })
        {
            if (node[name] is { } stray)
            {
                ctx.Report(Diagnostics.InvalidImageSizePrice, stray, subject, $"a price by output size takes 'quantity', 'factor' and 'tiers', not '{name}'");
                return null;
            }
        }

        var quantity = QuantityParser.Read(ctx, subject, node, unit, parameters);
        if (quantity is null)
        {
            return null;
        }

        string? factor = null;
        if (node["factor"] is { } factorNode)
        {
            var param = factorNode.Kind == JsonKind.String ? parameters.FirstOrDefault(p => p.Name == factorNode.Text) : null;
            if (param is null || param.Kind != "enum" || param.Values.Any(v => !Decimals.TryParse(v.Wire, out _)) || (!param.Required && param.Default is null))
            {
                ctx.Report(Diagnostics.InvalidImageSizePrice, factorNode, subject, $"'factor' must name an enum of numbers with a value (required or with a default), e.g. \"upscale_factor\"");
                return null;
            }

            factor = param.Name;
        }

        var tiers = ReadTiers(ctx, subject, node);
        if (tiers is null)
        {
            return null;
        }

        var rates = tiers.Select(t => decimal.Parse(t.Credits, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        return new PriceSpec(
            null, EquatableArray<string>.Empty, EquatableArray<PriceEntrySpec>.Empty, unit, quantity.Param, null,
            Decimals.Format(rates.Min()), Decimals.Format(rates.Max()), ByImageSize: true, Factor: factor, Tiers: tiers.ToEquatableArray());
    }

    private static List<SizeTierSpec>? ReadTiers(ParseContext ctx, string subject, JsonNode node)
    {
        var array = ctx.Array(node, "tiers", subject, required: true);
        if (array is null)
        {
            return null;
        }

        var tiers = new List<SizeTierSpec>();
        foreach (var item in array.Items)
        {
            if (item.Kind != JsonKind.Array || item.Items.Count != 2 || item.Items[0].Kind != JsonKind.Number || item.Items[1].Kind != JsonKind.Number
                || !int.TryParse(item.Items[0].Text, out var side) || side <= 0 || !Decimals.TryParse(item.Items[1].Text, out var credits) || credits < 0)
            {
                ctx.Report(Diagnostics.InvalidImageSizePrice, item, subject, "each tier is [longest side in pixels, credits], e.g. [2048, 10]");
                return null;
            }

            if (tiers.Count > 0 && side <= tiers[tiers.Count - 1].MaxSide)
            {
                ctx.Report(Diagnostics.InvalidImageSizePrice, item, subject, "tiers go from the smallest output to the largest");
                return null;
            }

            tiers.Add(new SizeTierSpec(side, Decimals.Format(credits)));
        }

        if (tiers.Count == 0)
        {
            ctx.Report(Diagnostics.InvalidImageSizePrice, array, subject, "a price by output size needs at least one tier");
            return null;
        }

        return tiers;
    }
}
