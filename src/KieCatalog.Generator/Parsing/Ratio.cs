using System.Collections.Generic;
using System.Linq;
using KieCatalog.Generator.Model;

namespace KieCatalog.Generator.Parsing;

/// <summary>
/// A per-second price of an output whose length is one parameter over another: <c>"quantity":
/// "num_frames/frames_per_second"</c> (Wan 2.2 speech-to-video makes num_frames frames at frames_per_second). Both are
/// numbers with min and max and a value (required or a default); the seconds are their quotient rounded up to a
/// hundredth, from the least frames at the most frames per second to the most frames at the fewest.
/// </summary>
internal static class Ratio
{
    /// <summary>The dividend and divisor of an <c>a/b</c> quantity, or null for any other.</summary>
    public static (string Dividend, string Divisor)? Split(string? quantity)
    {
        var at = quantity?.IndexOf('/') ?? -1;
        return at > 0 && at < quantity!.Length - 1 && quantity.IndexOf('/', at + 1) < 0 ? (quantity.Substring(0, at), quantity.Substring(at + 1)) : null;
    }

    public static Quantity? Read(ParseContext ctx, string subject, JsonNode node, string unit, IReadOnlyList<ParamSpec> parameters)
    {
        var (dividend, divisor) = Split(node.Text)!.Value;
        if (unit != "second")
        {
            ctx.Report(Diagnostics.InvalidQuantity, node, subject, $"a quantity '{node.Text}' is an output's seconds: the price must be per second, not per {unit}");
            return null;
        }

        var top = Bounds(ctx, subject, node, dividend, parameters);
        var bottom = top is null ? null : Bounds(ctx, subject, node, divisor, parameters);
        if (top is null || bottom is null)
        {
            return null;
        }

        if (bottom.Value.Min <= 0)
        {
            ctx.Report(Diagnostics.InvalidQuantity, node, subject, $"quantity '{node.Text}' divides by '{divisor}', whose 'min' must be above 0");
            return null;
        }

        return new Quantity(node.Text, null, Seconds(top.Value.Min, bottom.Value.Max), Seconds(top.Value.Max, bottom.Value.Min));
    }

    /// <summary>The seconds a price multiplies by: the quotient rounded up to a hundredth (as the generated Price() does).</summary>
    public static decimal Seconds(decimal dividend, decimal divisor) => System.Math.Ceiling(dividend / divisor * 100) / 100;

    private static (decimal Min, decimal Max)? Bounds(ParseContext ctx, string subject, JsonNode node, string name, IReadOnlyList<ParamSpec> parameters)
    {
        var param = parameters.FirstOrDefault(p => p.Name == name);
        if (param is null || param.Kind is not ("integer" or "number") || !Decimals.TryParse(param.Min, out var min) || !Decimals.TryParse(param.Max, out var max))
        {
            ctx.Report(Diagnostics.InvalidQuantity, node, subject, $"quantity '{node.Text}' names '{name}', which must be an integer or number parameter of this mode with min and max");
            return null;
        }

        if (!param.Required && param.Default is null)
        {
            ctx.Report(Diagnostics.InvalidQuantity, node, subject, $"quantity '{node.Text}' names '{name}', which is optional without a default; it needs a value");
            return null;
        }

        return (min, max);
    }
}
