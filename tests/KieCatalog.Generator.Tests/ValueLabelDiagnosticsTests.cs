using KieCatalog.Generator.Tests.Support;
using static KieCatalog.Generator.Tests.DiagnosticsTests;
using static KieCatalog.Generator.Tests.Support.CatalogText;

namespace KieCatalog.Generator.Tests;

/// <summary>Enum values a person cannot read (voice ids, UPPER_CASE constants) need a label on a visible mode; labels reach the descriptors.</summary>
public sealed class ValueLabelDiagnosticsTests
{
    private static string Voice(string labels = "") => $$"""
        "voice": { "type": "enum", "required": true, "label": { "en": "Voice", "ru": "Голос" },
          "values": ["EkK5I93UQWFDigLMpZcX", "16:9"]{{labels}} }
        """;

    [Fact]
    public void KIE023_a_visible_opaque_id_without_a_label_fails_at_its_line()
    {
        var json = WithMode(Mode(Voice()));
        var d = Error(json, "KIE023");
        AssertAt(d, json, "\"EkK5I93UQWFDigLMpZcX\"");
        Assert.Contains("value 'EkK5I93UQWFDigLMpZcX' of 'voice' is an opaque id", d.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void KIE023_an_upper_case_constant_without_a_label_fails_but_2K_and_16_9_read_as_they_are()
    {
        var json = WithMode(Mode("""
            "kind": { "type": "enum", "required": true, "label": { "en": "Kind", "ru": "Вид" }, "values": ["2K", "16:9", "TEXT_2_VIDEO", "square_hd"] }
            """));
        var d = Error(json, "KIE023");
        AssertAt(d, json, "\"TEXT_2_VIDEO\"");
        Assert.Contains("an UPPER_CASE constant", d.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_labelled_value_compiles_and_its_label_reaches_the_descriptor()
    {
        var json = WithMode(Mode(Voice(""", "valueLabels": { "EkK5I93UQWFDigLMpZcX": { "en": "James — husky, bold", "ru": "Джеймс — хрипловатый, смелый" } }""")));
        var run = GeneratorHarness.Driver(json).RunGenerators(GeneratorHarness.Compilation()).GetRunResult().Results.Single();

        Assert.Empty(run.Diagnostics);
        var source = string.Join("\n", run.GeneratedSources.Select(s => s.SourceText.ToString()));
        Assert.Contains("new global::KieCatalog.Catalog.LocalizedText(\"James — husky, bold\", \"Джеймс — хрипловатый, смелый\")", source, StringComparison.Ordinal);
    }

    [Fact]
    public void A_hidden_mode_may_keep_raw_values()
    {
        var mode = Mode(Voice()).Replace("\"output\": \"image\",", "\"output\": \"image\",\n  \"hidden\": \"not finished\",", StringComparison.Ordinal);
        var run = GeneratorHarness.Driver(WithMode(mode)).RunGenerators(GeneratorHarness.Compilation()).GetRunResult().Results.Single();

        Assert.DoesNotContain(run.Diagnostics, d => d.Id == "KIE023");
    }

    [Fact]
    public void KIE015_a_label_for_a_value_the_enum_does_not_have()
    {
        var json = WithMode(Mode(Voice(""", "valueLabels": { "EkK5I93UQWFDigLMpZcX": { "en": "James", "ru": "Джеймс" }, "nobody": { "en": "N", "ru": "Н" } }""")));
        var d = Error(json, "KIE015");
        AssertAt(d, json, "{ \"en\": \"N\"");
        Assert.Contains("labels 'nobody', which is not one of its values", d.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void KIE015_value_labels_only_on_an_enum()
    {
        var json = WithMode(Mode("""
            "prompt": { "type": "text", "required": true, "label": { "en": "P", "ru": "П" }, "valueLabels": {} }
            """));
        var d = Error(json, "KIE015");
        Assert.Contains("'valueLabels' is only for enum parameters", d.GetMessage(), StringComparison.Ordinal);
    }
}
