namespace KieCatalog.Tests;

public sealed class ValidationTests
{
    [Fact]
    public void A_valid_input_has_no_violation()
    {
        Assert.Empty(new SeedreamTextToImageInput { Prompt = "cat" }.Validate());
    }

    [Fact]
    public void Prompt_over_max_length_and_blank_required_text_are_rejected()
    {
        var tooLong = new SeedreamTextToImageInput { Prompt = new string('a', 3001) }.Validate();
        var blank = new SeedreamTextToImageInput { Prompt = "   " }.Validate();

        Assert.Equal(new InputViolation("prompt", ViolationCode.TooLong, "3000"), Assert.Single(tooLong));
        Assert.Equal(ViolationCode.Missing, Assert.Single(blank).Code);
    }

    [Fact]
    public void Numbers_out_of_range_are_rejected()
    {
        var violations = new Kling2_5TurboTextToVideoInput { Prompt = "x", CfgScale = 1.5m }.Validate();

        var v = Assert.Single(violations);
        Assert.Equal(("cfg_scale", ViolationCode.AboveMax, "1"), (v.Param, v.Code, v.Limit));
        Assert.Equal("«cfg_scale»: не больше 1", v.Message("ru"));
    }

    [Fact]
    public void Uploads_must_be_http_urls_within_item_limits()
    {
        var none = new Kling2_6ImageToVideoInput { Prompt = "x", Sound = false, ImageUrls = Array.Empty<string>() }.Validate();
        var two = new Kling2_6ImageToVideoInput { Prompt = "x", Sound = false, ImageUrls = new[] { "https://a/1.png", "https://a/2.png" } }.Validate();
        var file = new TopazImageUpscaleInput { ImageUrl = "file:///etc/passwd", ImageUrlWidth = 100, ImageUrlHeight = 100 }.Validate();

        Assert.Equal(ViolationCode.Missing, Assert.Single(none).Code);
        Assert.Equal(new InputViolation("image_urls", ViolationCode.TooManyItems, "1"), Assert.Single(two));
        Assert.Equal(ViolationCode.InvalidUrl, Assert.Single(file).Code);
    }

    [Fact]
    public void An_undefined_enum_value_is_rejected()
    {
        var v = new SeedreamTextToImageInput { Prompt = "x", Quality = (SeedreamTextToImageQuality)42 }.Validate();

        Assert.Equal(ViolationCode.NotAValue, Assert.Single(v).Code);
    }

    [Fact]
    public void A_combination_kie_does_not_offer_is_rejected_and_cannot_be_priced()
    {
        var input = new Hailuo2_3ImageToVideoProInput
        {
            Prompt = "x",
            ImageUrl = "https://a/1.png",
            Resolution = Hailuo2_3ImageToVideoProResolution.V1080P,
            Duration = Hailuo2_3ImageToVideoProDuration.V10,
        };

        Assert.Equal(ViolationCode.NotOffered, Assert.Single(input.Validate()).Code);
        var e = Assert.Throws<InvalidInputException>(() => input.Price());
        Assert.Contains("resolution=1080P, duration=10", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_combination_kie_rejects_is_not_offered_and_the_rest_of_the_mode_is()
    {
        // Veo 3.1: reference-to-video is Fast only, and 8 s only.
        var reference = new Veo3_1FastInput { Prompt = "x", GenerationType = Veo3_1FastGenerationType.REFERENCE2VIDEO, Duration = Veo3_1FastDuration.V4 };
        var violation = Assert.Single(reference.Validate());
        Assert.Equal((ViolationCode.NotOffered, "generationType"), (violation.Code, violation.Param));
        Assert.Contains("generationType=REFERENCE_2_VIDEO, duration=4", violation.Limit, StringComparison.Ordinal);
        Assert.Equal("Такое сочетание (Тип генерации: По референсам, Длительность, с: 4) KIE не предлагает", violation.Message(Models.Veo3_1.Fast, "ru"));
        var missing = new InputViolation("prompt", ViolationCode.Missing);
        Assert.Equal(("'prompt' is required", "'Prompt' is required"), (missing.Message(), missing.Message(Models.Veo3_1.Fast)));

        Assert.Empty((reference with { Duration = Veo3_1FastDuration.V8 }).Validate());
        Assert.Empty((reference with { GenerationType = Veo3_1FastGenerationType.TEXT2VIDEO }).Validate());
        Assert.Empty(new Veo3_1FastInput { Prompt = "x" }.Validate());
        Assert.True(Models.Veo3_1.Fast.FindParam("generationType")!.FindValue("REFERENCE_2_VIDEO")!.Offered);
        Assert.False(Models.Veo3_1.Quality.FindParam("generationType")!.FindValue("REFERENCE_2_VIDEO")!.Offered);
        Assert.False(Models.Veo3_1.Lite.FindParam("generationType")!.FindValue("REFERENCE_2_VIDEO")!.Offered);
        Assert.Single(new Veo3_1QualityInput { Prompt = "x", GenerationType = Veo3_1QualityGenerationType.REFERENCE2VIDEO }.Validate());
    }
}
