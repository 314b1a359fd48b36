using System.Diagnostics;
using KieBot.Telegram;
using static KieBot.Tests.Media.MediaFiles;

namespace KieBot.Tests.Media;

/// <summary>Truncated, lying and random input: null, never an exception, never a long loop.</summary>
public sealed class MediaDurationHostileTests
{
    private static readonly byte[][] Valid =
    [
        Wav(RiffChunk("LIST", new byte[5]), RiffChunk("fmt ", PcmFormat(8000, 1, 16)), RiffChunk("data", new byte[800])),
        Concat(Ftyp(), Box("mdat", new byte[300]), Box("moov", Mvhd(1, 1000, 5500), Box("mvex", Box("mehd", new byte[8])))),
        Concat(Id3v2(20, footer: true), Mpeg2MonoFrame(f => { Write(f, 13, Ascii("Xing")); Write(f, 17, U32Be(1)); Write(f, 21, U32Be(9)); }), Mpeg2MonoFrame(), Mpeg2MonoFrame()),
        Concat(OggPage(0x02, 0, 3, 0, OpusHead(312)), OggPage(0x04, 48312, 3, 1, new byte[100])),
        Concat(Flac(48000, 96000), new byte[40]),
        WebM(1_000_000, 1500.0),
    ];

    [Fact]
    public void Every_truncation_of_a_valid_header_gives_null_or_a_duration_but_never_throws()
    {
        foreach (var file in Valid)
        {
            Assert.NotNull(MediaDuration.Read(file));
            for (var length = 0; length < file.Length; length++)
            {
                _ = MediaDuration.Read(file[..length]);
            }
        }
    }

    [Fact]
    public void Headers_cut_before_their_fields_give_null()
    {
        var wav = Valid[0];
        var mp4 = Valid[1];
        var ogg = Valid[3];

        Assert.Null(MediaDuration.Read(wav[..40]));
        Assert.Null(MediaDuration.Read(mp4[..^10]));
        Assert.Null(MediaDuration.Read(ogg[..^1]));
        Assert.Null(MediaDuration.Read(Valid[4][..30]));
        Assert.Null(MediaDuration.Read(Valid[5][..60]));
    }

    [Fact]
    public void Mp4_boxes_that_lie_about_their_size_give_null()
    {
        var tooLarge = Concat(Ftyp(), U32Be(1_000_000_000), Ascii("mdat"), new byte[100], Box("moov", Mvhd(0, 1000, 1000)));
        var largeTooLarge = Concat(Ftyp(), U32Be(1), Ascii("mdat"), U64Be(ulong.MaxValue), Box("moov", Mvhd(0, 1000, 1000)));
        var largeTooSmall = Concat(Ftyp(), U32Be(1), Ascii("mdat"), U64Be(8), Box("moov", Mvhd(0, 1000, 1000)));
        var zeroSizes = Concat(Enumerable.Range(0, 1000).Select(_ => Concat(U32Be(0), Ascii("free"))).ToArray());
        var tinySizes = Concat(Ftyp(), Concat(Enumerable.Range(0, 1000).Select(_ => Concat(U32Be(4), Ascii("free"))).ToArray()));
        var mvhdTooLong = Concat(Ftyp(), U32Be(200), Ascii("moov"), U32Be(120), Ascii("mvhd"), new byte[4]);
        var zeroTimescale = Concat(Ftyp(), Box("moov", Mvhd(0, 0, 1000)));

        foreach (var file in new[] { tooLarge, largeTooLarge, largeTooSmall, zeroSizes, tinySizes, mvhdTooLong, zeroTimescale })
        {
            Assert.Null(MediaDuration.Read(file));
        }
    }

    [Fact]
    public void Chunks_and_elements_that_lie_about_their_size_give_null()
    {
        var wavZeroRate = Wav(RiffChunk("fmt ", new byte[16]), RiffChunk("data", new byte[100]));
        var wavHugeChunk = Concat(Ascii("RIFF"), U32Le(100), Ascii("WAVE"), Ascii("LIST"), U32Le(uint.MaxValue - 1), new byte[50]);
        var webmHugeInfo = Concat(Ebml(0x1A45DFA3, Ebml(0x4282, Ascii("webm"))), Ebml(0x18538067, Concat([0x15, 0x49, 0xA9, 0x66, 0x08, 0, 0, 0, 0, 0, 0, 0x7F], new byte[30])));
        var webmNoMarker = Concat(Ebml(0x1A45DFA3, []), [0x00, 0x00, 0x00, 0x00]);
        var oggEmptyLacing = Concat(Ascii("OggS"), [0, 2], new byte[20], [0]);

        foreach (var file in new[] { wavZeroRate, wavHugeChunk, webmHugeInfo, webmNoMarker, oggEmptyLacing })
        {
            Assert.Null(MediaDuration.Read(file));
        }
    }

    [Fact]
    public void Random_bytes_and_random_damage_are_fast_and_never_throw()
    {
        var random = new Random(20240611);
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < 2000; i++)
        {
            var noise = new byte[random.Next(0, 4096)];
            random.NextBytes(noise);
            Assert.Null(MediaDuration.Read(noise));
        }

        foreach (var file in Valid)
        {
            for (var i = 0; i < 2000; i++)
            {
                var damaged = file.ToArray();
                for (var hit = random.Next(1, 8); hit > 0; hit--)
                {
                    damaged[random.Next(damaged.Length)] = (byte)random.Next(256);
                }

                _ = MediaDuration.Read(damaged);
            }
        }

        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(20), $"took {watch.Elapsed}");
    }

    [Fact]
    public void Unknown_formats_and_an_endless_unseekable_stream_give_null()
    {
        Assert.Null(MediaDuration.Read([]));
        Assert.Null(MediaDuration.Read(Ascii("%PDF-1.7\n")));
        Assert.Null(MediaDuration.Read(new byte[100_000]));
        Assert.Null(MediaDuration.Read(new EndlessStream()));
    }
}
