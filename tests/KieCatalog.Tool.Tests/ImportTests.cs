using System.Text.Json.Nodes;
using KieCatalog.Generator.Tests.Support;

namespace KieCatalog.Tool.Tests;

/// <summary><c>kiecatalog import</c> on KIE's real OpenAPI pages and on market-list sources, into empty and populated catalogs.</summary>
public sealed class ImportTests : IDisposable
{
    private static readonly string[] Pages = Directory.GetFiles(Path.GetDirectoryName(ToolRun.OpenApi("kling-2.6-image-to-video.yaml"))!, "*.yaml").Order(StringComparer.Ordinal).ToArray();

    private readonly ToolRun tool = new();

    [Fact]
    public async Task Every_real_openapi_page_imports_into_an_empty_catalog_that_builds_clean()
    {
        Assert.Equal(8, Pages.Length);

        var (code, output, error) = await tool.RunAsync(["import", .. Pages, "--catalog", tool.CatalogPath]);

        Assert.True(code == 0, output + error);
        var modes = Modes(tool.Catalog);
        foreach (var id in new[] { "kling-2.6/image-to-video", "kling-3.0/video", "seedream/4.5-text-to-image", "topaz/image-upscale", "veo3", "veo3_fast", "veo3_lite", "elevenlabs/text-to-speech-multilingual-v2", "flux-2/pro-image-to-image" })
        {
            Assert.Contains(modes, m => m["kieModel"]!.GetValue<string>() == id);
        }

        Assert.All(modes, m => Assert.StartsWith("imported 2026-11-24: no price; no labels", m["hidden"]!.GetValue<string>(), StringComparison.Ordinal));
        var kling = modes.Single(m => m["kieModel"]!.GetValue<string>() == "kling-2.6/image-to-video")["params"]!;
        Assert.Equal("""{"type":"image[]","required":true,"maxItems":1}""", kling["image_urls"]!.ToJsonString());
        Assert.Equal("""{"type":"enum","required":true,"values":["5","10"],"default":"5"}""", kling["duration"]!.ToJsonString());
        Assert.Equal("""{"type":"boolean","required":true}""", kling["sound"]!.ToJsonString());
        Assert.Contains("json", modes.Single(m => m["kieModel"]!.GetValue<string>() == "kling-3.0/video")["hidden"]!.GetValue<string>(), StringComparison.Ordinal);
        AssertBuildsClean(tool.Catalog);
        Assert.Contains("added", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_real_catalog_is_current_with_the_published_pages_and_a_second_import_changes_nothing()
    {
        File.Copy(ToolRun.RealCatalog, tool.CatalogPath);
        var before = tool.Catalog;

        var (code, output, error) = await tool.RunAsync(["import", .. Pages, "--catalog", tool.CatalogPath, "--check"]);

        Assert.True(code == 0, output + error);
        Assert.Equal(before, tool.Catalog);
        var market = await tool.RunAsync("import", ToolRun.Reference("kie-market-schemas.json"), "--catalog", tool.CatalogPath, "--check");
        Assert.True(market.Code == 0, market.Output + market.Error);
    }

    [Fact]
    public async Task Wire_facts_follow_the_source_and_hand_written_facts_survive_twice_over()
    {
        tool.Write("models.json", HandWritten);
        var page = File.ReadAllText(ToolRun.OpenApi("kling-2.6-image-to-video.yaml"))
            .Replace("                      - 5\n                      - 10\n                      default: 5", "                      - 5\n                      - 10\n                      - 15\n                      default: 10", StringComparison.Ordinal);
        var source = tool.Write("kling.yaml", page);

        var first = await tool.RunAsync("import", source, "--catalog", tool.CatalogPath);
        var afterFirst = tool.Catalog;

        // The person prices the new duration; importing again then changes nothing.
        tool.Write("models.json", afterFirst.Replace("\"10\": 110\n", "\"10\": 110,\n              \"15\": 165\n", StringComparison.Ordinal));
        var priced = tool.Catalog;
        var second = await tool.RunAsync("import", source, "--catalog", tool.CatalogPath);

        // A new enum value needs a price by hand: written, and reported where the build will report it.
        Assert.Equal(1, first.Code);
        Assert.Matches(@"models\.json\(\d+,\d+\): error KIE005: mode 'kling-2.6/image-to-video': no price for duration=15", first.Error);
        Assert.Equal(0, second.Code);
        Assert.Equal(priced, tool.Catalog);
        Assert.Contains("0 added, 0 changes, 0 retired", second.Output, StringComparison.Ordinal);
        Assert.Contains("~ kling-2.6/image-to-video: duration: values [5, 10] → [5, 10, 15]", first.Output, StringComparison.Ordinal);
        Assert.Contains("~ kling-2.6/image-to-video: duration: default \"5\" → \"10\"", first.Output, StringComparison.Ordinal);
        var mode = Modes(tool.Catalog).Single();
        Assert.Equal("""["5","10","15"]""", mode["params"]!["duration"]!["values"]!.ToJsonString());
        Assert.Equal("10", mode["params"]!["duration"]!["default"]!.GetValue<string>());
        Assert.Equal("Длительность, с", mode["params"]!["duration"]!["label"]!["ru"]!.GetValue<string>());
        Assert.Equal("Изображение в видео", mode["label"]!["ru"]!.GetValue<string>());
        Assert.Equal("""{"by":["duration"],"table":{"5":55,"10":110,"15":165}}""", mode["price"]!.ToJsonString());
        Assert.Equal("Kling 2.6", JsonNode.Parse(tool.Catalog)!["models"]![0]!["name"]!.GetValue<string>());

        // Layout is kept: only the changed lines differ from the hand-written file.
        var changed = HandWritten.Split('\n').Except(tool.Catalog.Split('\n')).ToList();
        Assert.True(changed.Count <= 3, string.Join("\n", changed));
    }

    [Fact]
    public async Task A_complete_source_adds_new_models_and_retires_vanished_ones_with_the_date()
    {
        tool.Write("models.json", HandWritten);
        var market = tool.Write("market.json", """
            {
              "source": "test",
              "models": [
                { "kieModel": "acme/new-model", "createPath": "/api/v1/jobs/createTask", "category": "image", "family": "Acme",
                  "input": { "prompt": { "type": "string", "required": true, "maxLength": 2000 }, "image_urls": { "type": "array", "items": "string", "maxItems": 3 },
                             "elements": { "type": "array", "items": "object" } } },
                { "kieModel": "some-chat", "createPath": "/chat/v1/messages", "category": "text", "family": "Chat", "input": { "messages": { "type": "array" } } }
              ]
            }
            """);

        var (code, output, error) = await tool.RunAsync("import", market, "--catalog", tool.CatalogPath);

        Assert.True(code == 0, output + error);
        Assert.Contains("- kling-2.6/image-to-video: retired", output, StringComparison.Ordinal);
        Assert.Contains("+ acme/new-model: acme/new-model added (new model)", output, StringComparison.Ordinal);
        var modes = Modes(tool.Catalog);
        Assert.Equal("2026-11-24", modes[0]["retired"]!.GetValue<string>());
        Assert.NotNull(modes[0]["price"]);
        var added = modes[1];
        Assert.Equal("""{"prompt":{"type":"text","required":true,"label":{"en":"Prompt","ru":"Промпт"},"maxLength":2000},"image_urls":{"type":"image[]","label":{"en":"Images","ru":"Изображения"},"maxItems":3},"elements":{"type":"json"}}""", Text(added["params"]!));
        Assert.Contains("+ chat some-chat: added (anthropic-messages at /chat/v1/messages)", output, StringComparison.Ordinal);
        Assert.DoesNotContain(Modes(tool.Catalog), m => m["kieModel"]!.GetValue<string>() == "some-chat");
        var chat = Assert.Single(JsonNode.Parse(tool.Catalog)!["chat"]!.AsArray());
        Assert.Equal("""{"id":"some-chat","name":"some-chat","vendor":"Chat","protocol":"anthropic-messages","path":"/chat/v1/messages","modelInBody":true,"hidden":"imported 2026-11-24: no price"}""", Text(chat!));
        AssertBuildsClean(tool.Catalog);

        var check = await tool.RunAsync("import", market, "--catalog", tool.CatalogPath, "--check");
        Assert.Equal(0, check.Code);
    }

    [Fact]
    public async Task Check_exits_1_when_the_catalog_is_out_of_date_and_changes_nothing()
    {
        tool.Write("models.json", HandWritten);
        var page = tool.Write("veo.yaml", File.ReadAllText(ToolRun.OpenApi("veo-3.1-generate.yaml")));

        var (code, _, error) = await tool.RunAsync("import", page, "--catalog", tool.CatalogPath, "--check");

        Assert.Equal(1, code);
        Assert.Contains("catalog out of date", error, StringComparison.Ordinal);
        Assert.Equal(HandWritten, tool.Catalog);
    }

    [Theory]
    [InlineData("broken.yaml", "openapi: 3.0.1\npaths:\n  /api/v1/jobs/createTask:\n    post: [unclosed\n", 5, 1)]
    [InlineData("broken.json", "{\n  \"openapi\": \"3.0.1\",\n  \"paths\": {,}\n}", 3, 13)]
    public async Task A_malformed_source_is_reported_at_its_line_and_column_and_changes_nothing(string name, string text, int line, int column)
    {
        tool.Write("models.json", HandWritten);
        var source = tool.Write(name, text);

        var (code, _, error) = await tool.RunAsync("import", source, "--catalog", tool.CatalogPath);

        Assert.Equal(1, code);
        Assert.StartsWith($"{source}({line},{column}): error: not valid", error, StringComparison.Ordinal);
        Assert.Equal(HandWritten, tool.Catalog);
    }

    [Fact]
    public async Task A_catalog_the_build_refuses_is_refused_at_the_same_place()
    {
        var broken = tool.Write("models.json", HandWritten.Replace("\"price\": {", "\"prize\": {", StringComparison.Ordinal));

        var (code, _, error) = await tool.RunAsync("import", ToolRun.OpenApi("kling-2.6-image-to-video.yaml"), "--catalog", broken);

        Assert.Equal(1, code);
        Assert.Matches(@"models\.json\(\d+,\d+\): error KIE015: mode 'kling-2.6/image-to-video': unknown property 'prize'", error);
    }

    [Theory]
    [InlineData(new[] { "import" }, 2)]
    [InlineData(new[] { "import", "--bogus", "x" }, 2)]
    [InlineData(new[] { "diff", "one" }, 2)]
    [InlineData(new[] { "frobnicate" }, 2)]
    [InlineData(new string[0], 2)]
    [InlineData(new[] { "--help" }, 0)]
    [InlineData(new[] { "import", "--help" }, 0)]
    [InlineData(new[] { "coverage", "--help" }, 0)]
    [InlineData(new[] { "diff", "--help" }, 0)]
    public async Task Usage_errors_exit_2_and_help_exits_0(string[] args, int expected)
    {
        var (code, _, _) = await tool.RunAsync(args);
        Assert.Equal(expected, code);
    }

    public void Dispose() => tool.Dispose();

    internal static List<JsonObject> Modes(string catalog) =>
        JsonNode.Parse(catalog)!["models"]!.AsArray().SelectMany(m => m!["modes"]!.AsArray()).OfType<JsonObject>().ToList();

    internal static string Text(JsonNode node) =>
        node.ToJsonString(new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });

    internal static void AssertBuildsClean(string catalog)
    {
        var (run, errors) = GeneratorHarness.GenerateAndCompile(catalog);
        Assert.Empty(run.Diagnostics);
        Assert.Empty(errors);
    }

    internal const string HandWritten = """
        {
          "version": "test",
          "creditUsd": 0.005,
          "models": [
            {
              "id": "kling-2.6",
              "name": "Kling 2.6",
              "vendor": "Kuaishou",
              "category": "video",
              "description": {
                "en": "Kling video",
                "ru": "Видео Kling"
              },
              "modes": [
                {
                  "id": "image-to-video",
                  "kieModel": "kling-2.6/image-to-video",
                  "output": "video",
                  "label": {
                    "en": "Image to video",
                    "ru": "Изображение в видео"
                  },
                  "price": {
                    "by": [
                      "duration"
                    ],
                    "table": {
                      "5": 55,
                      "10": 110
                    }
                  },
                  "params": {
                    "prompt": {
                      "type": "text",
                      "required": true,
                      "label": {
                        "en": "Prompt",
                        "ru": "Промпт"
                      },
                      "maxLength": 1000
                    },
                    "image_urls": {
                      "type": "image[]",
                      "required": true,
                      "label": {
                        "en": "Images",
                        "ru": "Изображения"
                      },
                      "maxItems": 1
                    },
                    "sound": {
                      "type": "boolean",
                      "required": true,
                      "label": {
                        "en": "Sound",
                        "ru": "Звук"
                      }
                    },
                    "duration": {
                      "type": "enum",
                      "required": true,
                      "label": {
                        "en": "Duration, s",
                        "ru": "Длительность, с"
                      },
                      "values": [
                        "5",
                        "10"
                      ],
                      "default": "5"
                    }
                  }
                }
              ]
            }
          ]
        }

        """;
}
