using KieCatalog.Generator.Tests.Support;
using Microsoft.CodeAnalysis;
using static KieCatalog.Generator.Tests.DiagnosticsTests;
using static KieCatalog.Generator.Tests.Support.CatalogText;

namespace KieCatalog.Generator.Tests;

/// <summary>The diagnostics of a price by the length of an uploaded file: id, severity, and the exact line/column in the catalog file.</summary>
public sealed class DurationPriceDiagnosticsTests
{
    private const string Audio = """
        "audio_url": { "type": "audio", "required": true, "maxSeconds": 300, "label": { "en": "Audio", "ru": "Аудио" } }
        """;

    [Fact]
    public void KIE020_a_price_by_the_duration_of_an_upload_without_one()
    {
        var json = WithMode(Mode("""
            "images": { "type": "image[]", "required": true, "label": { "en": "I", "ru": "И" } }
            """, price: """{ "unit": "second", "credits": 2, "quantity": "images" }"""));
        var d = Error(json, "KIE020");
        AssertAt(d, json, "\"quantity\": \"images\"", offset: 12);
        Assert.Contains("image[], which has no length", d.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void KIE020_a_price_by_a_file_duration_needs_max_seconds_on_the_parameter()
    {
        var json = WithMode(Mode("""
            "video_url": { "type": "video", "required": true, "label": { "en": "V", "ru": "В" } }
            """, price: """{ "unit": "second", "credits": 8, "quantity": "video_url" }"""));
        var d = Error(json, "KIE020");
        AssertAt(d, json, "\"quantity\": \"video_url\"", offset: 12);
        Assert.Contains("'maxSeconds'", d.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void KIE020_a_price_by_a_file_duration_is_per_second_or_minute()
    {
        var json = WithMode(Mode(Audio, price: """{ "unit": "image", "credits": 1, "quantity": "audio_url" }"""));
        var d = Error(json, "KIE020");
        AssertAt(d, json, "\"quantity\": \"audio_url\"", offset: 12);
        Assert.Contains("not per image", d.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void KIE015_max_seconds_only_on_audio_and_video()
    {
        var json = WithMode(Mode("""
            "image": { "type": "image", "required": true, "maxSeconds": 10, "label": { "en": "I", "ru": "И" } }
            """));
        var d = Error(json, "KIE015");
        AssertAt(d, json, "10, \"label\"");
        Assert.Contains("'maxSeconds' does not apply", d.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void KIE021_a_visible_mode_charging_the_longest_file_up_front()
    {
        var json = WithMode(Mode(Audio, price: """{ "unit": "second", "credits": 0.2, "maxQuantity": 300 }"""));
        var d = Error(json, "KIE021");
        AssertAt(d, json, "\"maxQuantity\": 300", offset: 15);
        Assert.Contains("\"quantity\": \"audio_url\"", d.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void KIE021_a_hidden_mode_may_keep_its_upper_bound()
    {
        var mode = Mode(Audio, price: """{ "unit": "second", "credits": 0.2, "maxQuantity": 300 }""")
            .Replace("\"output\": \"image\",", "\"output\": \"image\",\n  \"hidden\": \"not priced by the file yet\",", StringComparison.Ordinal);
        var run = GeneratorHarness.Driver(WithMode(mode)).RunGenerators(GeneratorHarness.Compilation()).GetRunResult().Results.Single();

        Assert.Contains("hidden", mode, StringComparison.Ordinal);
        Assert.Empty(run.Diagnostics);
        Assert.NotEmpty(run.GeneratedSources);
    }

    [Fact]
    public void KIE012_a_parameter_named_like_the_seconds_property_of_a_priced_file()
    {
        var json = WithMode(Mode(Audio + """
            ,
            "audio_url_seconds": { "type": "number", "label": { "en": "S", "ru": "С" } }
            """, price: """{ "unit": "second", "credits": 0.2, "quantity": "audio_url" }"""));
        var d = Error(json, "KIE012");
        AssertAt(d, json, "\"audio_url_seconds\"");
        Assert.Contains("'AudioUrlSeconds'", d.GetMessage(), StringComparison.Ordinal);
    }
}
