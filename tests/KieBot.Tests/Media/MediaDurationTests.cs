using KieBot.Telegram;
using static KieBot.Tests.Media.MediaFiles;

namespace KieBot.Tests.Media;

/// <summary>Durations read from headers of files written here byte by byte, as each format lays them out.</summary>
public sealed class MediaDurationTests
{
    [Fact]
    public void Wav_of_three_seconds_at_8_kHz_mono_16_bit_is_three_seconds()
    {
        var wav = Wav(RiffChunk("fmt ", PcmFormat(8000, 1, 16)), RiffChunk("data", new byte[3 * 8000 * 2]));

        var time = Read(wav);

        Assert.Equal(MediaFormat.Wav, time.Format);
        Assert.Equal(3.0, time.Seconds);
        Assert.Equal(3, time.WholeSeconds);
    }

    [Fact]
    public void Wav_skips_an_odd_sized_list_chunk_and_reads_an_extensible_format()
    {
        var wav = Wav(
            RiffChunk("fmt ", PcmFormat(44100, 2, 24, extensible: true)),
            RiffChunk("LIST", Concat(Ascii("INFO"), Ascii("ISFT"), U32Le(5), Ascii("kie!\0"), [0])),
            RiffChunk("junk", [1, 2, 3]),
            RiffChunk("data", new byte[(44100 * 6) + 6]));

        var time = Read(wav);

        Assert.Equal(44100 * 6 + 6, (long)time.Units);
        Assert.Equal(44100UL * 6, time.UnitsPerSecond);
        Assert.Equal(2, time.WholeSeconds);
    }

    [Fact]
    public void Wav_with_a_streaming_data_size_or_cut_short_counts_the_bytes_there_are()
    {
        var streaming = Wav(RiffChunk("fmt ", PcmFormat(8000, 1, 8)), Concat(Ascii("data"), U32Le(uint.MaxValue), new byte[4000]));
        var cut = Wav(RiffChunk("fmt ", PcmFormat(8000, 1, 8)), RiffChunk("data", new byte[16000]))[..(44 + 12000)];

        Assert.Equal(0.5, MediaDuration.Seconds(new MemoryStream(streaming)));
        Assert.Equal(1.5, MediaDuration.Seconds(new MemoryStream(cut)));
    }

    [Fact]
    public void Wav_without_a_format_chunk_is_unknown()
    {
        Assert.Null(MediaDuration.Read(Wav(RiffChunk("data", new byte[100]))));
        Assert.Null(MediaDuration.Read(Wav(RiffChunk("fmt ", new byte[8]), RiffChunk("data", new byte[100]))));
    }

    [Fact]
    public void Mp4_with_moov_after_mdat_reads_mvhd_version_0()
    {
        var mp4 = Concat(Ftyp(), Box("free"), Box("mdat", new byte[5000]), Box("moov", Mvhd(0, 1000, 5500), Box("trak", new byte[40])));

        var time = Read(mp4);

        Assert.Equal(MediaFormat.Mp4, time.Format);
        Assert.Equal(5.5, time.Seconds);
        Assert.Equal(6, time.WholeSeconds);
    }

    [Fact]
    public void Mp4_reads_mvhd_version_1_past_a_64_bit_mdat()
    {
        var mp4 = Concat(Ftyp(), LargeBox("mdat", new byte[3000]), Box("moov", Box("udta", new byte[9]), Mvhd(1, 1 << 20, (1UL << 33) + 1)));

        var time = Read(mp4);

        Assert.Equal((1UL << 33) + 1, time.Units);
        Assert.Equal(8192.000_000_953_674_3, time.Seconds, 9);
        Assert.Equal(8193, time.WholeSeconds);
    }

    [Fact]
    public void Mp4_reads_a_moov_that_runs_to_the_end_of_the_file_as_size_0_says()
    {
        var moov = Box("moov", Mvhd(0, 600, 1800));
        moov[0] = moov[1] = moov[2] = moov[3] = 0;
        var quickTime = Concat(Box("wide"), Box("mdat", new byte[100]), moov);

        Assert.Equal(3, MediaDuration.WholeSeconds(new MemoryStream(quickTime)));
    }

    [Fact]
    public void Mp4_fragmented_without_a_movie_duration_uses_mehd_and_with_neither_is_unknown()
    {
        var mehd = Box("mehd", [0, 0, 0, 0], U32Be(2_700_000));
        var fragmented = Concat(Ftyp(), Box("moov", Mvhd(0, 90000, 0), Box("mvex", mehd)), Box("moof", new byte[16]), Box("mdat", new byte[16]));
        var unknown = Concat(Ftyp(), Box("moov", Mvhd(0, 90000, uint.MaxValue)), Box("mdat", new byte[16]));

        Assert.Equal(30.0, MediaDuration.Read(fragmented)?.Seconds);
        Assert.Null(MediaDuration.Read(unknown));
    }

    [Fact]
    public void Mp4_reads_only_the_box_headers_and_mvhd_not_the_media()
    {
        var mp4 = Concat(Ftyp(), Box("mdat", new byte[1 << 20]), Box("moov", Mvhd(0, 1000, 61_001), Box("trak", new byte[50_000])));
        using var stream = new CountingStream(mp4);

        Assert.Equal(62, MediaDuration.WholeSeconds(stream));
        Assert.True(stream.BytesRead < 256, $"{stream.BytesRead} bytes read");
    }

    [Fact]
    public void Mp3_with_a_xing_header_counts_its_frames()
    {
        const int Frames = 250;
        var xing = Mpeg2MonoFrame(frame =>
        {
            Write(frame, 4 + 9, Ascii("Xing"));
            Write(frame, 4 + 9 + 4, U32Be(0x0F));
            Write(frame, 4 + 9 + 8, U32Be(Frames));
        });
        var mp3 = Concat(Id3v2(300, footer: true), xing, Concat(Enumerable.Range(0, Frames).Select(_ => Mpeg2MonoFrame()).ToArray()), Id3v1());

        var time = Read(mp3);

        Assert.Equal(MediaFormat.Mp3, time.Format);
        Assert.Equal(6.0, time.Seconds);
        Assert.Equal(6, time.WholeSeconds);
    }

    [Fact]
    public void Mp3_with_a_vbri_header_counts_its_frames()
    {
        var vbri = Mpeg1Frame(9, 1, 384, frame =>
        {
            Write(frame, 36, Ascii("VBRI"));
            Write(frame, 36 + 4, [0, 1]);
            Write(frame, 36 + 14, U32Be(125));
        });
        var mp3 = Concat(vbri, Concat(Enumerable.Range(0, 10).Select(_ => Mpeg1Frame(9, 1, 384)).ToArray()));

        Assert.Equal(3.0, MediaDuration.Read(mp3)?.Seconds);
    }

    [Fact]
    public void Mp3_without_a_vbr_header_is_estimated_from_the_bitrate_without_the_tags()
    {
        var frames = Concat(Enumerable.Range(0, 100).Select(_ => Mpeg1Frame(9, 0, 417)).ToArray());
        var plain = frames;
        var tagged = Concat(Id3v2(1000, footer: false), frames, Id3v1());

        Assert.Equal(100 * 417 * 8 / 128_000.0, MediaDuration.Read(plain)?.Seconds);
        Assert.Equal(100 * 417 * 8 / 128_000.0, MediaDuration.Read(tagged)?.Seconds);
        Assert.Equal(3, MediaDuration.Read(tagged)?.WholeSeconds);
    }

    [Fact]
    public void Mp3_needs_a_second_frame_to_trust_a_sync_word()
    {
        var lone = Concat(Mpeg1Frame(9, 0, 417), new byte[2000]);

        Assert.Null(MediaDuration.Read(lone));
    }

    [Fact]
    public void Ogg_opus_is_the_last_granule_at_48_kHz_less_the_pre_skip()
    {
        const int PreSkip = 312;
        var opus = Concat(
            OggPage(0x02, 0, 7, 0, OpusHead(PreSkip)),
            OggPage(0x00, 0, 7, 1, Concat(Ascii("OpusTags"), U32Le(0), U32Le(0))),
            OggPage(0x00, 48000 + PreSkip, 7, 2, new byte[300], new byte[300]),
            OggPage(0x04, (3 * 48000) + PreSkip, 7, 3, new byte[600]));

        var time = Read(opus);

        Assert.Equal(MediaFormat.OggOpus, time.Format);
        Assert.Equal(3.0, time.Seconds);
        Assert.Equal(3, time.WholeSeconds);
    }

    [Fact]
    public void Ogg_ignores_a_last_page_with_a_bad_crc_or_of_another_stream()
    {
        var head = OggPage(0x02, 0, 7, 0, OpusHead(0));
        var good = OggPage(0x00, 96000, 7, 1, new byte[200]);
        var damaged = OggPage(0x04, 480000, 7, 2, new byte[200]);
        damaged[^1] ^= 0xFF;
        var other = OggPage(0x04, 960000, 8, 0, new byte[200]);

        Assert.Equal(2.0, MediaDuration.Read(Concat(head, good, damaged))?.Seconds);
        Assert.Equal(2.0, MediaDuration.Read(Concat(head, good, other))?.Seconds);
    }

    [Fact]
    public void Ogg_vorbis_is_the_last_granule_at_the_identification_rate()
    {
        var vorbis = Concat(OggPage(0x02, 0, 1, 0, VorbisIdentification(44100)), OggPage(0x04, 44100 * 2 + 441, 1, 1, new byte[1000]));

        var time = Read(vorbis);

        Assert.Equal(MediaFormat.OggVorbis, time.Format);
        Assert.Equal(2.01, time.Seconds, 9);
        Assert.Equal(3, time.WholeSeconds);
    }

    [Fact]
    public void Flac_is_streaminfo_samples_over_rate_even_behind_an_id3_tag()
    {
        var flac = Concat(Flac(44100, (44100 * 7) + 1), new byte[500]);

        var time = Read(Concat(Id3v2(64, footer: false), flac));

        Assert.Equal(MediaFormat.Flac, time.Format);
        Assert.Equal(44100UL * 7 + 1, time.Units);
        Assert.Equal(8, time.WholeSeconds);
        Assert.Null(MediaDuration.Read(Flac(44100, 0)));
    }

    [Fact]
    public void WebM_is_info_duration_times_the_timecode_scale()
    {
        var time = Read(WebM(timecodeScale: 1_000_000, duration: 2500.0));

        Assert.Equal(MediaFormat.Matroska, time.Format);
        Assert.Equal(2.5, time.Seconds);
        Assert.Equal(3, time.WholeSeconds);
        Assert.Equal(2.5, MediaDuration.Seconds(new MemoryStream(WebM(timecodeScale: null, duration: 2500.0))));
        Assert.Equal(1.25, MediaDuration.Seconds(new MemoryStream(WebM(timecodeScale: 500_000, duration: 2500.0))));
    }

    [Fact]
    public void WebM_without_a_duration_or_with_info_after_a_cluster_is_unknown()
    {
        Assert.Null(MediaDuration.Read(WebM(1_000_000, duration: null)));
        Assert.Null(MediaDuration.Read(WebM(1_000_000, 2500.0, clusterFirst: true)));
    }

    [Fact]
    public void A_stream_that_cannot_seek_gives_the_same_answer_and_a_seekable_one_is_read_from_its_position()
    {
        var mp4 = Concat(Ftyp(), Box("mdat", new byte[5000]), Box("moov", Mvhd(0, 1000, 5500)));
        using var forward = new ForwardOnlyStream(mp4);
        using var offset = new MemoryStream(Concat(new byte[37], mp4));
        offset.Position = 37;

        Assert.Equal(5.5, MediaDuration.Seconds(forward));
        Assert.Equal(5.5, MediaDuration.Seconds(offset));
    }

    private static PlayingTime Read(byte[] file)
    {
        var fromBytes = MediaDuration.Read(file);
        using var stream = new MemoryStream(file);
        var fromStream = MediaDuration.Read(stream);
        Assert.NotNull(fromBytes);
        Assert.Equal(fromBytes, fromStream);
        return fromBytes.Value;
    }
}
