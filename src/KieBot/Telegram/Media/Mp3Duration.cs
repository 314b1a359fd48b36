using System.Buffers.Binary;

namespace KieBot.Telegram.Media;

/// <summary>
/// MPEG layer III: the first frame (after any ID3v2 tag) confirmed by the frame that follows it; a Xing/Info or VBRI
/// header in it gives frames × samples per frame / sample rate, otherwise the audio bytes (less an ID3v1 tag at the
/// end) at the first frame's bitrate.
/// </summary>
internal static class Mp3Duration
{
    private const int MaxJunk = 64 * 1024;
    private const int MaxFrame = 2048;
    private const int Id3v1 = 128;

    public static PlayingTime? Read(MediaSource source, long audio)
    {
        var end = source.Length;
        Span<byte> tag = stackalloc byte[3];
        if (end - audio >= Id3v1 && source.ReadExactly(end - Id3v1, tag) && tag.SequenceEqual("TAG"u8))
        {
            end -= Id3v1;
        }

        var window = source.Read(audio, MaxJunk + (2 * MaxFrame));
        if (FirstFrame(window, audio, end) is not var (at, frame))
        {
            return null;
        }

        var first = window.AsSpan(at, (int)Math.Min(window.Length - at, frame.Length));
        if (Frames(first, frame) is { } frames and > 0)
        {
            return PlayingTime.Of(MediaFormat.Mp3, frames * (ulong)frame.SamplesPerFrame, (ulong)frame.SampleRate);
        }

        var bytes = end - (audio + at);
        return bytes <= 0 ? null : PlayingTime.Of(MediaFormat.Mp3, (ulong)bytes * 8, (ulong)frame.Kbps * 1000);
    }

    /// <summary>The offset in <paramref name="window"/> of the first frame whose successor is a frame too (or the end of the audio).</summary>
    private static (int At, Mp3Frame Frame)? FirstFrame(byte[] window, long audio, long end)
    {
        var last = Math.Min(MaxJunk, window.Length - 4);
        for (var at = 0; at <= last; at++)
        {
            if (!Mp3Frame.TryParse(window.AsSpan(at), out var frame))
            {
                continue;
            }

            var next = at + frame.Length;
            if (audio + next == end || (next + 4 <= window.Length && Mp3Frame.TryParse(window.AsSpan(next), out var following) && frame.SameStream(following)))
            {
                return (at, frame);
            }
        }

        return null;
    }

    /// <summary>The frame count of a Xing/Info header (after the side information) or a VBRI header (at 36), or null.</summary>
    private static ulong? Frames(ReadOnlySpan<byte> frame, Mp3Frame header)
    {
        int[] offsets = header.HasCrc ? [4 + header.SideInfo, 6 + header.SideInfo] : [4 + header.SideInfo];
        foreach (var xing in offsets)
        {
            if (frame.Length >= xing + 12 && (frame[xing..].StartsWith("Xing"u8) || frame[xing..].StartsWith("Info"u8)))
            {
                var flags = BinaryPrimitives.ReadUInt32BigEndian(frame[(xing + 4)..]);
                return (flags & 1) != 0 ? BinaryPrimitives.ReadUInt32BigEndian(frame[(xing + 8)..]) : null;
            }
        }

        const int Vbri = 36;
        if (frame.Length >= Vbri + 18 && frame[Vbri..].StartsWith("VBRI"u8))
        {
            return BinaryPrimitives.ReadUInt32BigEndian(frame[(Vbri + 14)..]);
        }

        return null;
    }
}
