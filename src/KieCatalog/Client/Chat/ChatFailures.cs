using System.Net.Http;
using System.Text.Json;
using KieCatalog.Client.Wire;
using KieCatalog.Errors;

namespace KieCatalog.Client.Chat;

/// <summary>
/// A chat endpoint's refusal as a <see cref="KieException"/>: a non-2xx status, or KIE's envelope with a code other than
/// 200 in an HTTP 200 (as on every KIE endpoint), with KIE's, OpenAI's or Anthropic's message.
/// </summary>
internal static class ChatFailures
{
    /// <summary>Throws when <paramref name="body"/> (an answer that is not a stream) says the call failed.</summary>
    public static void ThrowIfFailed(HttpResponseMessage response, string body, string endpoint)
    {
        var status = (int)response.StatusCode;
        using var document = Envelope.TryParse(body);
        var message = document is null ? null : MessageOf(document.RootElement);
        var retryAfter = RetryAfter(response);
        if (status is < 200 or > 299)
        {
            message ??= $"HTTP {status} {(document is null ? "without a JSON body" : "with an unexpected body")}";
            throw new KieException(KieErrorClassifier.FromCode(KieOperation.Chat, endpoint, status, message, retryAfter));
        }

        if (document?.RootElement is { ValueKind: JsonValueKind.Object } root && root.Int("code") is { } code and not 200)
        {
            throw new KieException(KieErrorClassifier.FromCode(KieOperation.Chat, endpoint, code, message, retryAfter));
        }
    }

    private static string? MessageOf(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        if (root.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.Object && error.Text("message") is { } text)
        {
            return text;
        }

        return root.Text("msg", "message");
    }

    private static TimeSpan? RetryAfter(HttpResponseMessage response) => response.Headers.RetryAfter switch
    {
        { Delta: { } delta } => delta,
        { Date: { } date } => date - DateTimeOffset.UtcNow,
        _ => null,
    };
}
