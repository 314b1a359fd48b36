using KieCatalog.Generator.Tests.Support;
using Microsoft.CodeAnalysis;
using static KieCatalog.Generator.Tests.Support.CatalogText;

namespace KieCatalog.Generator.Tests;

/// <summary>One test per diagnostic: id, severity, and the exact line/column in the catalog file.</summary>
public sealed class DiagnosticsTests
{
    /// <summary>The one diagnostic <paramref name="id"/> of a generator run over <paramref name="json"/>, which must not throw.</summary>
    internal static Diagnostic Single(string json, string id)
    {
        var run = GeneratorHarness.Driver(json).RunGenerators(GeneratorHarness.Compilation()).GetRunResult().Results.Single();
        Assert.Null(run.Exception);
        var matching = run.Diagnostics.Where(d => d.Id == id).ToList();
        Assert.True(matching.Count == 1, $"expected one {id}, got: {string.Join(" | ", run.Diagnostics.Select(d => d.ToString()))}");
        return matching[0];
    }

    /// <summary>Asserts that <paramref name="d"/> starts in the catalog file at <paramref name="anchor"/> (its <paramref name="occurrence"/>-th one), <paramref name="offset"/> characters on.</summary>
    internal static void AssertAt(Diagnostic d, string json, string anchor, int occurrence = 1, int offset = 0)
    {
        var (line, column) = PositionOf(json, anchor, occurrence);
        var span = d.Location.GetLineSpan();
        Assert.Equal(GeneratorHarness.CatalogPath, span.Path);
        Assert.Equal((line, column + offset), (span.StartLinePosition.Line, span.StartLinePosition.Character));
    }

    /// <summary>The one diagnostic <paramref name="id"/>, which must be an error.</summary>
    internal static Diagnostic Error(string json, string id)
    {
        var d = Single(json, id);
        Assert.Equal(DiagnosticSeverity.Error, d.Severity);
        return d;
    }

    [Fact]
    public void KIE001_invalid_json_points_at_the_bad_token()
    {
        var json = "{\n  \"version\": \"t\",\n}";
        var d = Error(json, "KIE001");
        Assert.Equal((2, 0), (d.Location.GetLineSpan().StartLinePosition.Line, d.Location.GetLineSpan().StartLinePosition.Character));
        Assert.Contains("property name", d.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void KIE001_column_after_cyrillic_text_counts_characters_not_bytes()
    {
        var json = "{\n  \"version\": \"Каталог моделей\", \"creditUsd\": 0.005, \"models\": [] x\n}";
        var d = Error(json, "KIE001");
        Assert.Equal((1, 65), (d.Location.GetLineSpan().StartLinePosition.Line, d.Location.GetLineSpan().StartLinePosition.Character));
    }

    [Fact]
    public void KIE002_unknown_parameter_type()
    {
        var json = WithMode(Mode("""
            "prompt": { "type": "txet", "required": true, "label": { "en": "P", "ru": "П" } }
            """));
        var d = Error(json, "KIE002");
        AssertAt(d, json, "\"txet\"");
        Assert.Contains("mode 'm/text-to-image'", d.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void KIE003_mode_without_price()
    {
        var mode = ValidMode.Replace("  \"price\": { \"credits\": 4 },\n", "", StringComparison.Ordinal);
        var json = WithMode(mode);
        AssertAt(Error(json, "KIE003"), json, "{\n  \"id\": \"text-to-image\"");
    }

    [Fact]
    public void KIE004_negative_price()
    {
        var json = WithMode(Mode("", price: """{ "credits": -1 }"""));
        AssertAt(Error(json, "KIE004"), json, "-1");
    }

    [Fact]
    public void KIE005_combination_without_price()
    {
        var json = WithMode(Mode(
            """
            "q": { "type": "enum", "required": true, "values": ["basic", "high"], "default": "basic", "label": { "en": "Q", "ru": "К" } }
            """,
            price: """{ "by": ["q"], "table": { "basic": 1 } }"""));
        var d = Error(json, "KIE005");
        AssertAt(d, json, "{ \"basic\": 1 }");
        Assert.Contains("q=high", d.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void KIE005_every_nested_combination_is_checked()
    {
        var json = WithMode(Mode(
            """
            "q": { "type": "enum", "required": true, "values": ["basic", "high"], "default": "basic", "label": { "en": "Q", "ru": "К" } },
            "s": { "type": "boolean", "required": true, "default": false, "label": { "en": "S", "ru": "З" } }
            """,
            price: """{ "by": ["q", "s"], "table": { "basic": { "false": 1, "true": 2 }, "high": { "false": 3 } } }"""));
        var d = Error(json, "KIE005");
        AssertAt(d, json, "{ \"false\": 3 }");
        Assert.Contains("q=high, s=true", d.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void KIE006_priced_parameter_that_does_not_exist()
    {
        var json = WithMode(Mode("", price: """{ "by": ["nope"], "table": { } }"""));
        AssertAt(Error(json, "KIE006"), json, "\"nope\"");
    }

    [Fact]
    public void KIE007_enum_default_outside_its_values()
    {
        var json = WithMode(Mode("""
            "q": { "type": "enum", "values": ["a", "b"], "default": "zz", "label": { "en": "Q", "ru": "К" } }
            """));
        AssertAt(Error(json, "KIE007"), json, "\"zz\"");
    }

    [Fact]
    public void KIE008_min_above_max()
    {
        var json = WithMode(Mode("""
            "n": { "type": "number", "min": 5, "max": 3, "label": { "en": "N", "ru": "Ч" } }
            """));
        AssertAt(Error(json, "KIE008"), json, "\"max\": 3", offset: 7);
    }

    [Fact]
    public void KIE009_duplicate_model_id()
    {
        var json = CatalogOf(ModelOf("dup", ValidMode), ModelOf("dup", Mode("", kieModel: "vendor/other")));
        AssertAt(Error(json, "KIE009"), json, "\"dup\"", occurrence: 2);
    }

    [Fact]
    public void KIE010_duplicate_mode_id()
    {
        var json = WithMode(ValidMode + ",\n" + Mode("", kieModel: "vendor/other"));
        AssertAt(Error(json, "KIE010"), json, "\"text-to-image\"", occurrence: 2);
    }

    [Fact]
    public void KIE011_duplicate_kie_model_id()
    {
        var json = CatalogOf(ModelOf("a", ValidMode), ModelOf("b", ValidMode));
        var d = Error(json, "KIE011");
        AssertAt(d, json, "\"vendor/text-to-image\"", occurrence: 2);
        Assert.Contains("mode 'a/text-to-image'", d.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void KIE012_parameters_that_collide_in_csharp()
    {
        var json = WithMode(Mode("""
            "aspect_ratio": { "type": "string", "label": { "en": "A", "ru": "А" } },
            "aspect-ratio": { "type": "string", "label": { "en": "A", "ru": "А" } }
            """));
        var d = Error(json, "KIE012");
        AssertAt(d, json, "\"aspect-ratio\"");
        Assert.Contains("'AspectRatio'", d.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void KIE012_parameter_named_like_a_generated_member()
    {
        var json = WithMode(Mode("""
            "price": { "type": "string", "label": { "en": "P", "ru": "Ц" } }
            """));
        AssertAt(Error(json, "KIE012"), json, "\"price\": { \"type\"");
    }

    [Fact]
    public void KIE013_callback_data_over_64_bytes()
    {
        var longValue = new string('x', 60);
        var json = WithMode(Mode($$"""
            "q": { "type": "enum", "values": ["a", "{{longValue}}"], "default": "a", "label": { "en": "Q", "ru": "К" } }
            """));
        var d = Error(json, "KIE013");
        AssertAt(d, json, "\"" + longValue + "\"");
    }

    [Fact]
    public void KIE014_missing_russian_label_is_a_warning()
    {
        var json = WithMode(Mode("""
            "prompt": { "type": "text", "label": { "en": "Prompt" } }
            """));
        var d = Single(json, "KIE014");
        Assert.Equal(DiagnosticSeverity.Warning, d.Severity);
        AssertAt(d, json, "{ \"en\": \"Prompt\" }");
        Assert.Contains("no ru text", d.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void KIE015_unknown_property_is_reported_not_ignored()
    {
        var json = WithMode(Mode("""
            "prompt": { "type": "text", "maxLenght": 10, "label": { "en": "P", "ru": "П" } }
            """));
        var d = Error(json, "KIE015");
        AssertAt(d, json, "\"maxLenght\"");
        Assert.Contains("unknown property 'maxLenght'", d.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void KIE016_default_of_the_wrong_kind()
    {
        var json = WithMode(Mode("""
            "n": { "type": "integer", "default": 2.5, "label": { "en": "N", "ru": "Ч" } }
            """));
        AssertAt(Error(json, "KIE016"), json, "2.5");
    }

    [Fact]
    public void KIE017_per_second_price_without_quantity()
    {
        var json = WithMode(Mode("", price: """{ "unit": "second", "credits": 2 }"""));
        AssertAt(Error(json, "KIE017"), json, "\"second\"");
    }

    [Fact]
    public void KIE017_images_made_on_a_price_that_is_not_per_image()
    {
        var json = WithMode(Mode("", price: """{ "credits": 2, "produced": true }"""));
        AssertAt(Error(json, "KIE017"), json, "true }");
    }

    private static string OneOfMode(string groups) => Mode("""
        "prompt": { "type": "text", "label": { "en": "P", "ru": "П" } },
        "size": { "type": "enum", "required": true, "values": ["1:1"], "default": "1:1", "label": { "en": "S", "ru": "Р" } },
        "filesUrl": { "type": "image[]", "label": { "en": "I", "ru": "И" } }
        """).Replace("\"params\":", "\"requireOneOf\": " + groups + ",\n  \"params\":", StringComparison.Ordinal);

    [Fact]
    public void KIE022_require_one_of_names_a_parameter_that_does_not_exist()
    {
        var json = WithMode(OneOfMode("""[["prompt", "fileUrls"]]"""));
        var d = Error(json, "KIE022");
        AssertAt(d, json, "\"fileUrls\"");
        Assert.Contains("'fileUrls', which is not a parameter of this mode", d.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void KIE022_require_one_of_names_a_parameter_that_always_has_a_value()
    {
        var json = WithMode(OneOfMode("""[["filesUrl", "size"]]"""));
        var d = Error(json, "KIE022");
        AssertAt(d, json, "\"size\"]");
        Assert.Contains("'size', which is required", d.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void KIE015_a_require_one_of_group_of_one()
    {
        var json = WithMode(OneOfMode("""[["prompt"]]"""));
        AssertAt(Error(json, "KIE015"), json, "[\"prompt\"]");
    }

    [Fact]
    public void KIE018_two_catalog_files()
    {
        var files = new[]
        {
            new GeneratorHarness.MemoryAdditionalText("/repo/a/models.json", WithMode(ValidMode)),
            new GeneratorHarness.MemoryAdditionalText("/repo/b/models.json", WithMode(ValidMode)),
        };
        var run = GeneratorHarness.Driver(files).RunGenerators(GeneratorHarness.Compilation()).GetRunResult().Results.Single();
        var d = Assert.Single(run.Diagnostics, x => x.Id == "KIE018");
        Assert.Equal(DiagnosticSeverity.Error, d.Severity);
        Assert.Equal("/repo/b/models.json", d.Location.GetLineSpan().Path);
    }

    [Fact]
    public void A_file_with_many_problems_reports_each_once_and_emits_nothing()
    {
        var json = CatalogOf(
            ModelOf("a", Mode("", price: """{ "credits": -3 }""")),
            ModelOf("b", Mode("""
                "x": { "type": "blob", "label": { "en": "X", "ru": "Х" } }
                """, kieModel: "vendor/b")));
        var run = GeneratorHarness.Driver(json).RunGenerators(GeneratorHarness.Compilation()).GetRunResult().Results.Single();

        Assert.Null(run.Exception);
        Assert.Equal(new[] { "KIE002", "KIE004" }, run.Diagnostics.Select(d => d.Id).OrderBy(i => i, StringComparer.Ordinal));
        Assert.Empty(run.GeneratedSources);
    }
}
