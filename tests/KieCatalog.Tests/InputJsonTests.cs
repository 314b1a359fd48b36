using System.Text.Json;

namespace KieCatalog.Tests;

/// <summary>Typed inputs serialize to exactly the KIE <c>input</c> JSON, and read back.</summary>
public sealed class InputJsonTests
{
    [Fact]
    public void Seedream_text_to_image_sends_required_defaults_and_omits_unset_optionals()
    {
        var input = new SeedreamTextToImageInput { Prompt = "A cafe interior, 16:9 promo image", AspectRatio = SeedreamTextToImageAspectRatio.V16_9 };

        Assert.Equal("""{"prompt":"A cafe interior, 16:9 promo image","aspect_ratio":"16:9","quality":"basic"}""", input.ToInputJson());
    }

    [Fact]
    public void Kling_2_6_image_to_video_uses_kie_wire_names_and_types()
    {
        var input = new Kling2_6ImageToVideoInput
        {
            Prompt = "Waves",
            ImageUrls = new[] { "https://tempfile.redpandaai.co/kieai/1/a.png" },
            Sound = true,
            Duration = Kling2_6ImageToVideoDuration.V10,
        };

        Assert.Equal("""{"prompt":"Waves","image_urls":["https://tempfile.redpandaai.co/kieai/1/a.png"],"sound":true,"duration":"10"}""", input.ToInputJson());
    }

    [Fact]
    public void Topaz_upscale_sends_image_url_as_a_string()
    {
        var input = new TopazImageUpscaleInput { ImageUrl = "https://example.com/p.jpg", UpscaleFactor = TopazImageUpscaleUpscaleFactor.V4 };

        Assert.Equal("""{"image_url":"https://example.com/p.jpg","upscale_factor":"4"}""", input.ToInputJson());
    }

    [Fact]
    public void Numeric_enums_and_numbers_are_json_numbers()
    {
        var veo = new Veo3_1FastInput { Prompt = "Dog", Duration = Veo3_1FastDuration.V6, Resolution = Veo3_1FastResolution.V1080p };
        Assert.Equal("""{"prompt":"Dog","aspectRatio":"16:9","resolution":"1080p","duration":6,"enableTranslation":false}""", veo.ToInputJson());

        var tts = new ElevenlabsTtsTurboInput { Text = "Привет", Stability = 0.25m };
        Assert.Equal("""{"text":"\u041F\u0440\u0438\u0432\u0435\u0442","voice":"EkK5I93UQWFDigLMpZcX","stability":0.25,"similarity_boost":0.75,"style":0,"speed":1}""", tts.ToInputJson());
    }

    [Fact]
    public void Written_input_reads_back_to_an_equal_input()
    {
        var input = new Kling2_5TurboTextToVideoInput { Prompt = "Fox in snow", NegativePrompt = "blur", CfgScale = 0.7m, Duration = Kling2_5TurboTextToVideoDuration.V10 };
        using var doc = JsonDocument.Parse(input.ToInputJson());

        var read = Kling2_5TurboTextToVideoInput.Descriptor.Read(doc.RootElement, out var violations);

        Assert.Empty(violations);
        Assert.Equal(input, read);
        Assert.Equal(input.ToInputJson(), read.ToInputJson());
    }

    [Fact]
    public void Reading_reports_missing_wrong_typed_and_unknown_values()
    {
        using var doc = JsonDocument.Parse("""{"duration":"7","cfg_scale":"high","colour":"red"}""");

        var mode = Models.Kling2_5Turbo.TextToVideo;
        mode.ReadInput(doc.RootElement, out var violations);

        Assert.Contains(violations, v => v is { Param: "prompt", Code: ViolationCode.Missing });
        Assert.Contains(violations, v => v is { Param: "duration", Code: ViolationCode.NotAValue });
        Assert.Contains(violations, v => v is { Param: "cfg_scale", Code: ViolationCode.WrongType });
        Assert.Contains(violations, v => v is { Param: "colour", Code: ViolationCode.UnknownParam });
    }
}
