using System.Buffers.Binary;

namespace KieBot.Telegram.Media;

/// <summary>
/// PNG: the signature, then IHDR, which must be the first chunk: length 13, width and height (4 bytes each, big-endian),
/// a bit depth valid for the colour type, compression, filter and interlace methods PNG defines, and its CRC.
/// </summary>
internal static class PngSize
{
    private const int IhdrLength = 13;

    public static ReadOnlySpan<byte> Signature => [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    public static ImageDimensions? Read(MediaSource source)
    {
        Span<byte> head = stackalloc byte[8 + 4 + 4 + IhdrLength + 4];
        if (!source.ReadExactly(0, head))
        {
            return null;
        }

        var chunk = head[8..];
        if (BinaryPrimitives.ReadUInt32BigEndian(chunk) != IhdrLength || !chunk[4..8].SequenceEqual("IHDR"u8))
        {
            return null;
        }

        var typeAndData = chunk[4..(8 + IhdrLength)];
        if (Crc32(typeAndData) != BinaryPrimitives.ReadUInt32BigEndian(chunk[(8 + IhdrLength)..]))
        {
            return null;
        }

        var ihdr = chunk[8..];
        var (bitDepth, colourType) = (ihdr[8], ihdr[9]);
        var depthValid = colourType switch
        {
            0 => bitDepth is 1 or 2 or 4 or 8 or 16,
            3 => bitDepth is 1 or 2 or 4 or 8,
            2 or 4 or 6 => bitDepth is 8 or 16,
            _ => false,
        };
        if (!depthValid || ihdr[10] != 0 || ihdr[11] != 0 || ihdr[12] > 1)
        {
            return null;
        }

        return ImageDimensions.Of(BinaryPrimitives.ReadUInt32BigEndian(ihdr), BinaryPrimitives.ReadUInt32BigEndian(ihdr[4..]), ImageDimensions.Png);
    }

    /// <summary>The CRC-32 of ISO 3309 (reflected, polynomial 0xEDB88320) PNG puts after each chunk, bit by bit: IHDR is 17 bytes.</summary>
    private static uint Crc32(ReadOnlySpan<byte> bytes)
    {
        var crc = uint.MaxValue;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (var bit = 0; bit < 8; bit++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320 : crc >> 1;
            }
        }

        return ~crc;
    }
}
