using System.Buffers.Binary;

namespace KieBot.Telegram.Media;

/// <summary>
/// ISO BMFF (MP4, M4A, MOV, 3GP): <c>moov/mvhd</c> duration over its timescale, wherever <c>moov</c> is (often after
/// <c>mdat</c>); a fragmented file with no movie duration falls back to <c>moov/mvex/mehd</c>.
/// </summary>
internal static class Mp4Duration
{
    private const ulong Unknown = ulong.MaxValue;

    public static bool IsTopLevelBox(ReadOnlySpan<byte> type) =>
        type.SequenceEqual("ftyp"u8) || type.SequenceEqual("moov"u8) || type.SequenceEqual("mdat"u8) ||
        type.SequenceEqual("free"u8) || type.SequenceEqual("skip"u8) || type.SequenceEqual("wide"u8) ||
        type.SequenceEqual("pnot"u8);

    public static PlayingTime? Read(MediaSource source)
    {
        var moov = Find(source, 0, source.Length, "moov"u8);
        if (moov is not { } movie)
        {
            return null;
        }

        if (Find(source, movie.Body, movie.End, "mvhd"u8) is not { } mvhd || ReadMvhd(source, mvhd) is not var (timescale, duration))
        {
            return null;
        }

        if (duration is 0 or Unknown)
        {
            duration = Fragmented(source, movie) ?? 0;
            if (duration == 0)
            {
                return null;
            }
        }

        return PlayingTime.Of(MediaFormat.Mp4, duration, timescale);
    }

    /// <summary>The first box of <paramref name="type"/> among the boxes in [start, end), or null when absent or a size is corrupt.</summary>
    private static Box? Find(MediaSource source, long start, long end, ReadOnlySpan<byte> type)
    {
        Span<byte> header = stackalloc byte[16];
        var at = start;
        while (end - at >= 8)
        {
            if (!source.ReadExactly(at, header[..8]))
            {
                return null;
            }

            long size = BinaryPrimitives.ReadUInt32BigEndian(header);
            var headerLength = 8;
            if (size == 1)
            {
                if (end - at < 16 || !source.ReadExactly(at + 8, header[8..16]))
                {
                    return null;
                }

                var large = BinaryPrimitives.ReadUInt64BigEndian(header[8..]);
                if (large > long.MaxValue)
                {
                    return null;
                }

                size = (long)large;
                headerLength = 16;
            }
            else if (size == 0)
            {
                size = end - at;
            }

            if (size < headerLength || size > end - at)
            {
                return null;
            }

            if (header[4..8].SequenceEqual(type))
            {
                return new Box(at + headerLength, at + size);
            }

            at += size;
        }

        return null;
    }

    private static (ulong Timescale, ulong Duration)? ReadMvhd(MediaSource source, Box mvhd)
    {
        Span<byte> body = stackalloc byte[32];
        var length = (int)Math.Min(body.Length, mvhd.End - mvhd.Body);
        if (!source.ReadExactly(mvhd.Body, body[..length]))
        {
            return null;
        }

        body = body[..length];
        return body switch
        {
            [0, ..] when body.Length >= 20 => (BinaryPrimitives.ReadUInt32BigEndian(body[12..]), Version0(body[16..])),
            [1, ..] when body.Length >= 32 => (BinaryPrimitives.ReadUInt32BigEndian(body[20..]), BinaryPrimitives.ReadUInt64BigEndian(body[24..])),
            _ => null,
        };
    }

    /// <summary>A fragmented file's whole duration from <c>mvex/mehd</c>, in the movie's timescale.</summary>
    private static ulong? Fragmented(MediaSource source, Box movie)
    {
        if (Find(source, movie.Body, movie.End, "mvex"u8) is not { } mvex || Find(source, mvex.Body, mvex.End, "mehd"u8) is not { } mehd)
        {
            return null;
        }

        Span<byte> body = stackalloc byte[12];
        var length = (int)Math.Min(body.Length, mehd.End - mehd.Body);
        if (!source.ReadExactly(mehd.Body, body[..length]))
        {
            return null;
        }

        ulong? duration = (body[..length]) switch
        {
            [0, _, _, _, _, _, _, _, ..] => Version0(body[4..]),
            [1, _, _, _, _, _, _, _, _, _, _, _] => BinaryPrimitives.ReadUInt64BigEndian(body[4..]),
            _ => null,
        };
        return duration is Unknown ? null : duration;
    }

    /// <summary>A 32-bit duration; all ones means unknown, as in version 1.</summary>
    private static ulong Version0(ReadOnlySpan<byte> bytes) =>
        BinaryPrimitives.ReadUInt32BigEndian(bytes) is var value && value == uint.MaxValue ? Unknown : value;

    /// <summary>A box's body (after its header) and its end, both absolute offsets.</summary>
    private readonly record struct Box(long Body, long End);
}
