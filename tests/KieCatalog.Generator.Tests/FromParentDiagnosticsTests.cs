using KieCatalog.Generator.Tests.Support;
using static KieCatalog.Generator.Tests.DiagnosticsTests;
using static KieCatalog.Generator.Tests.Support.CatalogText;

namespace KieCatalog.Generator.Tests;

/// <summary>
/// A follow-up's setting copied from the task it continues (<c>fromParent</c>: Grok extend is billed by the resolution of
/// the video it extends): what compiles, and each mistake at its place (KIE027).
/// </summary>
public sealed class FromParentDiagnosticsTests
{
    private const string Video = """
        {
          "id": "video",
          "kieModel": "vendor/video",
          "output": "video",
          "label": { "en": "Video", "ru": "Видео" },
          "price": { "by": ["resolution"], "table": { "480p": 10, "720p": 20 } },
          "params": {
            "prompt": { "type": "text", "required": true, "label": { "en": "Prompt", "ru": "Промпт" } },
            "resolution": { "type": "enum", "required": true, "values": ["480p", "720p"], "default": "480p", "label": { "en": "R", "ru": "Р" } }
          }
        }
        """;

    private static string Extend(string resolution = """{ "type": "enum", "required": true, "values": ["480p", "720p"], "fromParent": "resolution", "label": { "en": "R", "ru": "Р" } }""", string task = """{ "type": "task", "required": true, "from": ["m/video"], "label": { "en": "V", "ru": "В" } }""") => $$"""
        {
          "id": "extend",
          "kieModel": "vendor/extend",
          "output": "video",
          "label": { "en": "Extend", "ru": "Продлить" },
          "price": { "by": ["resolution"], "table": { "480p": 10, "720p": 20 } },
          "params": {
            "task_id": {{task}},
            "resolution": {{resolution}}
          }
        }
        """;

    private static Microsoft.CodeAnalysis.GeneratorRunResult Run(string json) =>
        GeneratorHarness.Driver(json).RunGenerators(GeneratorHarness.Compilation()).GetRunResult().Results.Single();

    [Fact]
    public void A_copied_setting_is_a_typed_enum_the_price_reads_and_the_wire_leaves_out()
    {
        var run = Run(CatalogOf(ModelOf("m", Video, Extend())));

        Assert.Empty(run.Diagnostics);
        var source = string.Join("\n", run.GeneratedSources.Select(s => s.SourceText.ToString()));
        Assert.Contains("public required MExtendResolution Resolution { get; init; }", source, StringComparison.Ordinal);
        Assert.Contains(", fromParent: \"resolution\")", source, StringComparison.Ordinal);
        var extend = source[source.IndexOf("record MExtendInput", StringComparison.Ordinal)..];
        var write = extend[extend.IndexOf("public void WriteInput", StringComparison.Ordinal)..];
        write = write[..write.IndexOf("writer.WriteEndObject();", StringComparison.Ordinal)];
        Assert.Contains("\"task_id\"", write, StringComparison.Ordinal);
        Assert.DoesNotContain("\"resolution\"", write, StringComparison.Ordinal);
    }

    [Fact]
    public void KIE027_from_parent_on_a_parameter_that_is_not_an_enum()
    {
        var json = CatalogOf(ModelOf("m", Video, Extend(resolution: """{ "type": "string", "required": true, "fromParent": "resolution", "label": { "en": "R", "ru": "Р" } }""")));
        var d = Error(json, "KIE027");
        AssertAt(d, json, "\"resolution\", \"label\"");
        Assert.Contains("'fromParent' is only for enum parameters ('resolution' is string)", d.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void KIE027_from_parent_on_a_mode_that_continues_no_task()
    {
        var json = CatalogOf(ModelOf("m", Video, Extend(task: """{ "type": "string", "required": true, "label": { "en": "V", "ru": "В" } }""")));
        var d = Error(json, "KIE027");
        AssertAt(d, json, "\"resolution\", \"label\"");
        Assert.Contains("copies the parent's 'resolution', but this mode takes no earlier task", d.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void KIE027_a_parent_without_the_setting_or_with_a_value_the_copy_lacks()
    {
        var missing = CatalogOf(ModelOf("m", Video, Extend(resolution: """{ "type": "enum", "required": true, "values": ["480p", "720p"], "fromParent": "quality", "label": { "en": "R", "ru": "Р" } }""")));
        var d = Error(missing, "KIE027");
        AssertAt(d, missing, "\"quality\"");
        Assert.Contains("copies the parent's 'quality', which 'm/video' has not", d.GetMessage(), StringComparison.Ordinal);

        var narrower = CatalogOf(ModelOf("m", Video, Extend(resolution: """{ "type": "enum", "required": true, "values": ["480p"], "fromParent": "resolution", "label": { "en": "R", "ru": "Р" } }""")));
        Assert.Contains("'resolution' lacks '720p', a value of 'resolution' in 'm/video'", Error(narrower, "KIE027").GetMessage(), StringComparison.Ordinal);
    }
}
