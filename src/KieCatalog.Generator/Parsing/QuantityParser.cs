using System.Collections.Generic;
using System.Linq;
using KieCatalog.Generator.Model;

namespace KieCatalog.Generator.Parsing;

/// <summary>
/// What a per-unit price is multiplied by: a parameter's value, the length of the file given for an audio/video
/// parameter (<paramref name="ByFileDuration"/>), or a fixed upper bound. <paramref name="Unbounded"/>: KIE states no
/// upper bound (a file's length without <c>maxSeconds</c>), and <paramref name="Max"/> means nothing.
/// </summary>
internal sealed record Quantity(string? Param, decimal? Fixed, decimal Min, decimal Max, bool ByFileDuration = false, bool ByImageSize = false, string? Otherwise = null, bool Unbounded = false);

internal static class QuantityParser
{
    public static Quantity? Read(ParseContext ctx, string subject, JsonNode price, string unit, IReadOnlyList<ParamSpec> parameters)
    {
        var paramNode = price["quantity"];
        var fixedQuantity = ctx.Number(price, "maxQuantity", subject);
        if (unit == "task")
        {
            if (paramNode is not null || fixedQuantity is not null)
            {
                ctx.Report(Diagnostics.InvalidQuantity, paramNode ?? price["maxQuantity"]!, subject, "a per-task price takes no quantity");
                return null;
            }

            return new Quantity(null, null, 1, 1);
        }

        if (paramNode is null && fixedQuantity is null)
        {
            ctx.Report(Diagnostics.InvalidQuantity, price["unit"]!, subject, $"a price per {unit} needs 'quantity' (a parameter) or 'maxQuantity'");
            return null;
        }

        if (paramNode is not null && fixedQuantity is not null)
        {
            ctx.Report(Diagnostics.InvalidQuantity, paramNode, subject, "give either 'quantity' or 'maxQuantity', not both");
            return null;
        }

        if (fixedQuantity is not null)
        {
            if (fixedQuantity <= 0)
            {
                ctx.Report(Diagnostics.InvalidQuantity, price["maxQuantity"]!, subject, "'maxQuantity' must be above 0");
                return null;
            }

            return new Quantity(null, fixedQuantity, fixedQuantity.Value, fixedQuantity.Value);
        }

        if (paramNode!.Kind == JsonKind.Array || ListQuantityParser.IsPath(paramNode.Text))
        {
            return ListQuantityParser.Read(ctx, subject, paramNode, unit, parameters);
        }

        if (Ratio.Split(paramNode.Text) is not null)
        {
            return Ratio.Read(ctx, subject, paramNode, unit, parameters);
        }

        return Param(ctx, subject, paramNode, unit, parameters);
    }

    /// <summary>A quantity naming one parameter: its value, its file's length or its image's size.</summary>
    internal static Quantity? Param(ParseContext ctx, string subject, JsonNode paramNode, string unit, IReadOnlyList<ParamSpec> parameters)
    {
        var param = paramNode.Kind == JsonKind.String ? parameters.FirstOrDefault(p => p.Name == paramNode.Text) : null;
        if (param is null)
        {
            ctx.Report(Diagnostics.InvalidQuantity, paramNode, subject, $"quantity '{paramNode.Text}' is not a parameter of this mode");
            return null;
        }

        if (System.Array.IndexOf(Vocabulary.SizeUnits, unit) >= 0 || param.Kind == "image")
        {
            return ImageSize(ctx, subject, paramNode, unit, param);
        }

        if (Vocabulary.UploadKinds.Contains(param.Kind))
        {
            return FileDuration(ctx, subject, paramNode, unit, param);
        }

        if (!param.Required && param.Default is null)
        {
            ctx.Report(Diagnostics.InvalidQuantity, paramNode, subject, $"quantity '{param.Name}' is optional without a default; it needs a value");
            return null;
        }

        var range = Range(param, unit);
        if (range is null)
        {
            ctx.Report(Diagnostics.InvalidQuantity, paramNode, subject, unit == "1000-chars"
                ? $"quantity '{param.Name}' must be a text or string parameter with maxLength"
                : $"quantity '{param.Name}' must be an integer or number parameter with min and max, or an enum of numbers");
            return null;
        }

        return new Quantity(param.Name, null, range.Value.Min, range.Value.Max);
    }

    /// <summary>
    /// A quantity naming an upload: the price is per second (or started minute) of that file's length. A list of files
    /// counts when it takes one file (<c>maxItems</c> 1: Kling's motion video); without <c>maxSeconds</c> the price has
    /// no upper bound (KIE states no longest file), and the range shown is "from" one unit.
    /// </summary>
    private static Quantity? FileDuration(ParseContext ctx, string subject, JsonNode paramNode, string unit, ParamSpec param)
    {
        var oneOfList = Vocabulary.DurationListKinds.Contains(param.Kind);
        if (!Vocabulary.DurationKinds.Contains(param.Kind) && !(oneOfList && param.MaxItems == 1))
        {
            ctx.Report(Diagnostics.InvalidFileDuration, paramNode, subject, oneOfList
                ? $"quantity '{param.Name}' is a list of files: a price by a file's duration needs the list to take one file ('maxItems': 1)"
                : $"quantity '{param.Name}' is {param.Kind}, which has no length: only an audio or video parameter can price by its file's duration");
            return null;
        }

        if (unit is not ("second" or "minute"))
        {
            ctx.Report(Diagnostics.InvalidFileDuration, paramNode, subject,
                $"quantity '{param.Name}' is a file's duration: the price must be per second or per minute, not per {unit}");
            return null;
        }

        if (!param.Required)
        {
            ctx.Report(Diagnostics.InvalidFileDuration, paramNode, subject,
                $"quantity '{param.Name}' is optional: a price by a file's duration needs the file to be required");
            return null;
        }

        if (param.MaxSeconds is not { } maxSeconds)
        {
            return new Quantity(param.Name, null, 1, 1, ByFileDuration: true, Unbounded: true);
        }

        var max = unit == "second" ? maxSeconds : System.Math.Ceiling(maxSeconds / 60m);
        return new Quantity(param.Name, null, 1, max, ByFileDuration: true);
    }

    /// <summary>
    /// A quantity naming an uploaded image: the price is per started megapixel of it (<c>megapixel</c>), or by the size of
    /// the output it makes (<c>output-size</c>, from its dimensions and the price's factor, in the price's tiers).
    /// </summary>
    private static Quantity? ImageSize(ParseContext ctx, string subject, JsonNode paramNode, string unit, ParamSpec param)
    {
        if (param.Kind != "image")
        {
            ctx.Report(Diagnostics.InvalidImageSizePrice, paramNode, subject,
                $"a price per {unit} follows an uploaded image's dimensions: quantity '{param.Name}' must be an image parameter, not {param.Kind}");
            return null;
        }

        if (System.Array.IndexOf(Vocabulary.SizeUnits, unit) < 0)
        {
            ctx.Report(Diagnostics.InvalidImageSizePrice, paramNode, subject,
                $"quantity '{param.Name}' is an image: the price must be per megapixel or by output size, not per {unit}");
            return null;
        }

        if (!param.Required)
        {
            ctx.Report(Diagnostics.InvalidImageSizePrice, paramNode, subject,
                $"quantity '{param.Name}' is optional: a price by an image's dimensions needs the image to be required");
            return null;
        }

        if (unit == "output-size")
        {
            return new Quantity(param.Name, null, 1, 1, ByImageSize: true);
        }

        if (!Decimals.TryParse(param.MaxMegapixels, out var maxMegapixels))
        {
            ctx.Report(Diagnostics.InvalidImageSizePrice, paramNode, subject,
                $"quantity '{param.Name}' is an image's megapixels: give the parameter 'maxMegapixels' (the largest image KIE takes)");
            return null;
        }

        return new Quantity(param.Name, null, 1, System.Math.Ceiling(maxMegapixels), ByImageSize: true);
    }

    private static (decimal Min, decimal Max)? Range(ParamSpec param, string unit)
    {
        if (unit == "1000-chars")
        {
            return param.Kind is "text" or "string" && param.MaxLength is { } length
                ? (1m, System.Math.Ceiling(length / 1000m))
                : null;
        }

        switch (param.Kind)
        {
            case "integer":
            case "number":
                return Decimals.TryParse(param.Min, out var min) && Decimals.TryParse(param.Max, out var max) ? (min, max) : null;
            case "enum":
                var numbers = new List<decimal>();
                foreach (var v in param.Values)
                {
                    if (!Decimals.TryParse(v.Wire, out var n))
                    {
                        return null;
                    }

                    numbers.Add(n);
                }

                return numbers.Count == 0 ? null : (numbers.Min(), numbers.Max());
            default:
                return null;
        }
    }
}
