using System.Globalization;
using System.Text.Json.Nodes;

namespace KieCatalog.Tool.Sources;

/// <summary>Reads one field schema (a JSON Schema object as OpenAPI and the market list write it) into a <see cref="SchemaField"/>.</summary>
internal static class FieldReader
{
    /// <summary>Envelope fields that are not model inputs: the catalog's mode carries the model, the client the callback.</summary>
    public static readonly HashSet<string> Envelope = new(StringComparer.OrdinalIgnoreCase) { "model", "callBackUrl", "callbackUrl" };

    public static SchemaField Read(string name, JsonObject schema, bool required, Func<JsonObject, JsonObject>? resolve = null)
    {
        schema = resolve?.Invoke(schema) ?? schema;
        var type = schema["type"] switch
        {
            JsonValue v when v.TryGetValue<string>(out var t) => t,
            JsonArray many => string.Join("|", many.Select(t => t?.ToString())),
            _ when schema["oneOf"] is JsonArray options => string.Join("|", options.OfType<JsonObject>().Select(o => (resolve?.Invoke(o) ?? o)["type"]?.ToString() ?? "object")),
            _ when schema["properties"] is not null => "object",
            _ => "string",
        };
        var items = schema["items"] switch
        {
            JsonValue v when v.TryGetValue<string>(out var t) => (Type: t, Format: (schema["itemSchema"] as JsonObject)?["format"]?.ToString()),
            JsonObject o when (resolve?.Invoke(o) ?? o) is var item => (Type: item["type"]?.ToString() ?? (item["properties"] is null ? "string" : "object"), Format: item["format"]?.ToString()),
            _ => (Type: (string?)null, Format: (string?)null),
        };
        return new SchemaField(
            name,
            type,
            required || schema["required"] is JsonValue r && r.TryGetValue<bool>(out var req) && req,
            schema["enum"] is JsonArray values ? values.Select(v => v?.DeepClone()).ToList() : null,
            schema["default"]?.DeepClone(),
            Number(schema["minimum"]),
            Number(schema["maximum"]),
            Whole(schema["maxLength"]),
            Whole(schema["minItems"]),
            Whole(schema["maxItems"]),
            items.Type,
            schema["format"]?.ToString() ?? items.Format,
            schema["deprecated"] is JsonValue d && d.TryGetValue<bool>(out var deprecated) && deprecated);
    }

    private static decimal? Number(JsonNode? node) =>
        node is JsonValue v && decimal.TryParse(v.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var n) ? n : null;

    private static int? Whole(JsonNode? node) => Number(node) is { } n && n >= 0 && n <= int.MaxValue && n == decimal.Truncate(n) ? (int)n : null;
}
