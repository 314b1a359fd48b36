namespace KieBot.Telegram;

/// <summary>The container or codec a <see cref="PlayingTime"/> was read from.</summary>
public enum MediaFormat
{
    Mp4,
    Wav,
    Mp3,
    OggOpus,
    OggVorbis,
    OggFlac,
    Flac,
    Matroska,
}

/// <summary>
/// A playing duration exactly as the header states it: <see cref="Units"/> ticks of 1/<see cref="UnitsPerSecond"/> s
/// (MP4 timescale units, WAV bytes at the byte rate, samples at the sample rate, Matroska nanoseconds).
/// </summary>
public readonly record struct PlayingTime
{
    private PlayingTime(MediaFormat format, ulong units, ulong unitsPerSecond)
    {
        Format = format;
        Units = units;
        UnitsPerSecond = unitsPerSecond;
    }

    public MediaFormat Format { get; }

    public ulong Units { get; }

    public ulong UnitsPerSecond { get; }

    /// <summary>The duration in seconds, as a double (exact up to double precision).</summary>
    public double Seconds => (double)Units / UnitsPerSecond;

    /// <summary>Whole seconds, rounded up exactly in integers (3.0 s is 3, 3.001 s is 4, 0 s is 0), as Telegram's duration fields take them.</summary>
    public int WholeSeconds => (int)((Units / UnitsPerSecond) + (Units % UnitsPerSecond == 0 ? 0UL : 1UL));

    /// <summary>Null when the rate is zero or the duration is over <see cref="int.MaxValue"/> seconds (a corrupt header, not a real file).</summary>
    internal static PlayingTime? Of(MediaFormat format, ulong units, ulong unitsPerSecond)
    {
        if (unitsPerSecond == 0 || units / unitsPerSecond >= int.MaxValue)
        {
            return null;
        }

        return new PlayingTime(format, units, unitsPerSecond);
    }
}
