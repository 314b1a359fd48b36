using System.Buffers.Binary;

namespace KieBot.Telegram.Media;

/// <summary>
/// WebP: RIFF/WEBP and its first chunk, which must fit in the RIFF size: <c>VP8 </c> (lossy: a shown key frame of a known
/// profile, the start code 9D 01 2A, then 14-bit width and height), <c>VP8L</c> (lossless: the signature 0x2F, then
/// 14-bit width − 1 and height − 1, version 0) or <c>VP8X</c> (extended, as animations and images with alpha or
/// metadata are: 24-bit canvas width − 1 and height − 1). The checks are libwebp's.
/// </summary>
internal static class WebpSize
{
    private const int ChunkAt = 12;
    private const int DataAt = ChunkAt + 8;

    public static ImageDimensions? Read(MediaSource source)
    {
        Span<byte> head = stackalloc byte[DataAt + 10];
        var read = source.Read(0, head);
        if (read < DataAt)
        {
            return null;
        }

        var riffSize = BinaryPrimitives.ReadUInt32LittleEndian(head[4..]);
        var chunkSize = BinaryPrimitives.ReadUInt32LittleEndian(head[(ChunkAt + 4)..]);
        if (riffSize < DataAt - 8 || chunkSize > riffSize - (DataAt - 8))
        {
            return null;
        }

        var fourCc = head[ChunkAt..(ChunkAt + 4)];
        var data = head[DataAt..read];
        if (fourCc.SequenceEqual("VP8 "u8))
        {
            return chunkSize >= 10 && data.Length >= 10 ? Lossy(data, chunkSize) : null;
        }

        if (fourCc.SequenceEqual("VP8L"u8))
        {
            return chunkSize >= 5 && data.Length >= 5 ? Lossless(data) : null;
        }

        if (fourCc.SequenceEqual("VP8X"u8) && chunkSize >= 10 && data.Length >= 10)
        {
            var width = data[4] | (data[5] << 8) | (data[6] << 16);
            var height = data[7] | (data[8] << 8) | (data[9] << 16);
            return ImageDimensions.Of(width + 1L, height + 1L, ImageDimensions.Webp);
        }

        return null;
    }

    /// <summary>The VP8 frame tag (3 bytes: key frame bit 0 clear, profile, shown, first partition size) and the key frame header.</summary>
    private static ImageDimensions? Lossy(ReadOnlySpan<byte> data, uint chunkSize)
    {
        var tag = (uint)(data[0] | (data[1] << 8) | (data[2] << 16));
        var keyFrame = (tag & 1) == 0;
        var profile = (tag >> 1) & 7;
        var shown = ((tag >> 4) & 1) == 1;
        var firstPartition = tag >> 5;
        if (!keyFrame || profile > 3 || !shown || firstPartition >= chunkSize || !data[3..6].SequenceEqual((ReadOnlySpan<byte>)[0x9D, 0x01, 0x2A]))
        {
            return null;
        }

        var width = BinaryPrimitives.ReadUInt16LittleEndian(data[6..]) & 0x3FFF;
        var height = BinaryPrimitives.ReadUInt16LittleEndian(data[8..]) & 0x3FFF;
        return ImageDimensions.Of(width, height, ImageDimensions.Webp);
    }

    private static ImageDimensions? Lossless(ReadOnlySpan<byte> data)
    {
        if (data[0] != 0x2F)
        {
            return null;
        }

        var bits = BinaryPrimitives.ReadUInt32LittleEndian(data[1..]);
        if (bits >> 29 != 0)
        {
            return null;
        }

        return ImageDimensions.Of((bits & 0x3FFF) + 1, ((bits >> 14) & 0x3FFF) + 1, ImageDimensions.Webp);
    }
}
