using System.Buffers.Binary;

namespace KieBot.Telegram.Media;

/// <summary>
/// The orientation in a JPEG's <c>Exif</c> APP1 segment: "Exif\0\0", a TIFF header (II or MM, 42, the offset of IFD0),
/// then IFD0's entries of 12 bytes (tag, type, count, value), tag 0x0112 a SHORT of 1–8.
/// </summary>
internal static class Exif
{
    private const ushort OrientationTag = 0x0112;
    private const ushort Short = 3;
    private const int EntryLength = 12;
    private const int MaxEntries = 64;

    /// <summary>
    /// The orientation 1–8 in the segment body [<paramref name="body"/>, <paramref name="end"/>); 0 when the segment is EXIF
    /// but without a readable orientation; null when it is not EXIF (XMP, say).
    /// </summary>
    public static int? Orientation(MediaSource source, long body, long end)
    {
        Span<byte> header = stackalloc byte[6 + 8 + 2];
        if (end - body < header.Length || !source.ReadExactly(body, header) || !header.StartsWith("Exif\0\0"u8))
        {
            return null;
        }

        var tiff = header[6..];
        bool little;
        if (tiff.StartsWith("II"u8))
        {
            little = true;
        }
        else if (tiff.StartsWith("MM"u8))
        {
            little = false;
        }
        else
        {
            return 0;
        }

        if (U16(tiff[2..], little) != 42)
        {
            return 0;
        }

        var start = body + 6;
        var ifd = U32(tiff[4..], little);
        if (ifd < 8 || ifd > end - start - 2 || !source.ReadExactly(start + ifd, header[..2]))
        {
            return 0;
        }

        var entriesAt = start + ifd + 2;
        var count = (int)Math.Min(Math.Min((int)U16(header, little), MaxEntries), (end - entriesAt) / EntryLength);
        Span<byte> entries = stackalloc byte[MaxEntries * EntryLength];
        entries = entries[..(count * EntryLength)];
        if (!source.ReadExactly(entriesAt, entries))
        {
            return 0;
        }

        for (var i = 0; i < count; i++)
        {
            var entry = entries.Slice(i * EntryLength, EntryLength);
            if (U16(entry, little) == OrientationTag)
            {
                var value = U16(entry[8..], little);
                return U16(entry[2..], little) == Short && U32(entry[4..], little) >= 1 && value is >= 1 and <= 8 ? value : 0;
            }
        }

        return 0;
    }

    private static ushort U16(ReadOnlySpan<byte> bytes, bool little) =>
        little ? BinaryPrimitives.ReadUInt16LittleEndian(bytes) : BinaryPrimitives.ReadUInt16BigEndian(bytes);

    private static uint U32(ReadOnlySpan<byte> bytes, bool little) =>
        little ? BinaryPrimitives.ReadUInt32LittleEndian(bytes) : BinaryPrimitives.ReadUInt32BigEndian(bytes);
}
