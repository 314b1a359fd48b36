using KieBot.Telegram;
using KieBot.TestSupport;

namespace KieBot.Tests.Media;

/// <summary>
/// Files from a real encoder (ffmpeg 5.1: a 3.2 s 440 Hz sine, libopus 16 kbit/s mono and aac 32 kbit/s with moov after mdat).
/// ffprobe says 3.2065 s for the Opus file because it does not subtract the 312-sample pre-skip; RFC 7845 does.
/// </summary>
public sealed class MediaDurationFixtureTests
{
    [Theory]
    [InlineData("voice-3.2s.opus.ogg", MediaFormat.OggOpus)]
    [InlineData("aac-3.2s-moov-last.m4a", MediaFormat.Mp4)]
    public void Real_encoder_output_reads_as_ffprobe_measures_it(string name, MediaFormat format)
    {
        using var file = File.OpenRead(Path.Combine(RepositoryPaths.Root(), "tests", "KieBot.Tests", "Media", "Fixtures", name));

        var time = MediaDuration.Read(file);

        Assert.Equal(format, time?.Format);
        Assert.Equal(3.2, time?.Seconds ?? 0, 6);
        Assert.Equal(4, time?.WholeSeconds);
    }
}
