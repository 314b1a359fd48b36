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
    public void A_price_by_a_file_without_max_seconds_has_no_upper_bound()
    {
        var json = WithMode(Mode("""
            "video_url": { "type": "video", "required": true, "label": { "en": "V", "ru": "В" } }
            """, price: """{ "unit": "second", "credits": 8, "quantity": "video_url" }"""));
        var run = GeneratorHarness.Driver(json).RunGenerators(GeneratorHarness.Compilation()).GetRunResult().Results.Single();

        Assert.Empty(run.Diagnostics);
        Assert.Contains(run.GeneratedSources, s => s.SourceText.ToString().Contains("PriceUnit.Second, 8m, null, \"video_url\"", StringComparison.Ordinal));
    }

    [Fact]
    public void KIE020_a_list_of_files_priced_by_its_length_takes_one_file()
    {
        var json = WithMode(Mode("""
            "video_urls": { "type": "video[]", "required": true, "maxItems": 3, "label": { "en": "V", "ru": "В" } }
            """, price: """{ "unit": "second", "credits": 8, "quantity": "video_urls" }"""));
        var d = Error(json, "KIE020");
        AssertAt(d, json, "\"quantity\": \"video_urls\"", offset: 12);
        Assert.Contains("needs the list to take one file ('maxItems': 1)", d.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_list_of_one_file_is_priced_by_that_file_and_validated_for_its_length()
    {
        var json = WithMode(Mode("""
            "video_urls": { "type": "video[]", "required": true, "maxItems": 1, "maxSeconds": 30, "label": { "en": "V", "ru": "В" } }
            """, price: """{ "unit": "second", "credits": 8, "quantity": "video_urls" }"""));
        var run = GeneratorHarness.Driver(json).RunGenerators(GeneratorHarness.Compilation()).GetRunResult().Results.Single();
        var source = string.Concat(run.GeneratedSources.Select(s => s.SourceText.ToString()));

        Assert.Empty(run.Diagnostics);
        Assert.Contains("PriceUnit.Second, 8m, 240m, \"video_urls\"", source, StringComparison.Ordinal);
        Assert.Contains("public decimal? VideoUrlsSeconds { get; init; }", source, StringComparison.Ordinal);
        Assert.Contains("(VideoUrls is { Count: > 0 } files ? files[0] : null), VideoUrlsSeconds, 30);", source, StringComparison.Ordinal);
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

    private const string Frames = """
        "num_frames": { "type": "number", "default": 80, "min": 40, "max": 120, "label": { "en": "F", "ru": "К" } },
        "frames_per_second": { "type": "number", "default": 16, "min": 4, "max": 60, "label": { "en": "FPS", "ru": "К/с" } }
        """;

    [Fact]
    public void An_output_of_frames_at_a_frame_rate_is_priced_per_second_of_it()
    {
        var json = WithMode(Mode(Frames, price: """{ "unit": "second", "credits": 12, "quantity": "num_frames/frames_per_second" }"""));
        var run = GeneratorHarness.Driver(json).RunGenerators(GeneratorHarness.Compilation()).GetRunResult().Results.Single();
        var source = string.Concat(run.GeneratedSources.Select(s => s.SourceText.ToString()));

        Assert.Empty(run.Diagnostics);
        // 40 frames at 60 fps is 0.67 s; 120 frames at 4 fps is 30 s.
        Assert.Contains("PriceUnit.Second, 8.04m, 360m, \"num_frames/frames_per_second\"", source, StringComparison.Ordinal);
        Assert.Contains("InputRules.OutputSeconds((decimal)NumFrames, (decimal)FramesPerSecond)", source, StringComparison.Ordinal);
    }

    [Fact]
    public void KIE017_a_frame_rate_quotient_needs_numbers_with_ranges_and_a_price_per_second()
    {
        var unknown = WithMode(Mode(Frames, price: """{ "unit": "second", "credits": 12, "quantity": "num_frames/fps" }"""));
        var d = Error(unknown, "KIE017");
        AssertAt(d, unknown, "\"quantity\": \"num_frames/fps\"", offset: 12);
        Assert.Contains("names 'fps', which must be an integer or number parameter of this mode with min and max", d.GetMessage(), StringComparison.Ordinal);

        var perImage = WithMode(Mode(Frames, price: """{ "unit": "image", "credits": 12, "quantity": "num_frames/frames_per_second" }"""));
        Assert.Contains("the price must be per second, not per image", Error(perImage, "KIE017").GetMessage(), StringComparison.Ordinal);
    }
}
