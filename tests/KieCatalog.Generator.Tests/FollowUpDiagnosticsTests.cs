using KieCatalog.Generator.Tests.Support;
using static KieCatalog.Generator.Tests.DiagnosticsTests;
using static KieCatalog.Generator.Tests.Support.CatalogText;

namespace KieCatalog.Generator.Tests;

/// <summary>Follow-ups (a <c>task</c> parameter: an earlier generation): what compiles, and each mistake at its place (KIE027).</summary>
public sealed class FollowUpDiagnosticsTests
{
    private const string Grid = """
        {
          "id": "grid",
          "kieModel": "grid",
          "api": "midjourney",
          "output": "image",
          "label": { "en": "Grid", "ru": "Сетка" },
          "price": { "credits": 8 },
          "params": { "prompt": { "type": "text", "required": true, "label": { "en": "Prompt", "ru": "Промпт" } } }
        }
        """;

    private static string Upscale(string task, string api = "midjourney") => $$"""
        {
          "id": "upscale",
          "kieModel": "upscale",
          "api": "{{api}}",
          "path": "/api/v1/mj/generateUpscale",
          "output": "image",
          "label": { "en": "Upscale", "ru": "Увеличить" },
          "price": { "credits": 8 },
          "params": {
            "taskId": {{task}},
            "imageIndex": { "type": "integer", "required": true, "min": 0, "max": 3, "label": { "en": "Image", "ru": "Изображение" } }
          }
        }
        """;

    private const string Good = """{ "type": "task", "required": true, "from": ["m/grid"], "output": "imageIndex", "maxAgeDays": 15, "label": { "en": "Grid", "ru": "Сетка" } }""";

    private static Microsoft.CodeAnalysis.GeneratorRunResult Run(string json) =>
        GeneratorHarness.Driver(json).RunGenerators(GeneratorHarness.Compilation()).GetRunResult().Results.Single();

    [Fact]
    public void A_follow_up_compiles_into_a_string_task_id_and_its_rule()
    {
        var run = Run(CatalogOf(ModelOf("m", Grid, Upscale(Good))));

        Assert.Empty(run.Diagnostics);
        var source = string.Join("\n", run.GeneratedSources.Select(s => s.SourceText.ToString()));
        Assert.Contains("public required string TaskId { get; init; }", source, StringComparison.Ordinal);
        Assert.Contains("followUp: new global::KieCatalog.Catalog.FollowUpRule(static () => new global::KieCatalog.Catalog.ModeDescriptor[] { Models.M.Grid }, \"imageIndex\"", source, StringComparison.Ordinal);
        Assert.Contains("TResult OnTask(global::KieCatalog.Catalog.ParamDescriptor param);", source, StringComparison.Ordinal);
    }

    [Fact]
    public void KIE027_a_mode_that_is_not_in_the_catalog()
    {
        var json = CatalogOf(ModelOf("m", Grid, Upscale(Good.Replace("m/grid", "m/gird", StringComparison.Ordinal))));
        var d = Error(json, "KIE027");
        AssertAt(d, json, "\"m/gird\"");
        Assert.Contains("names 'm/gird', which is not a mode of this catalog", d.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void KIE027_a_task_of_another_api_family()
    {
        var json = CatalogOf(ModelOf("m", Grid, Upscale(Good, api: "veo")));
        var d = Error(json, "KIE027");
        AssertAt(d, json, "\"m/grid\"");
        Assert.Contains("a midjourney task: KIE's veo endpoints continue only veo tasks", d.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void KIE027_an_output_that_is_not_an_integer_with_a_range_and_no_from()
    {
        var notInteger = CatalogOf(ModelOf("m", Grid, Upscale(Good.Replace("imageIndex", "prompt", StringComparison.Ordinal))));
        AssertAt(Error(notInteger, "KIE027"), notInteger, "\"prompt\"", occurrence: 2);

        var noFrom = CatalogOf(ModelOf("m", Grid, Upscale("""{ "type": "task", "required": true, "label": { "en": "G", "ru": "С" } }""")));
        Assert.Contains("has no 'from'", Error(noFrom, "KIE027").GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void KIE027_an_output_id_that_is_not_a_string_parameter()
    {
        var json = CatalogOf(ModelOf("m", Grid, Upscale(Good.Replace("\"output\": \"imageIndex\"", "\"outputId\": \"imageIndex\"", StringComparison.Ordinal))));
        var d = Error(json, "KIE027");
        AssertAt(d, json, "\"imageIndex\"", occurrence: 1);
        Assert.Contains("'outputId' of 'taskId' names 'imageIndex', which is not a string parameter of this mode", d.GetMessage(), StringComparison.Ordinal);

        var ok = CatalogOf(ModelOf("m", Grid, Upscale("""{ "type": "task", "required": true, "from": ["m/grid"], "takes": "output", "label": { "en": "G", "ru": "С" } }""")));
        Assert.Empty(GeneratorHarness.Driver(ok).RunGenerators(GeneratorHarness.Compilation()).GetRunResult().Results.Single().Diagnostics);
    }

    [Fact]
    public void KIE027_follow_up_properties_only_on_a_task_and_no_default()
    {
        var stray = WithMode(Mode("""
            "prompt": { "type": "text", "required": true, "from": ["m/x"], "label": { "en": "P", "ru": "П" } }
            """));
        Assert.Contains("'from' is only for task parameters", Error(stray, "KIE027").GetMessage(), StringComparison.Ordinal);

        var withDefault = CatalogOf(ModelOf("m", Grid, Upscale(Good.Replace("\"required\": true", "\"default\": \"abc\"", StringComparison.Ordinal))));
        Assert.Contains("a task parameter is an earlier generation", Error(withDefault, "KIE016").GetMessage(), StringComparison.Ordinal);
    }
}
