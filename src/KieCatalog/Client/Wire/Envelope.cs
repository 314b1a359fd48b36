using System.Text.Json;
using KieCatalog.Errors;

namespace KieCatalog.Client.Wire;

/// <summary>KIE's <c>{"code","msg","data"}</c> envelope, read from a response body.</summary>
internal readonly record struct Envelope(int Code, string? Message, JsonElement Data)
{
    /// <summary>The envelope of a parsed body; null when it is not an envelope at all.</summary>
    public static Envelope? TryRead(JsonDocument document)
    {
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object || root.Int("code") is not { } code)
        {
            return null;
        }

        var data = root.TryGetProperty("data", out var value) ? value : default;
        return new Envelope(code, root.Text("msg", "message"), data);
    }

    public static JsonDocument? TryParse(string body)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return null;
        }

        try
        {
            return JsonDocument.Parse(body);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public static KieException Malformed(KieOperation operation, string endpoint, string why) =>
        new(new KieError(KieErrorKind.MalformedResponse, operation, $"{endpoint}: {why}"));
}
