using KieCatalog.Catalog;

namespace KieCatalog.Tests;

/// <summary>Modes KIE bills by an uploaded image's size: per started megapixel (Qwen image-to-image) and by the output an upscale makes (Topaz).</summary>
public sealed class ImageSizePriceTests
{
    private const string Photo = "https://a/photo.jpg";

    [Theory]
    [InlineData(1024, 1024, 4)]      // exactly one megapixel of 1024×1024
    [InlineData(1025, 1024, 8)]      // a pixel more starts the second
    [InlineData(4000, 3000, 48)]     // a 12 MP camera photo is 11.44 megapixels of 2^20: 12 started
    [InlineData(512, 512, 4)]
    public void Qwen_image_to_image_costs_4_credits_per_started_megapixel_of_the_photo(int width, int height, int credits)
    {
        var input = new QwenImageToImageInput { Prompt = "x", ImageUrl = Photo, ImageUrlWidth = width, ImageUrlHeight = height };

        Assert.Empty(input.Validate());
        Assert.Equal(credits, input.Price());
        Assert.Equal(PriceUnit.Megapixel, Models.Qwen.ImageToImage.Price.Unit);
        Assert.True(Models.Qwen.ImageToImage.FindParam("image_url")!.SizePriced);
    }

    [Fact]
    public void Qwen_refuses_an_image_without_its_size_or_larger_than_it_takes()
    {
        var unknown = new QwenImageToImageInput { Prompt = "x", ImageUrl = Photo };
        var huge = unknown with { ImageUrlWidth = 8000, ImageUrlHeight = 6000 };

        Assert.Equal(ViolationCode.SizeMissing, Assert.Single(unknown.Validate()).Code);
        Assert.Throws<InvalidInputException>(() => unknown.Price());
        Assert.Equal((ViolationCode.SizeAboveMax, "16"), (Assert.Single(huge.Validate()).Code, huge.Validate()[0].Limit));
    }

    [Theory]
    [InlineData(2000, 1500, "2", 20)]   // 4000 px out: 4K
    [InlineData(2000, 1500, "1", 10)]   // 2000 px: up to 2K
    [InlineData(1024, 768, "2", 10)]    // 2048 px: still 2K
    [InlineData(1024, 768, "8", 40)]    // 8192 px: 8K
    [InlineData(1500, 2000, "4", 40)]   // portrait: the longer side counts
    public void Topaz_image_upscale_costs_by_the_output_size(int width, int height, string factor, int credits)
    {
        var input = new TopazImageUpscaleInput
        {
            ImageUrl = Photo,
            ImageUrlWidth = width,
            ImageUrlHeight = height,
            UpscaleFactor = Enum.Parse<TopazImageUpscaleUpscaleFactor>("V" + factor),
        };

        Assert.Empty(input.Validate());
        Assert.Equal(credits, input.Price());
    }

    [Fact]
    public void Topaz_does_not_offer_an_output_larger_than_8K()
    {
        var input = new TopazImageUpscaleInput { ImageUrl = Photo, ImageUrlWidth = 3000, ImageUrlHeight = 2000, UpscaleFactor = TopazImageUpscaleUpscaleFactor.V4 };

        var violation = Assert.Single(input.Validate());
        Assert.Equal(ViolationCode.NotOffered, violation.Code);
        Assert.Contains("8192", violation.Limit, StringComparison.Ordinal);
    }

    [Fact]
    public void The_size_travels_through_the_generic_reader_but_never_to_KIE()
    {
        var mode = Models.TopazImage.Upscale;
        using var json = System.Text.Json.JsonDocument.Parse("""{"image_url": "https://a/photo.jpg", "upscale_factor": "2", "image_url#width": 2000, "image_url#height": 1500}""");
        var input = mode.ReadInput(json.RootElement, out var violations);

        Assert.Empty(violations);
        Assert.Equal(20m, input.Price());
        Assert.DoesNotContain("#width", input.ToInputJson(), StringComparison.Ordinal);
        Assert.DoesNotContain("Width", input.ToInputJson(), StringComparison.Ordinal);
    }
}
