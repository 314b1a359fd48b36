namespace KieBot.Telegram;

/// <summary>
/// An image's size in pixels as it is displayed (a JPEG's EXIF orientation and a HEIF's <c>irot</c> applied), with the
/// format it was read from: one of the constants below.
/// </summary>
public readonly record struct ImageDimensions(int Width, int Height, string Format)
{
    public const string Jpeg = "jpeg";
    public const string Png = "png";
    public const string Gif = "gif";
    public const string Bmp = "bmp";
    public const string Webp = "webp";

    /// <summary>HEIF with HEVC images (brands <c>heic</c>, <c>heix</c>, <c>heim</c>, <c>heis</c>, <c>hevc</c>, <c>hevx</c>).</summary>
    public const string Heic = "heic";

    /// <summary>HEIF with AV1 images (brands <c>avif</c>, <c>avis</c>).</summary>
    public const string Avif = "avif";

    /// <summary>HEIF whose brands name no codec (<c>mif1</c> or <c>msf1</c> alone).</summary>
    public const string Heif = "heif";

    /// <summary>The largest width or height believed: anything larger is a corrupt header, not a real image.</summary>
    public const int MaxSide = 65535;

    /// <summary>Null unless both sides are 1..<see cref="MaxSide"/>; <paramref name="swap"/> turns a rotated image's sides.</summary>
    internal static ImageDimensions? Of(long width, long height, string format, bool swap = false)
    {
        if (width is < 1 or > MaxSide || height is < 1 or > MaxSide)
        {
            return null;
        }

        return swap ? new ImageDimensions((int)height, (int)width, format) : new ImageDimensions((int)width, (int)height, format);
    }
}
