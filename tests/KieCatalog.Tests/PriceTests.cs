namespace KieCatalog.Tests;

/// <summary>Price() against the reference pricing (kie-pricing-credits.json, kie-api.md §7).</summary>
public sealed class PriceTests
{
    [Theory]
    [InlineData(false, false, "without audio-5.0s")]
    [InlineData(true, false, "with audio-5.0s")]
    [InlineData(false, true, "without audio-10.0s")]
    [InlineData(true, true, "with audio-10.0s")]
    public void Kling_2_6_by_sound_and_duration(bool sound, bool tenSeconds, string variant)
    {
        var input = new Kling2_6TextToVideoInput
        {
            Prompt = "x",
            Sound = sound,
            Duration = tenSeconds ? Kling2_6TextToVideoDuration.V10 : Kling2_6TextToVideoDuration.V5,
        };

        Assert.Equal(Reference.Credits("kling-2.6/text-to-video", variant), input.Price());
    }

    [Theory]
    [InlineData("1K", "1.0s-1K")]
    [InlineData("2K", "1.0s-2K")]
    [InlineData("4K", "1.0s-4K")]
    public void Nano_banana_pro_by_resolution(string resolution, string variant)
    {
        Assert.True(NanoBananaProGenerateResolutionExtensions.TryFromWire(resolution, out var r));

        Assert.Equal(Reference.Credits("google/nano-banana-pro", variant), new NanoBananaProGenerateInput { Prompt = "x", Resolution = r }.Price());
    }

    [Fact]
    public void Wan_2_5_by_resolution_and_duration()
    {
        var input = new Wan2_5ImageToVideoInput
        {
            Prompt = "x",
            ImageUrl = "https://a/1.png",
            Resolution = Wan2_5ImageToVideoResolution.V1080p,
            Duration = Wan2_5ImageToVideoDuration.V10,
        };

        Assert.Equal(Reference.Credits("wan/2-5-image-to-video", "default-10.0s-1080p"), input.Price());
    }

    [Fact]
    public void Per_second_video_is_rate_times_seconds()
    {
        // InfiniTalk: 720p is 12 credits per second (kie-api.md §7) of the audio given, up to 15 s.
        var input = new InfinitalkFromAudioInput
        {
            Prompt = "talk",
            ImageUrl = "https://a/1.png",
            AudioUrl = "https://a/1.mp3",
            AudioUrlSeconds = 6,
            Resolution = InfinitalkFromAudioResolution.V720p,
        };

        Assert.Equal(Reference.Credits("infinitalk/from-audio", "up to 15 secondss-720p") * 6, input.Price());
        Assert.Equal(PriceUnit.Second, input.Descriptor().Price.Unit);
    }

    [Fact]
    public void Per_image_price_multiplies_by_the_count()
    {
        Assert.Equal(5m * 3, new SeedreamV4TextToImageInput { Prompt = "x", MaxImages = 3 }.Price());
        Assert.Equal(7m * 2, new IdeogramV3RemixInput { Prompt = "x", ImageUrl = "https://a/1.png", NumImages = IdeogramV3RemixNumImages.V2 }.Price());
    }

    [Fact]
    public void Text_to_speech_is_priced_per_started_thousand_characters()
    {
        Assert.Equal(12m, new ElevenlabsTtsMultilingualInput { Text = "hello" }.Price());
        Assert.Equal(36m, new ElevenlabsTtsMultilingualInput { Text = new string('a', 2001) }.Price());
    }

    [Fact]
    public void Fixed_prices_match_the_reference()
    {
        Assert.Equal(Reference.Credits("z-image", "1.0s"), new ZImageTextToImageInput { Prompt = "x" }.Price());
        Assert.Equal(Reference.Credits("recraft/crisp-upscale", "default"), new RecraftCrispUpscaleInput { Image = "https://a/1.png" }.Price());
    }

    [Fact]
    public void Price_range_of_a_mode_is_known_before_inputs()
    {
        var price = Models.Kling2_6.TextToVideo.Price;

        Assert.Equal((55m, 220m), (price.MinCredits, price.MaxCredits));
    }

    [Theory]
    [InlineData(false, 10, "480p")]
    [InlineData(true, 30, "720p")]
    public void Grok_imagine_text_to_video_is_the_rate_times_the_duration(bool hd, int seconds, string marker)
    {
        var input = new GrokImagineVideoTextToVideoInput
        {
            Prompt = "x",
            Resolution = hd ? GrokImagineVideoTextToVideoResolution.V720p : GrokImagineVideoTextToVideoResolution.V480p,
            Duration = seconds == 30 ? GrokImagineVideoTextToVideoDuration.V30 : GrokImagineVideoTextToVideoDuration.V10,
        };

        Assert.Equal(Reference.CreditsAfter(Reference.PriceCell("grok-imagine/text-to-video")!, marker) * seconds, input.Price());
    }

    [Theory]
    [InlineData("480p", false, 0)]
    [InlineData("720p", true, 1)]
    [InlineData("1080p", true, 1)]
    [InlineData("1080p", false, 0)]
    public void Seedance_1_5_pro_by_resolution_and_sound_per_second(string resolution, bool sound, int column)
    {
        Assert.True(Seedance1_5ProGenerateResolutionExtensions.TryFromWire(resolution, out var r));
        var input = new Seedance1_5ProGenerateInput { Prompt = "a fox", Resolution = r, GenerateAudio = sound, Duration = Seedance1_5ProGenerateDuration.V12 };

        // kie-api.md §7: "per s: 480p $0.00875/$0.0175, …" (no/with audio).
        Assert.Equal(Reference.CreditsAfter(Reference.PriceCell("bytedance/seedance-1.5-pro")!, resolution, column) * 12, input.Price());
    }

    [Fact]
    public void Omnihuman_is_priced_per_second_of_the_audio()
    {
        var input = new Omnihuman1_5GenerateInput { ImageUrl = "https://a/1.png", AudioUrl = "https://a/1.mp3", AudioUrlSeconds = 7 };

        Assert.Equal(Reference.CreditsAfter(Reference.PriceCell("omnihuman-1-5")!, "") * 7, input.Price());
        Assert.Equal(30, Omnihuman1_5GenerateInput.Descriptor.FindParam("audio_url")!.MaxSeconds);
    }

    [Theory]
    [InlineData(false, "720p")]
    [InlineData(true, "1080p")]
    public void Video_edits_are_priced_per_second_of_the_uploaded_video(bool fullHd, string marker)
    {
        var happyhorse = new HappyhorseVideoEditInput
        {
            Prompt = "x",
            VideoUrl = "https://a/1.mp4",
            VideoUrlSeconds = 9,
            Resolution = fullHd ? HappyhorseVideoEditResolution.V1080p : HappyhorseVideoEditResolution.V720p,
        };
        var wan = new Wan2_7VideoEditInput
        {
            VideoUrl = "https://a/1.mp4",
            VideoUrlSeconds = 4,
            Resolution = fullHd ? Wan2_7VideoEditResolution.V1080p : Wan2_7VideoEditResolution.V720p,
        };

        Assert.Equal(Reference.CreditsAfter(Reference.PriceCell("happyhorse/video-edit")!, marker) * 9, happyhorse.Price());
        Assert.Equal(Reference.CreditsAfter(Reference.PriceCell("wan/2-7-videoedit")!, marker) * 4, wan.Price());
    }

    [Fact]
    public void Runway_aleph_is_a_fixed_price()
    {
        var text = File.ReadAllText(Reference.Path("kie-api.md"));

        Assert.Equal(Reference.CreditsAfter(text, "1080p $0.15; Aleph"), new AlephGenerateInput { Prompt = "x", VideoUrl = "https://a/1.mp4" }.Price());
    }

    [Fact]
    public void Wan_speech_to_video_is_priced_per_second_of_the_frames_it_makes()
    {
        // KIE: 480p $0.06, 720p $0.12 per second of the output (kie-api.md §7); 80 frames at 16 fps are 5 s.
        var input = new Wan2_2TurboSpeechToVideoInput { Prompt = "she sings", ImageUrl = "https://a/face.png", AudioUrl = "https://a/song.mp3" };

        Assert.Equal(12m * 5, input.Price());
        Assert.Equal(24m * 7.5m, (input with { NumFrames = 120, Resolution = Wan2_2TurboSpeechToVideoResolution.V720p }).Price());
        Assert.Equal(12m * 3.34m, (input with { NumFrames = 100, FramesPerSecond = 30 }).Price());
        Assert.Equal((8.04m, 720m), (Wan2_2TurboSpeechToVideoInput.Descriptor.Price.MinCredits, Wan2_2TurboSpeechToVideoInput.Descriptor.Price.MaxCredits!.Value));
        Assert.True(Wan2_2TurboSpeechToVideoInput.Descriptor.IsVisible);
    }
}

internal static class InputExtensions
{
    public static ModeDescriptor Descriptor(this IModeInput input) => input.Mode;
}
