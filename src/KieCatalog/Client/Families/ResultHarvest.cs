using System.Text.Json;

namespace KieCatalog.Client.Families;

/// <summary>
/// Collects result URLs from the family-specific shapes (<c>response.resultUrls</c>, <c>info.result_urls</c>,
/// <c>videoInfo.videoUrl</c>, <c>sunoData[].audioUrl</c>, <c>resultInfoJson.resultUrls[].resultUrl</c>, …),
/// leaving out inputs, previews and streams (<c>originUrls</c>, <c>imageUrl</c>, <c>streamAudioUrl</c>).
/// </summary>
internal static class ResultHarvest
{
    private static readonly HashSet<string> ResultKeys = new(StringComparer.Ordinal)
    {
        "resultUrls", "result_urls", "resultUrl", "resultImageUrl", "resultVideoUrl",
        "videoUrl", "video_url", "audioUrl", "audio_url",
    };

    private static readonly HashSet<string> Skipped = new(StringComparer.Ordinal)
    {
        "param", "paramJson", "promptJson", "generateParam", "originUrls", "fullResultUrls",
    };

    public static IReadOnlyList<string> Urls(JsonElement data)
    {
        var urls = new List<string>();
        Walk(data, inResult: false, urls);
        return urls.Distinct(StringComparer.Ordinal).ToList();
    }

    private static void Walk(JsonElement element, bool inResult, List<string> urls)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    if (Skipped.Contains(property.Name))
                    {
                        continue;
                    }

                    if (property.Name == "resultInfoJson" && property.Value.ValueKind == JsonValueKind.String)
                    {
                        WalkEmbedded(property.Value.GetString(), urls);
                        continue;
                    }

                    Walk(property.Value, ResultKeys.Contains(property.Name), urls);
                }

                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                {
                    Walk(item, inResult, urls);
                }

                break;
            case JsonValueKind.String when inResult:
                var text = element.GetString();
                if (Uri.TryCreate(text, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp))
                {
                    urls.Add(text);
                }

                break;
        }
    }

    private static void WalkEmbedded(string? json, List<string> urls)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return;
        }

        try
        {
            using var document = JsonDocument.Parse(json);
            Walk(document.RootElement, inResult: false, urls);
        }
        catch (JsonException)
        {
            // An unreadable embedded blob holds no URLs we can use; the state still decides the outcome.
        }
    }
}
