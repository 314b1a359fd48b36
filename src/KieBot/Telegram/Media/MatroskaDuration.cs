using System.Buffers.Binary;

namespace KieBot.Telegram.Media;

/// <summary>
/// Matroska/WebM: the Segment's Info element, Duration (a float in TimecodeScale units) × TimecodeScale (nanoseconds,
/// default 1 000 000). Info comes before the first Cluster; a file without a Duration (a live recording) gives null.
/// </summary>
internal static class MatroskaDuration
{
    private const uint Ebml = 0x1A45DFA3;
    private const uint Segment = 0x18538067;
    private const uint Info = 0x1549A966;
    private const uint Cluster = 0x1F43B675;
    private const uint TimecodeScale = 0x2AD7B1;
    private const uint Duration = 0x4489;
    private const int MaxInfo = 64 * 1024;
    private const ulong Nanoseconds = 1_000_000_000;

    public static PlayingTime? Read(MediaSource source)
    {
        if (Element(source, 0, source.Length) is not { Id: Ebml, Size: { } ebmlSize } ebml)
        {
            return null;
        }

        var at = ebml.Body + ebmlSize;
        if (Element(source, at, source.Length) is not { Id: Segment } segment)
        {
            return null;
        }

        var end = segment.Size is { } size ? Math.Min(source.Length, segment.Body + size) : source.Length;
        at = segment.Body;
        while (Element(source, at, end) is { } child)
        {
            if (child.Id == Cluster || child.Size is not { } childSize)
            {
                return null;
            }

            if (child.Id == Info)
            {
                return childSize > MaxInfo ? null : ReadInfo(source.Read(child.Body, (int)childSize));
            }

            at = child.Body + childSize;
        }

        return null;
    }

    private static PlayingTime? ReadInfo(byte[] info)
    {
        var source = new MediaSource(info);
        ulong scale = 1_000_000;
        double? duration = null;
        long at = 0;
        while (Element(source, at, info.Length) is { Size: { } size } child && child.Body + size <= info.Length)
        {
            var body = info.AsSpan((int)child.Body, (int)size);
            if (child.Id == TimecodeScale && size is > 0 and <= 8)
            {
                scale = 0;
                foreach (var b in body)
                {
                    scale = (scale << 8) | b;
                }
            }
            else if (child.Id == Duration)
            {
                duration = size switch
                {
                    4 => BinaryPrimitives.ReadSingleBigEndian(body),
                    8 => BinaryPrimitives.ReadDoubleBigEndian(body),
                    _ => null,
                };
            }

            at = child.Body + size;
        }

        if (duration is not { } units || scale == 0)
        {
            return null;
        }

        var nanoseconds = units * scale;
        if (!double.IsFinite(nanoseconds) || nanoseconds < 0 || nanoseconds >= (double)int.MaxValue * Nanoseconds)
        {
            return null;
        }

        return PlayingTime.Of(MediaFormat.Matroska, (ulong)Math.Round(nanoseconds), Nanoseconds);
    }

    /// <summary>The EBML element at <paramref name="at"/>: its ID (marker bit kept), body offset and size (null: unknown size), or null when it does not fit before <paramref name="end"/>.</summary>
    private static (uint Id, long Body, long? Size)? Element(MediaSource source, long at, long end)
    {
        Span<byte> head = stackalloc byte[12];
        var read = source.Read(at, head[..(int)Math.Clamp(end - at, 0, head.Length)]);
        head = head[..read];
        var idLength = read == 0 ? 0 : VintLength(head[0]);
        if (idLength is 0 or > 4 || read < idLength)
        {
            return null;
        }

        uint id = 0;
        foreach (var b in head[..idLength])
        {
            id = (id << 8) | b;
        }

        var sizeLength = read <= idLength ? 0 : VintLength(head[idLength]);
        if (sizeLength == 0 || read < idLength + sizeLength)
        {
            return null;
        }

        var sizeBytes = head.Slice(idLength, sizeLength);
        ulong size = (ulong)(sizeBytes[0] & (0xFF >> sizeLength));
        var allOnes = size == (ulong)(0xFF >> sizeLength);
        foreach (var b in sizeBytes[1..])
        {
            size = (size << 8) | b;
            allOnes &= b == 0xFF;
        }

        var body = at + idLength + sizeLength;
        if (allOnes)
        {
            return (id, body, null);
        }

        return size > (ulong)(end - body) ? null : (id, body, (long)size);
    }

    /// <summary>The length of a variable-size integer from its first byte (1–8), or 0 when it has no marker bit.</summary>
    private static int VintLength(byte first) => first == 0 ? 0 : System.Numerics.BitOperations.LeadingZeroCount((uint)first) - 23;
}
