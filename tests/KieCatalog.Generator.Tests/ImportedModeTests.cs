using KieCatalog.Generator.Tests.Support;
using static KieCatalog.Generator.Tests.Support.CatalogText;

namespace KieCatalog.Generator.Tests;

/// <summary>What an import leaves for a person to finish: hidden modes without price or labels, json inputs, one KIE id on several endpoints, retired modes.</summary>
public sealed class ImportedModeTests
{
    private const string Unfinished = """
        {
          "id": "elements",
          "kieModel": "vendor/elements",
          "output": "video",
          "hidden": "imported: no price, no labels",
          "params": {
            "prompt": { "type": "text", "required": true },
            "kling_elements": { "type": "json" },
            "shots": { "type": "json", "required": true },
            "mode": { "type": "enum", "values": ["a-very-long-value-that-would-never-fit-in-a-telegram-button-callback-data"] }
          }
        }
        """;

    [Fact]
    public void A_hidden_mode_may_lack_price_and_labels_and_take_json_and_it_compiles()
    {
        var (run, errors) = GeneratorHarness.GenerateAndCompile(CatalogOf(ModelOf("m", ValidMode, Unfinished)));

        Assert.Empty(run.Diagnostics);
        Assert.Empty(errors);
        var source = run.GeneratedSources.Single(s => s.HintName == "Models.MModel.g.cs").SourceText.ToString();
        Assert.Contains("public global::System.Text.Json.JsonElement? KlingElements { get; init; }", source, StringComparison.Ordinal);
        Assert.Contains("public required global::System.Text.Json.JsonElement Shots { get; init; }", source, StringComparison.Ordinal);
        Assert.Contains("public decimal Price() => throw new global::KieCatalog.Catalog.UnpricedModeException(Descriptor);", source, StringComparison.Ordinal);
        Assert.Contains("PriceUnit.Unpriced", source, StringComparison.Ordinal);
    }

    [Fact]
    public void A_visible_mode_with_a_json_parameter_is_an_error_at_that_parameter()
    {
        var json = WithMode(Mode("""
            "prompt": { "type": "text", "required": true, "label": { "en": "P", "ru": "П" } },
            "elements": { "type": "json", "label": { "en": "E", "ru": "Э" } }
            """));
        var run = GeneratorHarness.Driver(json).RunGenerators(GeneratorHarness.Compilation()).GetRunResult().Results.Single();
        Assert.Null(run.Exception);
        var d = Assert.Single(run.Diagnostics);
        Assert.True(d.Id == "KIE019", d.ToString());
        Assert.Equal(PositionOf(json, "{ \"type\": \"json\"").Line, d.Location.GetLineSpan().StartLinePosition.Line);
    }

    [Fact]
    public void A_visible_mode_still_needs_price_and_labels()
    {
        var visible = Unfinished.Replace("\"hidden\": \"imported: no price, no labels\",", "", StringComparison.Ordinal).Replace("\"type\": \"json\"", "\"type\": \"string\"", StringComparison.Ordinal);
        var ids = GeneratorHarness.Driver(WithMode(visible)).RunGenerators(GeneratorHarness.Compilation()).GetRunResult().Results.Single().Diagnostics.Select(d => d.Id).ToList();
        Assert.Contains("KIE003", ids);
        Assert.Contains("KIE014", ids);
        Assert.Contains("KIE013", ids);
    }

    [Fact]
    public void One_kie_model_id_may_serve_several_endpoints_but_not_one_endpoint_twice()
    {
        string Suno(string id, string? path) => $$"""
            {
              "id": "{{id}}", "kieModel": "V5", "api": "suno", {{(path is null ? "" : $"\"path\": \"{path}\",")}} "output": "audio", "hidden": "imported",
              "params": { "prompt": { "type": "text" } }
            }
            """;
        var distinct = CatalogOf(ModelOf("suno", Suno("generate", null), Suno("extend", "/api/v1/generate/extend"), Suno("cover", "/api/v1/generate/upload-cover")));
        var (run, errors) = GeneratorHarness.GenerateAndCompile(distinct);
        Assert.Empty(run.Diagnostics);
        Assert.Empty(errors);
        Assert.Contains("\"/api/v1/generate/extend\"", run.GeneratedSources.Single(s => s.HintName == "Models.SunoModel.g.cs").SourceText.ToString(), StringComparison.Ordinal);

        var twice = CatalogOf(ModelOf("suno", Suno("extend", "/api/v1/generate/extend"), Suno("extend-again", "/api/v1/generate/extend")));
        var d = Assert.Single(GeneratorHarness.Driver(twice).RunGenerators(GeneratorHarness.Compilation()).GetRunResult().Results.Single().Diagnostics);
        Assert.Equal("KIE011", d.Id);
        Assert.Contains("'V5 at /api/v1/generate/extend' is already used by mode 'suno/extend'", d.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_retired_mode_is_hidden_with_its_date()
    {
        var retired = ValidMode.Replace("\"output\": \"image\",", "\"output\": \"image\", \"retired\": \"2026-11-24\",", StringComparison.Ordinal);
        var (run, errors) = GeneratorHarness.GenerateAndCompile(WithMode(retired));
        Assert.Empty(run.Diagnostics);
        Assert.Empty(errors);
        Assert.Contains("\"retired: KIE no longer publishes it (since 2026-11-24)\"", run.GeneratedSources.Single(s => s.HintName == "Models.MModel.g.cs").SourceText.ToString(), StringComparison.Ordinal);
    }
}
