using System.Text.Json.Nodes;

namespace KieCatalog.Tool.Sources;

/// <summary>
/// The market schema list (<c>{ "source", "models": [ { kieModel, createPath, category, family, input: { field: schema } } ] }</c>):
/// KIE's published request schemas of the whole market, so a complete source.
/// </summary>
internal static class MarketSchemaReader
{
    public static bool Recognizes(JsonNode root) =>
        root is JsonObject o && o["models"] is JsonArray models && models.FirstOrDefault() is JsonObject first && first["kieModel"] is not null && first["input"] is not null;

    public static SchemaSource Read(string origin, JsonNode root)
    {
        var records = new List<SchemaRecord>();
        var leftOut = new List<string>();
        var chat = new List<ChatRecord>();
        var index = 0;
        foreach (var item in root["models"]!.AsArray())
        {
            index++;
            if (item is not JsonObject m || m["kieModel"]?.ToString() is not { Length: > 0 } kieModel || m["input"] is not JsonObject input)
            {
                throw new SourceException(origin, 1, 1, $"models[{index - 1}] needs 'kieModel' and an 'input' object");
            }

            if (m["category"]?.ToString() == "text")
            {
                leftOut.Add(kieModel);
                chat.Add(ChatOf(kieModel, m, input));
                continue;
            }

            var createPath = m["createPath"]?.ToString() ?? Families.JobsPath;
            var api = Families.ApiOf(createPath)
                ?? throw new SourceException(origin, 1, 1, $"models[{index - 1}] ({kieModel}): no known KIE API family has the path {createPath}");
            var fields = input
                .Where(f => f.Value is JsonObject && !FieldReader.Envelope.Contains(f.Key))
                .Select(f => FieldReader.Read(f.Key, (JsonObject)f.Value!, required: false))
                .ToList();
            records.Add(new SchemaRecord(kieModel, api, createPath, m["category"]?.ToString() ?? "image", m["family"]?.ToString() ?? api, fields));
        }

        return new SchemaSource(origin, Complete: true, records, leftOut, chat);
    }

    private static ChatRecord ChatOf(string kieModel, JsonObject record, JsonObject input)
    {
        var inBody = record["modelInBody"]?.GetValue<bool>() ?? input.ContainsKey("model");
        var allowed = (input["model"]?["enum"] as JsonArray ?? []).Select(e => e?.ToString()).ToList();
        var bodyModel = inBody && allowed.Count > 0 && !allowed.Contains(kieModel) && record["modelSource"]?.ToString() != "example" ? allowed[0] : null;
        var schema = input.ToJsonString();
        var images = schema.Contains("image_url", StringComparison.Ordinal) || schema.Contains("input_image", StringComparison.Ordinal) || schema.Contains("inline_data", StringComparison.Ordinal);
        var maxTokens = input["max_tokens"]?["default"] is JsonValue value && value.TryGetValue<int>(out var tokens) ? tokens : (int?)null;
        return new ChatRecord(kieModel, record["createPath"]?.ToString() ?? "", record["family"]?.ToString() ?? "", inBody, bodyModel, images, maxTokens);
    }
}
