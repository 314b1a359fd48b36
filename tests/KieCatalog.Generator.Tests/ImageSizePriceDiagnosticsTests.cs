using KieCatalog.Generator.Tests.Support;
using static KieCatalog.Generator.Tests.DiagnosticsTests;
using static KieCatalog.Generator.Tests.Support.CatalogText;

namespace KieCatalog.Generator.Tests;

/// <summary>Prices by an uploaded image's size (per megapixel, by output size): what compiles, and each mistake at its place (KIE025).</summary>
public sealed class ImageSizePriceDiagnosticsTests
{
    private const string Image = """
        "image_url": { "type": "image", "required": true, "maxMegapixels": 16, "label": { "en": "Image", "ru": "Изображение" } },
        "factor": { "type": "enum", "required": true, "default": "2", "values": ["1", "2", "4"], "label": { "en": "F", "ru": "Ф" } }
        """;

    private static Microsoft.CodeAnalysis.GeneratorRunResult Run(string json) =>
        GeneratorHarness.Driver(json).RunGenerators(GeneratorHarness.Compilation()).GetRunResult().Results.Single();

    [Fact]
    public void A_price_per_megapixel_of_an_image_compiles_with_width_and_height_properties()
    {
        var run = Run(WithMode(Mode(Image, price: """{ "unit": "megapixel", "credits": 4, "quantity": "image_url" }""")));

        Assert.Empty(run.Diagnostics);
        var source = string.Join("\n", run.GeneratedSources.Select(s => s.SourceText.ToString()));
        Assert.Contains("public int? ImageUrlWidth { get; init; }", source, StringComparison.Ordinal);
        Assert.Contains("InputRules.BilledMegapixels(ImageUrlWidth, ImageUrlHeight)", source, StringComparison.Ordinal);
        Assert.Contains("PriceUnit.Megapixel, 4m, 64m", source, StringComparison.Ordinal);
    }

    [Fact]
    public void A_price_by_output_size_compiles_into_tiers()
    {
        var run = Run(WithMode(Mode(Image, price: """{ "unit": "output-size", "quantity": "image_url", "factor": "factor", "tiers": [[2048, 10], [4096, 20]] }""")));

        Assert.Empty(run.Diagnostics);
        var source = string.Join("\n", run.GeneratedSources.Select(s => s.SourceText.ToString()));
        Assert.Contains("InputRules.OutputTier(ImageUrlWidth, ImageUrlHeight, Factor.ToNumber(), new (int, decimal)[] { (2048, 10m), (4096, 20m) })", source, StringComparison.Ordinal);
    }

    [Fact]
    public void KIE025_per_megapixel_needs_max_megapixels()
    {
        var json = WithMode(Mode(Image.Replace("\"maxMegapixels\": 16, ", "", StringComparison.Ordinal), price: """{ "unit": "megapixel", "credits": 4, "quantity": "image_url" }"""));
        var d = Error(json, "KIE025");
        AssertAt(d, json, "\"quantity\": \"image_url\"", offset: 12);
        Assert.Contains("give the parameter 'maxMegapixels'", d.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void KIE025_the_size_of_something_that_is_not_an_image()
    {
        var json = WithMode(Mode("""
            "video_url": { "type": "video", "required": true, "maxSeconds": 10, "label": { "en": "V", "ru": "В" } }
            """, price: """{ "unit": "megapixel", "credits": 4, "quantity": "video_url" }"""));
        var d = Error(json, "KIE025");
        Assert.Contains("must be an image parameter, not video", d.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void KIE025_tiers_out_of_order_and_tiers_outside_output_size()
    {
        var unordered = WithMode(Mode(Image, price: """{ "unit": "output-size", "quantity": "image_url", "tiers": [[4096, 20], [2048, 10]] }"""));
        var stray = WithMode(Mode(Image, price: """{ "credits": 4, "tiers": [[2048, 10]] }"""));

        AssertAt(Error(unordered, "KIE025"), unordered, "[2048, 10]");
        Assert.Contains("'tiers' and 'factor' belong to a price with \"unit\": \"output-size\"", Error(stray, "KIE025").GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void KIE015_max_megapixels_only_on_an_image()
    {
        var json = WithMode(Mode("""
            "prompt": { "type": "text", "required": true, "maxMegapixels": 4, "label": { "en": "P", "ru": "П" } }
            """));
        Assert.Contains("'maxMegapixels' does not apply to 'prompt'", Error(json, "KIE015").GetMessage(), StringComparison.Ordinal);
    }
}
