namespace KieBot.Telegram.Media;

/// <summary>An MPEG 1, 2 or 2.5 layer III frame header (4 bytes) and what follows from it.</summary>
internal readonly record struct Mp3Frame(bool Mpeg1, int Kbps, int SampleRate, bool Padded, bool Mono, bool HasCrc)
{
    private static readonly int[] Mpeg1Kbps = [0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320];
    private static readonly int[] Mpeg2Kbps = [0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160];
    private static readonly int[] Mpeg1Rates = [44100, 48000, 32000];
    private static readonly int[] Mpeg2Rates = [22050, 24000, 16000];
    private static readonly int[] Mpeg25Rates = [11025, 12000, 8000];

    public int SamplesPerFrame => Mpeg1 ? 1152 : 576;

    /// <summary>The frame's length in bytes, header included.</summary>
    public int Length => ((Mpeg1 ? 144 : 72) * Kbps * 1000 / SampleRate) + (Padded ? 1 : 0);

    /// <summary>The side information's length, after the header (and its CRC).</summary>
    public int SideInfo => Mpeg1 ? (Mono ? 17 : 32) : (Mono ? 9 : 17);

    /// <summary>Parses a header; free-format, reserved and other-layer headers are refused.</summary>
    public static bool TryParse(ReadOnlySpan<byte> bytes, out Mp3Frame frame)
    {
        frame = default;
        if (bytes.Length < 4 || bytes[0] != 0xFF || (bytes[1] & 0xE0) != 0xE0)
        {
            return false;
        }

        var version = (bytes[1] >> 3) & 3;
        var layer = (bytes[1] >> 1) & 3;
        var bitrateIndex = bytes[2] >> 4;
        var rateIndex = (bytes[2] >> 2) & 3;
        if (version == 1 || layer != 1 || bitrateIndex is 0 or 15 || rateIndex == 3 || (bytes[3] & 3) == 2)
        {
            return false;
        }

        var mpeg1 = version == 3;
        var rates = version switch { 3 => Mpeg1Rates, 2 => Mpeg2Rates, _ => Mpeg25Rates };
        frame = new Mp3Frame(
            mpeg1,
            (mpeg1 ? Mpeg1Kbps : Mpeg2Kbps)[bitrateIndex],
            rates[rateIndex],
            Padded: (bytes[2] & 2) != 0,
            Mono: bytes[3] >> 6 == 3,
            HasCrc: (bytes[1] & 1) == 0);
        return true;
    }

    /// <summary>True when <paramref name="other"/> can follow this frame in the same stream.</summary>
    public bool SameStream(Mp3Frame other) => other.Mpeg1 == Mpeg1 && other.SampleRate == SampleRate;
}
