using System.ComponentModel;

namespace KieCatalog.Catalog;

/// <summary>Constraint checks the generated <c>Validate()</c> methods call.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class InputRules
{
    public static void Text(List<InputViolation> v, string param, string? value, bool required, int? maxLength)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            if (required)
            {
                v.Add(new InputViolation(param, ViolationCode.Missing));
            }

            return;
        }

        if (maxLength is { } max && value.Length > max)
        {
            v.Add(new InputViolation(param, ViolationCode.TooLong, max.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }
    }

    public static void Range(List<InputViolation> v, string param, decimal? value, decimal? min, decimal? max)
    {
        if (value is null)
        {
            return;
        }

        if (min is not null && value < min)
        {
            v.Add(new InputViolation(param, ViolationCode.BelowMin, InputViolation.Format(min.Value)));
        }

        if (max is not null && value > max)
        {
            v.Add(new InputViolation(param, ViolationCode.AboveMax, InputViolation.Format(max.Value)));
        }
    }

    public static void Url(List<InputViolation> v, string param, string? value, bool required)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            if (required)
            {
                v.Add(new InputViolation(param, ViolationCode.Missing));
            }

            return;
        }

        if (!IsHttpUrl(value))
        {
            v.Add(new InputViolation(param, ViolationCode.InvalidUrl));
        }
    }

    public static void Urls(List<InputViolation> v, string param, IReadOnlyList<string>? values, bool required, int? minItems, int? maxItems)
    {
        var count = values?.Count ?? 0;
        if (count == 0)
        {
            if (required)
            {
                v.Add(new InputViolation(param, ViolationCode.Missing));
            }

            return;
        }

        if (minItems is { } min && count < min)
        {
            v.Add(new InputViolation(param, ViolationCode.TooFewItems, min.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        if (maxItems is { } max && count > max)
        {
            v.Add(new InputViolation(param, ViolationCode.TooManyItems, max.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        if (values!.Any(u => !IsHttpUrl(u)))
        {
            v.Add(new InputViolation(param, ViolationCode.InvalidUrl));
        }
    }

    public static void Defined(List<InputViolation> v, string param, bool defined)
    {
        if (!defined)
        {
            v.Add(new InputViolation(param, ViolationCode.NotAValue));
        }
    }

    /// <summary>
    /// A file whose length prices the mode: when the file is given, its length in seconds must be known and above 0
    /// (and at most <paramref name="maxSeconds"/>).
    /// </summary>
    public static void Duration(List<InputViolation> v, string param, string? file, decimal? seconds, int? maxSeconds)
    {
        if (string.IsNullOrWhiteSpace(file))
        {
            return;
        }

        if (seconds is not > 0)
        {
            v.Add(new InputViolation(param, ViolationCode.DurationMissing));
            return;
        }

        if (maxSeconds is { } max && seconds > max)
        {
            v.Add(new InputViolation(param, ViolationCode.DurationAboveMax, max.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }
    }

    /// <summary>
    /// The seconds of an output that is <paramref name="frames"/> frames at <paramref name="perSecond"/> frames a second
    /// (Wan 2.2 speech-to-video's <c>num_frames / frames_per_second</c>), rounded up to a hundredth; 0 when the rate is not above 0.
    /// </summary>
    public static decimal OutputSeconds(decimal frames, decimal perSecond) =>
        perSecond > 0 ? decimal.Ceiling(frames / perSecond * 100) / 100 : 0;

    /// <summary>Whole seconds billed for a file's length: fractions round up; null when the length is unknown or not above 0.</summary>
    public static decimal? BilledSeconds(decimal? seconds) => seconds is > 0 ? decimal.Ceiling(seconds.Value) : null;

    /// <summary>Started minutes billed for a file's length (61 s is 2 minutes); null when the length is unknown or not above 0.</summary>
    public static decimal? BilledMinutes(decimal? seconds) => BilledSeconds(seconds) is { } whole ? decimal.Ceiling(whole / 60m) : null;

    /// <summary>
    /// An image whose pixel size prices the mode: when the image is given, its width and height must be known and above 0
    /// (and at most <paramref name="maxMegapixels"/> megapixels of 1,048,576 pixels).
    /// </summary>
    public static void ImageSize(List<InputViolation> v, string param, string? file, int? width, int? height, decimal? maxMegapixels)
    {
        if (string.IsNullOrWhiteSpace(file))
        {
            return;
        }

        if (width is not > 0 || height is not > 0)
        {
            v.Add(new InputViolation(param, ViolationCode.SizeMissing));
            return;
        }

        if (maxMegapixels is { } max && (decimal)width.Value * height.Value > max * PixelsPerMegapixel)
        {
            v.Add(new InputViolation(param, ViolationCode.SizeAboveMax, max.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }
    }

    /// <summary>A megapixel as image services bill it: 1024 × 1024 pixels.</summary>
    public const decimal PixelsPerMegapixel = 1024m * 1024m;

    /// <summary>Started megapixels of an image (1024×1024 is 1, 1025×1024 is 2); null when its size is unknown.</summary>
    public static decimal? BilledMegapixels(int? width, int? height) =>
        width is > 0 && height is > 0 ? decimal.Ceiling((decimal)width.Value * height.Value / PixelsPerMegapixel) : null;

    /// <summary>
    /// The price of the output an image makes: its longer side times <paramref name="factor"/>, priced by the first tier
    /// at least that long (tiers ascending); null when the size is unknown or the output is larger than every tier.
    /// </summary>
    public static decimal? OutputTier(int? width, int? height, decimal factor, IReadOnlyList<(int MaxSide, decimal Credits)> tiers)
    {
        if (width is not > 0 || height is not > 0)
        {
            return null;
        }

        var side = Math.Max(width.Value, height.Value) * factor;
        foreach (var (maxSide, credits) in tiers)
        {
            if (side <= maxSide)
            {
                return credits;
            }
        }

        return null;
    }

    /// <summary>A parameter a <see cref="RequiredWhen"/> rule makes required in this setting must be given.</summary>
    public static void Given(List<InputViolation> v, string param, bool given)
    {
        if (!given)
        {
            v.Add(new InputViolation(param, ViolationCode.Missing));
        }
    }

    /// <summary>At least one of <paramref name="params"/> must be given; the violation names the first.</summary>
    public static void OneOf(List<InputViolation> v, string[] @params, bool anyGiven)
    {
        if (!anyGiven)
        {
            v.Add(new InputViolation(@params[0], ViolationCode.NoneOf, string.Join(", ", @params)));
        }
    }

    public static bool IsHttpUrl(string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);
}
