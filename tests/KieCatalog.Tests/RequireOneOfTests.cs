namespace KieCatalog.Tests;

/// <summary>Catalog requireOneOf groups: at least one parameter of each group must be given.</summary>
public sealed class RequireOneOfTests
{
    [Fact]
    public void Gpt_4o_image_refuses_an_input_with_neither_prompt_nor_images()
    {
        var input = new Gpt4oImageGenerateInput { Size = Gpt4oImageGenerateSize.V1_1 };
        var blank = input with { Prompt = "  ", FilesUrl = Array.Empty<string>() };

        var v = Assert.Single(input.Validate());
        Assert.Equal(new InputViolation("prompt", ViolationCode.NoneOf, "prompt, filesUrl"), v);
        Assert.Equal("At least one of prompt, filesUrl is required", v.Message());
        Assert.Equal("Нужно хотя бы одно из: prompt, filesUrl", v.Message("ru"));
        Assert.Equal(ViolationCode.NoneOf, Assert.Single(blank.Validate()).Code);
        Assert.Throws<InvalidInputException>(() => KieCatalog.Catalog.ModeInputExtensions.EnsureValid(input));
    }

    [Fact]
    public void Gpt_4o_image_accepts_a_prompt_images_or_both()
    {
        var size = Gpt4oImageGenerateSize.V1_1;
        var images = new[] { "https://a/1.png" };

        Assert.Empty(new Gpt4oImageGenerateInput { Size = size, Prompt = "a red fox" }.Validate());
        Assert.Empty(new Gpt4oImageGenerateInput { Size = size, FilesUrl = images }.Validate());
        Assert.Empty(new Gpt4oImageGenerateInput { Size = size, Prompt = "a red fox", FilesUrl = images }.Validate());
    }

    [Fact]
    public void The_descriptor_lists_each_group_so_a_form_can_ask_its_first_parameter()
    {
        var mode = Models.Gpt4oImage.Generate;

        var group = Assert.Single(mode.RequireOneOf);
        Assert.Equal(new[] { "prompt", "filesUrl" }, group.Select(p => p.Name));
        Assert.Same(mode.FindParam("prompt"), group[0]);
        Assert.Empty(Models.Kling2_6.TextToVideo.RequireOneOf);
    }

    [Fact]
    public void Wan_2_7_frames_to_video_needs_a_first_frame_or_a_first_clip()
    {
        var none = new Wan2_7ImageToVideoInput { Prompt = "a fox", LastFrameUrl = "https://a/last.png" };

        Assert.Equal(new InputViolation("first_frame_url", ViolationCode.NoneOf, "first_frame_url, first_clip_url"), Assert.Single(none.Validate()));
        Assert.Empty((none with { FirstFrameUrl = "https://a/first.png" }).Validate());
        Assert.Empty(new Wan2_7ImageToVideoInput { FirstClipUrl = "https://a/clip.mp4" }.Validate());
    }

    [Fact]
    public void Grok_1_5_preview_is_sold_as_the_image_to_video_KIE_prices_so_its_image_is_required()
    {
        // KIE prices this model's image-to-video only ($0.008/s at 480p, $0.015/s at 720p); its schema leaves the image optional.
        var text = new GrokImagineVideo1_5PreviewGenerateInput { Prompt = "waves", Duration = 5 };
        var image = text with { ImageUrls = ["https://a/sea.png"], Resolution = GrokImagineVideo1_5PreviewGenerateResolution.V720p };

        Assert.Equal(new InputViolation("image_urls", ViolationCode.Missing), Assert.Single(text.Validate()));
        Assert.Empty(image.Validate());
        Assert.Equal(3m * 5, image.Price());
        Assert.True(GrokImagineVideo1_5PreviewGenerateInput.Descriptor.IsVisible);
    }
}
