using System.Text.Json.Nodes;

namespace KieCatalog.Tool.Sources;

/// <summary>
/// An OpenAPI 3 document of KIE model pages: every POST whose JSON body is a create request becomes records. The jobs
/// API nests the fields under <c>input</c>; family APIs put them in the body. The model id comes from the body's
/// <c>model</c> enum (one record per value), else from the path (<c>/api/v1/aleph/generate</c> → <c>aleph/generate</c>).
/// </summary>
internal static class OpenApiReader
{
    public static bool Recognizes(JsonNode root) => root is JsonObject o && o["openapi"] is not null && o["paths"] is JsonObject;

    public static SchemaSource Read(string origin, JsonNode root)
    {
        var records = new List<SchemaRecord>();
        foreach (var (path, item) in root["paths"]!.AsObject())
        {
            if (item?["post"]?["requestBody"]?["content"]?["application/json"]?["schema"] is not JsonObject body || Families.ApiOf(path) is not { } api)
            {
                continue;
            }

            JsonObject Resolve(JsonObject schema) => OpenApiRefs.Resolve(root, schema, origin);
            var resolved = Resolve(body);
            var properties = resolved["properties"] as JsonObject ?? throw new SourceException(origin, 1, 1, $"{path}: the request body has no properties");
            var nested = properties["input"] is JsonObject inputSchema && api == "jobs" ? Resolve(inputSchema) : null;
            var fieldsSchema = nested ?? resolved;
            var required = (fieldsSchema["required"] as JsonArray)?.Select(r => r?.ToString()).ToHashSet() ?? [];
            var fields = (fieldsSchema["properties"] as JsonObject ?? [])
                .Where(p => p.Value is JsonObject && !FieldReader.Envelope.Contains(p.Key))
                .Select(p => FieldReader.Read(p.Key, (JsonObject)p.Value!, required.Contains(p.Key), Resolve))
                .ToList();
            var models = properties["model"] is JsonObject model ? ModelIds(Resolve(model)) : [];
            if (models.Count == 0)
            {
                if (api == "jobs")
                {
                    throw new SourceException(origin, 1, 1, $"{path}: a jobs request names no model (no 'model' enum or default)");
                }

                models = [path["/api/v1/".Length..]];
            }

            records.AddRange(models.Select(id => new SchemaRecord(id, api, path, Category(api, id), api, fields)));
        }

        if (records.Count == 0)
        {
            throw new SourceException(origin, 1, 1, "the OpenAPI document has no KIE create request (a POST with a JSON body under a known /api/v1/ path)");
        }

        return new SchemaSource(origin, Complete: false, records);
    }

    private static List<string> ModelIds(JsonObject model)
    {
        if (model["enum"] is JsonArray values && values.Count > 0)
        {
            return values.Select(v => v!.ToString()).ToList();
        }

        return model["default"]?.ToString() is { Length: > 0 } single ? [single] : [];
    }

    /// <summary>A page does not say its category: the family, else plain words of the model id tell (a new model's category is a hand-written fact to check).</summary>
    private static string Category(string api, string kieModel) => api switch
    {
        "veo" or "runway" or "aleph" or "luma" => "video",
        "suno" => "music",
        "gpt4o-image" or "flux-kontext" or "midjourney" => "image",
        _ when System.Text.RegularExpressions.Regex.IsMatch(kieModel, "video|i2v|t2v|avatar|animate|motion|lip-sync") => "video",
        _ when System.Text.RegularExpressions.Regex.IsMatch(kieModel, "speech|audio|music|sound|tts|voice|dialogue") => "audio",
        _ => "image",
    };
}

/// <summary>Follows local <c>$ref</c>s and merges <c>allOf</c> parts, so a schema reads as one object.</summary>
internal static class OpenApiRefs
{
    public static JsonObject Resolve(JsonNode root, JsonObject schema, string origin, int depth = 0)
    {
        if (depth > 20)
        {
            throw new SourceException(origin, 1, 1, "$ref chain too deep (a cycle?)");
        }

        if (schema["$ref"]?.ToString() is { } reference)
        {
            if (!reference.StartsWith("#/", StringComparison.Ordinal))
            {
                throw new SourceException(origin, 1, 1, $"only local references are supported, not '{reference}'");
            }

            JsonNode? target = root;
            foreach (var part in reference[2..].Split('/'))
            {
                target = target?[part.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal)];
            }

            return target is JsonObject found
                ? Resolve(root, found, origin, depth + 1)
                : throw new SourceException(origin, 1, 1, $"reference '{reference}' points at nothing");
        }

        if (schema["allOf"] is not JsonArray parts)
        {
            return schema;
        }

        var merged = new JsonObject();
        var properties = new JsonObject();
        var required = new JsonArray();
        foreach (var part in parts.OfType<JsonObject>().Select(p => Resolve(root, p, origin, depth + 1)).Append(schema))
        {
            foreach (var (key, value) in part)
            {
                switch (key)
                {
                    case "allOf":
                        continue;
                    case "properties" when value is JsonObject props:
                        foreach (var (name, property) in props)
                        {
                            properties[name] = property?.DeepClone();
                        }

                        break;
                    case "required" when value is JsonArray names:
                        foreach (var name in names)
                        {
                            required.Add(name?.DeepClone());
                        }

                        break;
                    default:
                        merged[key] = value?.DeepClone();
                        break;
                }
            }
        }

        merged["properties"] = properties;
        merged["required"] = required;
        return merged;
    }
}
