using System.Text.Json;
using System.Text.Json.Nodes;

namespace KieCatalog.Tool.Sources;

/// <summary>Loads a SOURCE (a file or an http(s) URL; YAML or JSON) and hands it to the reader that recognizes its shape.</summary>
internal static class SourceReader
{
    public static async Task<SchemaSource> ReadAsync(string source, HttpClient http, CancellationToken ct)
    {
        string text;
        if (Uri.TryCreate(source, UriKind.Absolute, out var url) && url.Scheme is "http" or "https")
        {
            using var response = await http.GetAsync(url, ct).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                throw new SourceException(source, 1, 1, $"download failed: HTTP {(int)response.StatusCode} {response.ReasonPhrase}");
            }

            text = await response.Content.ReadAsStringAsync(ct).ConfigureAwait(false);
        }
        else if (File.Exists(source))
        {
            text = await File.ReadAllTextAsync(source, ct).ConfigureAwait(false);
        }
        else
        {
            throw new SourceException(source, 1, 1, "no such file");
        }

        return Read(source, text);
    }

    public static SchemaSource Read(string origin, string text)
    {
        var root = LooksLikeJson(origin, text) ? ParseJson(origin, text) : YamlToJson.Parse(origin, text);
        if (root is not null && MarketSchemaReader.Recognizes(root))
        {
            return MarketSchemaReader.Read(origin, root);
        }

        if (root is not null && OpenApiReader.Recognizes(root))
        {
            return OpenApiReader.Read(origin, root);
        }

        throw new SourceException(origin, 1, 1, "neither an OpenAPI 3 document (openapi, paths) nor a market schema list (models[].kieModel, input)");
    }

    private static bool LooksLikeJson(string origin, string text) =>
        origin.EndsWith(".json", StringComparison.OrdinalIgnoreCase) || text.TrimStart().StartsWith('{') || text.TrimStart().StartsWith('[');

    private static JsonNode? ParseJson(string origin, string text)
    {
        try
        {
            return JsonNode.Parse(text, documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = false });
        }
        catch (JsonException e)
        {
            var message = e.Message;
            var cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
            throw new SourceException(origin, (int)(e.LineNumber ?? 0) + 1, (int)(e.BytePositionInLine ?? 0) + 1, "not valid JSON: " + (cut > 0 ? message[..cut].TrimEnd('.', ' ') : message));
        }
    }
}
