using System.Buffers.Binary;

namespace KieBot.Telegram.Media;

/// <summary>FLAC: the STREAMINFO block (always the first metadata block) gives total samples over the sample rate.</summary>
internal static class FlacDuration
{
    private const int StreamInfoLength = 34;

    public static PlayingTime? Read(MediaSource source, long at)
    {
        Span<byte> block = stackalloc byte[4 + 4 + StreamInfoLength];
        if (!source.ReadExactly(at, block) || (block[4] & 0x7F) != 0)
        {
            return null;
        }

        var length = (block[5] << 16) | (block[6] << 8) | block[7];
        if (length < StreamInfoLength)
        {
            return null;
        }

        var info = block[8..];
        var samples = BinaryPrimitives.ReadUInt64BigEndian(info[10..]) & 0xF_FFFF_FFFF;
        return samples == 0 ? null : PlayingTime.Of(MediaFormat.Flac, samples, SampleRate(info));
    }

    /// <summary>The 20-bit sample rate at byte 10 of a STREAMINFO block's body.</summary>
    public static uint SampleRate(ReadOnlySpan<byte> info) => (uint)((info[10] << 12) | (info[11] << 4) | (info[12] >> 4));
}
