using System.Text.Json;
using System.Text.Json.Nodes;

namespace KieCatalog.Tool.Sources;

/// <summary>Loads a SOURCE (a file or an http(s) URL; YAML or JSON) and hands it to the reader that recognizes its shape.</summary>
internal static class SourceReader
{
    /// <summary>Reads every SOURCE; the first that cannot be read is printed as <c>file(line,col): error: …</c> and the result is null.</summary>
    public static async Task<List<SchemaSource>?> ReadAllAsync(IEnumerable<string> sources, TextWriter error, CancellationToken ct)
    {
        var read = new List<SchemaSource>();
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(60) };
        try
        {
            foreach (var source in sources)
            {
                read.Add(await ReadAsync(source, http, ct).ConfigureAwait(false));
            }
        }
        catch (SourceException e)
        {
            await error.WriteLineAsync(e.ToString()).ConfigureAwait(false);
            return null;
        }

        return read;
    }

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
