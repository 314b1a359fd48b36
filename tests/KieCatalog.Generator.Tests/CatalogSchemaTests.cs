using System.Text.Json;
using Json.Schema;
using KieBot.TestSupport;
using KieCatalog.Generator.Tests.Support;
using static KieCatalog.Generator.Tests.Support.CatalogText;

namespace KieCatalog.Generator.Tests;

/// <summary>
/// catalog/models.schema.json (what editors check) says what the generator accepts: the real catalog passes it, the
/// documents the generator refuses it refuses too, at the same place, and the unfinished shapes the generator allows
/// (hidden, retired, '$' properties) it allows.
/// </summary>
public sealed class CatalogSchemaTests
{
    private static readonly Lazy<JsonSchema> Schema = new(() =>
        JsonSchema.FromText(File.ReadAllText(Path.Combine(RepositoryPaths.Root(), "catalog", "models.schema.json"))));

    private const string Prompt = """
        "prompt": { "type": "text", "required": true, "label": { "en": "Prompt", "ru": "Промпт" } }
        """;

    private const string Sound = """
        "sound": { "type": "boolean", "required": true, "label": { "en": "Sound", "ru": "Звук" } }
        """;

    private const string Audio = """
        "audio_url": { "type": "audio", "required": true, "maxSeconds": 15, "label": { "en": "Audio", "ru": "Аудио" } }
        """;

    private const string Shots = """
        "multi_shots": { "type": "boolean", "required": true, "default": false, "label": { "en": "Multi-shot", "ru": "Мультикадр" } },
        "duration": { "type": "enum", "required": true, "values": ["5", "10"], "default": "5", "label": { "en": "D", "ru": "Д" } },
        "shots": { "type": "list", "required": true, "onlyWith": "multi_shots", "maxItems": 6, "totals": { "seconds": { "min": 3, "max": 15 } },
          "label": { "en": "Shots", "ru": "Кадры" },
          "items": { "seconds": { "type": "integer", "required": true, "min": 1, "max": 12, "label": { "en": "S", "ru": "С" } } } }
        """;

    private static string ListOf(string items) =>
        $$""" "shots": { "type": "list", "label": { "en": "L", "ru": "Л" }, "items": { {{items}} } } """;

    private const string UnfinishedModel = """
        {
          "id": "imported",
          "name": "Imported",
          "vendor": "Vendor",
          "category": "video",
          "modes": [{
            "id": "elements",
            "kieModel": "vendor/elements",
            "output": "video",
            "hidden": "imported: no price, no labels",
            "params": {
              "prompt": { "type": "text", "required": true },
              "kling_elements": { "type": "json" }
            }
          }]
        }
        """;

    /// <summary>Mutations of a valid catalog, each refused by the generator with <c>Id</c> and by the schema at or under <c>At</c>.</summary>
    private static readonly Dictionary<string, (string Json, string Id, string At)> Rejected = new()
    {
        ["unknown parameter type"] = (WithMode(Mode("""
            "prompt": { "type": "txet", "required": true, "label": { "en": "P", "ru": "П" } }
            """)), "KIE002", "/models/0/modes/0/params/prompt/type"),
        ["missing kieModel"] = (WithMode(ValidMode.Replace("\"kieModel\": \"vendor/text-to-image\",", "", StringComparison.Ordinal)), "KIE015", "/models/0/modes/0"),
        ["unknown property on a mode"] = (WithMode(ValidMode.Replace("\"output\"", "\"hiden\": \"not yet\", \"output\"", StringComparison.Ordinal)), "KIE015", "/models/0/modes/0/hiden"),
        ["unknown property on a parameter"] = (WithMode(Mode("""
            "prompt": { "type": "text", "maxLenght": 10, "label": { "en": "P", "ru": "П" } }
            """)), "KIE015", "/models/0/modes/0/params/prompt/maxLenght"),
        ["unknown top-level property"] = (CatalogOf(ModelOf("m", ValidMode)).Replace("\"version\"", "\"models2\": [], \"version\"", StringComparison.Ordinal), "KIE015", "/models2"),
        ["negative price"] = (WithMode(Mode(Prompt, price: """{ "credits": -1 }""")), "KIE004", "/models/0/modes/0/price/credits"),
        ["negative price in a table"] = (WithMode(Mode(Sound, price: """{ "by": ["sound"], "table": { "false": 1, "true": -2 } }""")), "KIE004", "/models/0/modes/0/price/table/true"),
        ["credits and a table together"] = (WithMode(Mode(Sound, price: """{ "credits": 1, "by": ["sound"], "table": { "false": 1, "true": 2 } }""")), "KIE015", "/models/0/modes/0/price"),
        ["per-second price without a quantity"] = (WithMode(Mode(Prompt, price: """{ "unit": "second", "credits": 2 }""")), "KIE017", "/models/0/modes/0/price"),
        ["images made on a per-task price"] = (WithMode(Mode(Prompt, price: """{ "credits": 2, "produced": true }""")), "KIE017", "/models/0/modes/0/price"),
        ["values on a non-enum parameter"] = (WithMode(Mode("""
            "prompt": { "type": "text", "values": ["a", "b"], "label": { "en": "P", "ru": "П" } }
            """)), "KIE015", "/models/0/modes/0/params/prompt/values"),
        ["enum without values"] = (WithMode(Mode("""
            "size": { "type": "enum", "default": "a", "label": { "en": "S", "ru": "Р" } }
            """)), "KIE015", "/models/0/modes/0/params/size"),
        ["enum of strings and numbers"] = (WithMode(Mode("""
            "size": { "type": "enum", "values": ["a", 1], "label": { "en": "S", "ru": "Р" } }
            """)), "KIE015", "/models/0/modes/0/params/size/values"),
        ["min on a text parameter"] = (WithMode(Mode("""
            "prompt": { "type": "text", "min": 1, "label": { "en": "P", "ru": "П" } }
            """)), "KIE015", "/models/0/modes/0/params/prompt/min"),
        ["maxSeconds on an image"] = (WithMode(Mode("""
            "image_url": { "type": "image", "maxSeconds": 10, "label": { "en": "I", "ru": "И" } }
            """)), "KIE015", "/models/0/modes/0/params/image_url/maxSeconds"),
        ["default on an upload"] = (WithMode(Mode("""
            "image_url": { "type": "image", "default": "https://example.com/a.png", "label": { "en": "I", "ru": "И" } }
            """)), "KIE016", "/models/0/modes/0/params/image_url/default"),
        ["unknown api"] = (WithMode(ValidMode.Replace("\"output\"", "\"api\": \"omnii\", \"output\"", StringComparison.Ordinal)), "KIE015", "/models/0/modes/0/api"),
        ["path outside /api/"] = (WithMode(ValidMode.Replace("\"output\"", "\"path\": \"/v1/generate/extend\", \"output\"", StringComparison.Ordinal)), "KIE015", "/models/0/modes/0/path"),
        ["uppercase model id"] = (CatalogOf(ModelOf("Seedream", ValidMode)), "KIE015", "/models/0/id"),
        ["requireOneOf group of one"] = (WithMode(ValidMode.Replace("\"output\"", "\"requireOneOf\": [[\"prompt\"]], \"output\"", StringComparison.Ordinal)), "KIE015", "/models/0/modes/0/requireOneOf/0"),
        ["visible mode without a price"] = (WithMode(ValidMode.Replace("\"price\": { \"credits\": 4 },", "", StringComparison.Ordinal)), "KIE003", "/models/0/modes/0"),
        ["hidden mode with an empty price"] = (WithMode(ValidMode.Replace("\"price\": { \"credits\": 4 }", "\"hidden\": \"later\", \"price\": { }", StringComparison.Ordinal)), "KIE003", "/models/0/modes/0/price"),
        ["visible parameter without a Russian label"] = (WithMode(Mode("""
            "prompt": { "type": "text", "label": { "en": "P" } }
            """)), "KIE014", "/models/0/modes/0/params/prompt/label"),
        ["visible model without a description"] = (CatalogOf(ModelOf("m", ValidMode).Replace("\"description\": { \"en\": \"A model\", \"ru\": \"Модель\" },", "", StringComparison.Ordinal)), "KIE014", "/models/0"),
        ["visible mode with a json parameter"] = (WithMode(Mode("""
            "elements": { "type": "json", "label": { "en": "E", "ru": "Э" } }
            """)), "KIE019", "/models/0/modes/0/params/elements/type"),
        ["requireWhen without conditions"] = (RequireWhenDiagnosticsTests.WithRules("""[{ "params": ["style"] }]"""), "KIE026", "/models/0/modes/0/requireWhen/0"),
        ["a list inside a list"] = (WithMode(Mode(ListOf(""" "inner": { "type": "list", "items": { } } """))), "KIE028", "/models/0/modes/0/params/shots/items/inner/type"),
        ["a list without items"] = (WithMode(Mode(""" "shots": { "type": "list", "label": { "en": "L", "ru": "Л" } } """)), "KIE028", "/models/0/modes/0/params/shots"),
        ["items on a text parameter"] = (WithMode(Mode(""" "prompt": { "type": "text", "items": { }, "label": { "en": "P", "ru": "П" } } """)), "KIE015", "/models/0/modes/0/params/prompt/items"),
        ["visible mode with a json field in a list's items"] = (WithMode(Mode(ListOf(""" "boxes": { "type": "json", "label": { "en": "B", "ru": "Р" } } """))), "KIE019", "/models/0/modes/0/params/shots/items/boxes/type"),
        ["visible list field without a Russian label"] = (WithMode(Mode(ListOf(""" "text": { "type": "text", "label": { "en": "T" } } """))), "KIE014", "/models/0/modes/0/params/shots/items/text/label"),
        ["visible mode charging the longest audio up front"] = (WithMode(Mode(Audio, price: """{ "unit": "second", "credits": 8, "maxQuantity": 15 }""")), "KIE021", "/models/0/modes/0/params/audio_url/type"),
        ["chat model on an unknown protocol"] = (ChatDiagnosticsTests.CatalogWithChat(ChatDiagnosticsTests.Chat(ChatDiagnosticsTests.Price, protocol: "openai")), "KIE029", "/chat/0/protocol"),
        ["visible chat model without a price"] = (ChatDiagnosticsTests.CatalogWithChat(ChatDiagnosticsTests.Chat()), "KIE029", "/chat/0"),
        ["visible chat model on a protocol the client does not speak"] = (ChatDiagnosticsTests.CatalogWithChat(ChatDiagnosticsTests.Chat(ChatDiagnosticsTests.Price, protocol: "openai-responses", path: "/codex/v1/responses")), "KIE029", "/chat/0/protocol"),
        ["chat price without its output rate"] = (ChatDiagnosticsTests.CatalogWithChat(ChatDiagnosticsTests.Chat(""" "price": { "inputPerMillion": 100 } """)), "KIE029", "/chat/0/price"),
        ["chat limit that is not a whole number"] = (ChatDiagnosticsTests.CatalogWithChat(ChatDiagnosticsTests.Chat(ChatDiagnosticsTests.Price + ", \"contextTokens\": 1.5")), "KIE029", "/chat/0/contextTokens"),
        ["chat path without its leading slash"] = (ChatDiagnosticsTests.CatalogWithChat(ChatDiagnosticsTests.Chat(ChatDiagnosticsTests.Price, path: "acme/v1/chat/completions")), "KIE029", "/chat/0/path"),
    };

    /// <summary>Shapes the generator accepts that a stricter schema would mark (what an import leaves unfinished).</summary>
    private static readonly Dictionary<string, string> Accepted = new()
    {
        ["the small valid catalog"] = WithMode(ValidMode),
        ["hidden mode without price or labels, in a model without a description"] = CatalogOf(ModelOf("m", ValidMode), UnfinishedModel),
        ["retired mode without a hidden reason or a price"] = WithMode(ValidMode.Replace("\"price\": { \"credits\": 4 },", "\"retired\": \"2026-11-24\",", StringComparison.Ordinal)),
        ["one KIE model id on another path"] = WithMode(ValidMode + ",\n" + Mode(Prompt, id: "extend").Replace("\"output\"", "\"api\": \"suno\", \"path\": \"/api/v1/generate/extend\", \"output\"", StringComparison.Ordinal)),
        ["parameters required in some settings"] = RequireWhenDiagnosticsTests.WithRules("""[{ "when": { "custom": [true] }, "params": ["style", "title"] }, { "when": { "custom": [false] }, "params": ["prompt"], "maxLength": 500 }]"""),
        ["price by an uploaded file's duration"] = WithMode(Mode(Audio, price: """{ "unit": "second", "credits": 8, "quantity": "audio_url" }""")),
        ["a list switched by a boolean, priced by its items' seconds"] = WithMode(Mode(Shots, price: """{ "credits": 14, "unit": "second", "quantity": ["shots[].seconds", "duration"] }""")),
        ["price table over a boolean"] = WithMode(Mode(Sound, price: """{ "by": ["sound"], "table": { "false": 1, "true": null } }""")),
        ["a priced chat model and a hidden one on a protocol the client does not speak"] = ChatDiagnosticsTests.CatalogWithChat(
            ChatDiagnosticsTests.Chat(ChatDiagnosticsTests.Price + ", \"images\": true, \"maxOutputTokens\": 8000"),
            ChatDiagnosticsTests.Chat(""" "hidden": "no price" """, id: "acme-gen", protocol: "gemini-generate", path: "/gemini/v1/models/acme:streamGenerateContent")),
        ["'$' properties everywhere"] = WithMode(Mode("\"prompt\": { \"$comment\": \"c\", \"type\": \"text\", \"label\": { \"en\": \"P\", \"ru\": \"П\" } }", price: """{ "$comment": "c", "credits": 1 }"""))
            .Replace("\"version\"", "\"$comment\": \"c\", \"version\"", StringComparison.Ordinal),
    };

    public static TheoryData<string> RejectedCases => new(Rejected.Keys);

    public static TheoryData<string> AcceptedCases => new(Accepted.Keys);

    [Fact]
    public void Real_catalog_is_valid_against_the_schema()
    {
        var errors = SchemaErrors(File.ReadAllText(Path.Combine(RepositoryPaths.Root(), "catalog", "models.json")));
        Assert.True(errors.Count == 0, $"{errors.Count} schema errors in catalog/models.json:\n{string.Join("\n", errors.Take(40))}");
    }

    [Theory]
    [MemberData(nameof(RejectedCases))]
    public void Schema_rejects_what_the_generator_rejects(string name)
    {
        var (json, id, at) = Rejected[name];

        DiagnosticsTests.Single(json, id);
        var errors = SchemaErrors(json);
        Assert.True(errors.Count > 0, $"the schema accepts '{name}', which the generator refuses with {id}");
        Assert.True(errors.Any(e => e.StartsWith(at + "/", StringComparison.Ordinal) || e.StartsWith(at + ":", StringComparison.Ordinal)),
            $"no schema error at {at}:\n{string.Join("\n", errors)}");
    }

    [Theory]
    [MemberData(nameof(AcceptedCases))]
    public void Schema_accepts_what_the_generator_accepts(string name)
    {
        var json = Accepted[name];

        var run = GeneratorHarness.Driver(json).RunGenerators(GeneratorHarness.Compilation()).GetRunResult().Results.Single();
        Assert.Null(run.Exception);
        Assert.Empty(run.Diagnostics);
        var errors = SchemaErrors(json);
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }

    // valueLabels is the schema's part of a change the generator does not have yet: these cases check the schema only.
    [Fact]
    public void Value_labels_on_an_enum_are_accepted()
    {
        Assert.Empty(SchemaErrors(WithMode(Mode("""
            "size": { "type": "enum", "values": ["1:1", "16:9"], "label": { "en": "Size", "ru": "Размер" },
                      "valueLabels": { "1:1": { "en": "Square", "ru": "Квадрат" }, "16:9": { "en": "Wide", "ru": "Широкий" } } }
            """))));
    }

    [Theory]
    [InlineData("on a text parameter", """ "type": "text", "valueLabels": { "a": { "en": "A", "ru": "А" } } """)]
    [InlineData("without ru", """ "type": "enum", "values": ["a"], "valueLabels": { "a": { "en": "A" } } """)]
    [InlineData("with an empty text", """ "type": "enum", "values": ["a"], "valueLabels": { "a": { "en": "A", "ru": "" } } """)]
    [InlineData("with another language", """ "type": "enum", "values": ["a"], "valueLabels": { "a": { "en": "A", "ru": "А", "de": "A" } } """)]
    [InlineData("not an object", """ "type": "enum", "values": ["a"], "valueLabels": ["a"] """)]
    public void Value_labels_are_refused(string why, string param)
    {
        var errors = SchemaErrors(WithMode(Mode($$""" "size": { {{param}}, "label": { "en": "S", "ru": "Р" } } """)));
        Assert.True(errors.Any(e => e.StartsWith("/models/0/modes/0/params/size/valueLabels", StringComparison.Ordinal)), $"valueLabels {why}: {string.Join("\n", errors)}");
    }

    /// <summary>Every failing node of the evaluation as "instance pointer: message".</summary>
    private static List<string> SchemaErrors(string json)
    {
        using var document = JsonDocument.Parse(json);
        var results = Schema.Value.Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
        if (results.IsValid)
        {
            return [];
        }

        return new[] { results }.Concat(results.Details ?? [])
            .Where(r => r.Errors is { Count: > 0 })
            .SelectMany(r => r.Errors!.Select(e => $"{r.InstanceLocation}: {e.Key}: {e.Value}"))
            .Distinct()
            .ToList();
    }
}
