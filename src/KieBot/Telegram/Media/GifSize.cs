using System.Buffers.Binary;

namespace KieBot.Telegram.Media;

/// <summary>GIF87a/GIF89a: the logical screen descriptor after the 6-byte signature, width and height little-endian.</summary>
internal static class GifSize
{
    private const int HeaderLength = 6 + 7;

    public static ImageDimensions? Read(MediaSource source)
    {
        Span<byte> head = stackalloc byte[HeaderLength];
        if (!source.ReadExactly(0, head))
        {
            return null;
        }

        return ImageDimensions.Of(BinaryPrimitives.ReadUInt16LittleEndian(head[6..]), BinaryPrimitives.ReadUInt16LittleEndian(head[8..]), ImageDimensions.Gif);
    }
}
