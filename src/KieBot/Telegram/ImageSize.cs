using KieBot.Telegram.Media;

namespace KieBot.Telegram;

/// <summary>
/// Reads an image's width and height from its header, without decoding and without any external process: JPEG (the
/// first SOF0–SOF15 frame header, past APPn/COM and the other segments by their lengths), PNG (IHDR, its CRC checked),
/// GIF (logical screen), BMP (BITMAPINFOHEADER and its later versions, or the OS/2 core header; a top-down image's
/// negative height counts as its size), WebP (VP8, VP8L or VP8X) and HEIF: HEIC and AVIF (the primary item's
/// <c>ispe</c> in <c>meta/iprp/ipco</c>, found through <c>pitm</c> and <c>ipma</c>, so a grid image gives the whole grid,
/// not a tile).
/// Every answer is null when the format is unknown or the header is corrupt or truncated, or a side is not 1..65535;
/// bad input never throws, and every segment, chunk and box size is checked against the file, so hostile input cannot
/// make it loop or allocate much.
/// </summary>
/// <remarks>
/// <para>
/// The size is the displayed one. A JPEG's EXIF orientation (tag 0x0112 in IFD0 of the first <c>Exif</c> APP1 segment,
/// among its first 64 entries) of 5–8 (turned a quarter) swaps width and height; 1–4 (flips, a half turn) and an absent,
/// unreadable or out-of-range orientation leave them as the frame header states them; a damaged EXIF never makes the
/// answer null. A HEIF's <c>irot</c> of 90° or 270° swaps them too; <c>clap</c> (a clean-aperture crop) is not applied.
/// </para>
/// <para>
/// A seekable stream is read from its current position, only where the header is (a few small reads at the start, one
/// per JPEG segment or HEIF box); the position is left wherever the last read ended. A stream that cannot seek is read
/// into memory from the start, 64 KiB at first and then four times more at a time, only until its header is complete,
/// at most <see cref="MaxBufferedBytes"/>; a header that ends past that gives null. The stream is not disposed. Errors
/// of the stream itself (an <see cref="IOException"/>) are not caught.
/// </para>
/// </remarks>
public static class ImageSize
{
    /// <summary>The most of a non-seekable stream that is buffered to find its header (a JPEG may carry megabytes of XMP before its frame).</summary>
    public const int MaxBufferedBytes = 16 * 1024 * 1024;

    private const int FirstBufferedBytes = 64 * 1024;

    /// <summary>The displayed width and height and the format, or null.</summary>
    public static ImageDimensions? Read(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        return stream.CanSeek ? Read(new MediaSource(stream)) : ReadForward(stream);
    }

    /// <summary>The displayed width and height of a file already in memory, or null.</summary>
    public static ImageDimensions? Read(byte[] file)
    {
        ArgumentNullException.ThrowIfNull(file);
        return Read(new MediaSource(file));
    }

    private static ImageDimensions? Read(MediaSource source) => Reader(source)?.Invoke(source);

    /// <summary>The reader for the format the first bytes announce, or null when they announce no image.</summary>
    private static Func<MediaSource, ImageDimensions?>? Reader(MediaSource source)
    {
        Span<byte> head = stackalloc byte[12];
        var read = source.Read(0, head);
        head = head[..read];
        if (head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]))
        {
            return JpegSize.Read;
        }

        if (head.StartsWith(PngSize.Signature))
        {
            return PngSize.Read;
        }

        if (head.StartsWith("GIF87a"u8) || head.StartsWith("GIF89a"u8))
        {
            return GifSize.Read;
        }

        if (head.StartsWith("BM"u8))
        {
            return BmpSize.Read;
        }

        if (read >= 12 && head.StartsWith("RIFF"u8) && head[8..12].SequenceEqual("WEBP"u8))
        {
            return WebpSize.Read;
        }

        return HeifSize.Format(source) is null ? null : HeifSize.Read;
    }

    /// <summary>
    /// A header read from a growing prefix of the stream: a prefix of a file answers null or what the whole file answers,
    /// so reading stops as soon as one answers, when the stream ends, or when the first bytes are of no image.
    /// </summary>
    private static ImageDimensions? ReadForward(Stream stream)
    {
        var buffer = new byte[FirstBufferedBytes];
        var length = 0;
        while (true)
        {
            length += stream.ReadAtLeast(buffer.AsSpan(length), buffer.Length - length, throwOnEndOfStream: false);
            using var prefix = new MemoryStream(buffer, 0, length, writable: false);
            var source = new MediaSource(prefix);
            if (Reader(source) is not { } reader)
            {
                return null;
            }

            if (reader(source) is { } dimensions)
            {
                return dimensions;
            }

            if (length < buffer.Length || buffer.Length == MaxBufferedBytes)
            {
                return null;
            }

            Array.Resize(ref buffer, Math.Min(buffer.Length * 4, MaxBufferedBytes));
        }
    }
}
