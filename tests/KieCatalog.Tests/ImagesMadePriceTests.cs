namespace KieCatalog.Tests;

/// <summary>A price per image made: Seedream 4's max_images is the most it makes, and KIE bills the images it makes.</summary>
public sealed class ImagesMadePriceTests
{
    [Fact]
    public void Seedream_4_reserves_the_most_images_and_costs_the_images_made()
    {
        var price = Models.SeedreamV4.TextToImage.Price;
        var four = new SeedreamV4TextToImageInput { Prompt = "x", MaxImages = 4 };

        Assert.True(price.PerImageMade);
        Assert.Equal((5m, 30m), (price.MinCredits, price.MaxCredits));
        Assert.Equal(20m, four.Price());
        Assert.Equal(10m, price.ForImagesMade(four.Price(), asked: 4, made: 2));
        Assert.Equal(20m, price.ForImagesMade(four.Price(), asked: 4, made: 4));
        Assert.Equal(3.34m, price.ForImagesMade(10m, asked: 3, made: 1));
    }

    [Fact]
    public void Ideogram_makes_exactly_the_images_asked_so_its_price_is_not_per_image_made()
    {
        var price = Models.IdeogramV3.Remix.Price;

        Assert.False(price.PerImageMade);
        Assert.Equal(7m, price.ForImagesMade(7m, asked: 2, made: 1));
    }
}
