using System.Buffers.Binary;

namespace KieBot.Telegram.Media;

/// <summary>
/// BMP: the 14-byte file header ("BM"), then the DIB header, which must be whole: BITMAPINFOHEADER (40 bytes) or a later
/// version (52, 56, 108, 124) or OS/2's (64), with a signed 32-bit width (positive) and height (negative for a top-down
/// image: its absolute value is the height), or the 12-byte BITMAPCOREHEADER with 16-bit sides; one colour plane.
/// </summary>
internal static class BmpSize
{
    private const int FileHeaderLength = 14;
    private const int CoreHeaderLength = 12;

    public static ImageDimensions? Read(MediaSource source)
    {
        Span<byte> head = stackalloc byte[FileHeaderLength + 16];
        if (!source.ReadExactly(0, head))
        {
            return null;
        }

        var dib = head[FileHeaderLength..];
        var dibLength = BinaryPrimitives.ReadUInt32LittleEndian(dib);
        if (dibLength is not (CoreHeaderLength or 40 or 52 or 56 or 64 or 108 or 124) || source.Length < FileHeaderLength + dibLength)
        {
            return null;
        }

        if (dibLength == CoreHeaderLength)
        {
            return BinaryPrimitives.ReadUInt16LittleEndian(dib[8..]) != 1
                ? null
                : ImageDimensions.Of(BinaryPrimitives.ReadUInt16LittleEndian(dib[4..]), BinaryPrimitives.ReadUInt16LittleEndian(dib[6..]), ImageDimensions.Bmp);
        }

        if (BinaryPrimitives.ReadUInt16LittleEndian(dib[12..]) != 1)
        {
            return null;
        }

        long height = BinaryPrimitives.ReadInt32LittleEndian(dib[8..]);
        return ImageDimensions.Of(BinaryPrimitives.ReadInt32LittleEndian(dib[4..]), Math.Abs(height), ImageDimensions.Bmp);
    }
}
