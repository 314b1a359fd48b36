using System.Text.Json;

namespace KieCatalog.Tests;

/// <summary>Modes KIE bills by the length of an uploaded file are priced from that file's duration, never an upper bound.</summary>
public sealed class FileDurationTests
{
    private const string Clip = "https://a/voice.mp3";

    [Fact]
    public void Voice_isolation_of_a_3_second_clip_costs_0_6_credits()
    {
        var input = new ElevenlabsAudioIsolationInput { AudioUrl = Clip, AudioUrlSeconds = 3 };

        Assert.Empty(input.Validate());
        Assert.Equal(0.6m, input.Price());
        Assert.Equal(Reference.Credits("elevenlabs/audio-isolation", "default") * 3, input.Price());
    }

    [Fact]
    public void A_10_second_video_on_a_per_second_video_mode_costs_the_rate_times_10()
    {
        // Topaz video upscale: 4x is $0.07/s = 14 credits per second (kie-api.md §7).
        var input = new TopazVideoUpscaleInput
        {
            VideoUrl = "https://a/clip.mp4",
            VideoUrlSeconds = 10,
            UpscaleFactor = TopazVideoUpscaleUpscaleFactor.V4,
        };
        var animate = new Wan2_2AnimateMoveInput
        {
            VideoUrl = "https://a/clip.mp4",
            VideoUrlSeconds = 10,
            ImageUrl = "https://a/face.png",
            Resolution = Wan2_2AnimateMoveResolution.V720p,
        };

        Assert.Equal(14m * 10, input.Price());
        Assert.Equal(12.5m * 10, animate.Price());
    }

    [Fact]
    public void Fractions_of_a_second_round_up_and_minutes_are_started_minutes()
    {
        Assert.Equal(0.2m * 4, new ElevenlabsAudioIsolationInput { AudioUrl = Clip, AudioUrlSeconds = 3.2m }.Price());
        Assert.Equal(3.5m * 2, new ElevenlabsSpeechToTextInput { AudioUrl = Clip, AudioUrlSeconds = 61 }.Price());
        Assert.Equal(3.5m, new ElevenlabsSpeechToTextInput { AudioUrl = Clip, AudioUrlSeconds = 60 }.Price());
    }

    [Fact]
    public void A_file_without_its_duration_is_a_violation_and_cannot_be_priced()
    {
        var missing = new KlingAvatarStandardInput { ImageUrl = "https://a/face.png", AudioUrl = Clip, Prompt = "talk" };
        var zero = missing with { AudioUrlSeconds = 0 };

        var v = Assert.Single(missing.Validate());
        Assert.Equal(new InputViolation("audio_url", ViolationCode.DurationMissing), v);
        Assert.Equal("'audio_url': the file's length in seconds is needed to price it", v.Message());
        Assert.Equal("«audio_url»: нужна длительность файла в секундах, от неё зависит цена", v.Message("ru"));
        Assert.Equal(ViolationCode.DurationMissing, Assert.Single(zero.Validate()).Code);
        Assert.Throws<InvalidInputException>(() => missing.Price());
    }

    [Fact]
    public void A_file_longer_than_the_parameter_takes_is_a_violation()
    {
        var input = new KlingAvatarStandardInput { ImageUrl = "https://a/face.png", AudioUrl = Clip, AudioUrlSeconds = 16, Prompt = "talk" };

        Assert.Equal(new InputViolation("audio_url", ViolationCode.DurationAboveMax, "15"), Assert.Single(input.Validate()));
        Assert.Empty((input with { AudioUrlSeconds = 15 }).Validate());
        Assert.Equal(8m * 15, (input with { AudioUrlSeconds = 15 }).Price());
    }

    [Fact]
    public void The_duration_is_never_in_the_kie_input()
    {
        var input = new InfinitalkFromAudioInput
        {
            Prompt = "talk",
            ImageUrl = "https://a/1.png",
            AudioUrl = Clip,
            AudioUrlSeconds = 7,
            Resolution = InfinitalkFromAudioResolution.V720p,
        };

        var json = input.ToInputJson();

        Assert.Equal("""{"image_url":"https://a/1.png","audio_url":"https://a/voice.mp3","prompt":"talk","resolution":"720p"}""", json);
        Assert.DoesNotContain("seconds", json, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(12m * 7, input.Price());
    }

    [Fact]
    public void Descriptors_name_the_file_whose_duration_prices_the_mode()
    {
        var mode = Models.Elevenlabs.AudioIsolation;
        var audio = mode.FindParam("audio_url")!;

        Assert.True(mode.Price.ByFileDuration);
        Assert.Equal("audio_url", mode.Price.QuantityParam);
        Assert.Null(mode.Price.MaxQuantity);
        Assert.Same(audio, mode.DurationParam);
        Assert.True(audio.DurationPriced);
        Assert.Equal("audio_url#seconds", audio.SecondsKey);
        Assert.Equal(300, audio.MaxSeconds);
        Assert.Equal((0.2m, 60m), (mode.Price.MinCredits, mode.Price.MaxCredits));
        Assert.Null(Models.Kling2_6.TextToVideo.DurationParam);
        Assert.All(Models.Kling2_6.TextToVideo.Params, p => Assert.Null(p.SecondsKey));
    }

    [Fact]
    public void Generic_code_sets_the_duration_through_the_reader_key()
    {
        var mode = Models.Elevenlabs.AudioIsolation;
        var key = mode.DurationParam!.SecondsKey!;
        using var document = JsonDocument.Parse($$"""{"audio_url":"{{Clip}}","{{key}}":3}""");

        var input = mode.ReadInput(document.RootElement, out var reading);

        Assert.Empty(reading);
        Assert.Empty(input.Validate());
        Assert.Equal(0.6m, input.Price());
        Assert.Equal(3m, ((ElevenlabsAudioIsolationInput)input).AudioUrlSeconds);
        Assert.Equal($$"""{"audio_url":"{{Clip}}"}""", input.ToInputJson());
    }

    [Fact]
    public void A_duration_of_the_wrong_type_is_a_reading_violation()
    {
        using var document = JsonDocument.Parse($$"""{"audio_url":"{{Clip}}","audio_url#seconds":"three"}""");

        Models.Elevenlabs.AudioIsolation.ReadInput(document.RootElement, out var reading);

        Assert.Equal(new InputViolation("audio_url#seconds", ViolationCode.WrongType, "number"), Assert.Single(reading));
    }

    [Fact]
    public void No_visible_mode_with_an_audio_or_video_upload_is_priced_at_an_upper_bound()
    {
        var visible = Models.AllModes.Where(m => m.IsVisible && m.Params.Any(p => p.Kind is ParamKind.Audio or ParamKind.Video)).ToList();

        Assert.Contains(visible, m => m.Price.ByFileDuration);
        Assert.All(visible, m => Assert.True(m.Price.MaxQuantity is null, $"{m.Key} charges {m.Price.MaxQuantity} {m.Price.Unit}s up front"));
        // A longest file bounds the range; without one (KIE gives none) the range is open, never a guessed bound.
        Assert.All(Models.AllModes.Where(m => m.Price.ByFileDuration), m => Assert.Equal(m.DurationParam!.MaxSeconds is null, m.Price.MaxCredits is null));
    }

    [Fact]
    public void Kling_motion_control_costs_the_rate_times_the_length_of_its_one_motion_video()
    {
        // Kling 2.6: 720p $0.055/s, 1080p $0.09/s; Kling 3.0: std $0.10/s, pro $0.135/s (kie-api.md §7).
        var older = new Kling2_6MotionControlInput
        {
            InputUrls = ["https://a/face.png"],
            VideoUrls = ["https://a/dance.mp4"],
            VideoUrlsSeconds = 7.2m,
            Mode = Kling2_6MotionControlMode.V1080p,
        };
        var newer = new Kling3_0MotionControlInput { InputUrls = ["https://a/face.png"], VideoUrls = ["https://a/dance.mp4"], VideoUrlsSeconds = 12 };

        Assert.Empty(older.Validate());
        Assert.Equal(18m * 8, older.Price());
        Assert.Equal(20m * 12, newer.Price());
        Assert.Equal(27m * 12, (newer with { Mode = Kling3_0MotionControlMode.Pro }).Price());
        Assert.Equal(ViolationCode.DurationMissing, Assert.Single((older with { VideoUrlsSeconds = null }).Validate()).Code);
        Assert.Equal("""{"input_urls":["https://a/face.png"],"video_urls":["https://a/dance.mp4"],"character_orientation":"video","mode":"1080p"}""", older.ToInputJson());
    }

    [Fact]
    public void A_price_by_a_file_KIE_gives_no_longest_length_for_has_no_upper_bound()
    {
        var mode = Kling3_0MotionControlInput.Descriptor;

        Assert.True(mode.Price.ByFileDuration);
        Assert.Equal("video_urls", mode.Price.QuantityParam);
        Assert.Equal(20m, mode.Price.MinCredits);
        Assert.Null(mode.Price.MaxCredits);
        Assert.False(mode.Price.IsFixed);
        Assert.Equal(mode.FindParam("video_urls"), mode.DurationParam);
    }
}
