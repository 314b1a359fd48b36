using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using KieCatalog.Chat;
using KieCatalog.Errors;

namespace KieCatalog.Client.Chat;

/// <summary>One chat protocol on the wire: the request body, a whole answer, and the decoder of a streamed one.</summary>
internal abstract class ChatWire
{
    /// <summary>The wire of the request's model, after checking the request (nothing is sent when it fails).</summary>
    public static ChatWire For(ChatRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var mode = request.Mode;
        if (!mode.IsSupported)
        {
            throw Invalid($"{mode.Id} speaks {mode.Protocol} at {mode.Path}, which the client does not speak (it speaks OpenAI chat completions and Anthropic messages)");
        }

        if (request.Messages.Count == 0)
        {
            throw Invalid("a chat request needs at least one message");
        }

        if (!mode.AcceptsImages && request.Messages.Any(m => m.Images.Count > 0))
        {
            throw Invalid($"{mode.Id} does not take images in a message");
        }

        if (request.MaxTokens is { } max && (max < 1 || (mode.MaxOutputTokens is { } limit && max > limit)))
        {
            throw Invalid(string.Create(CultureInfo.InvariantCulture, $"MaxTokens {max} is outside 1..{mode.MaxOutputTokens?.ToString(CultureInfo.InvariantCulture) ?? "∞"} for {mode.Id}"));
        }

        return mode.Protocol == ChatProtocol.AnthropicMessages ? AnthropicWire.Instance : OpenAiChatWire.Instance;
    }

    public abstract byte[] Body(ChatRequest request, bool stream);

    public abstract ChatResponse ReadResponse(string body, string endpoint);

    public abstract ChatStreamDecoder Decoder(string endpoint);

    public static KieException Invalid(string detail) => new(new KieError(KieErrorKind.InvalidInput, KieOperation.Chat, detail));

    public static KieException Malformed(string endpoint, string why) =>
        new(new KieError(KieErrorKind.MalformedResponse, KieOperation.Chat, $"{endpoint}: {why}"));

    /// <summary>A JSON text read as <typeparamref name="T"/>; anything else is a malformed answer naming where it was.</summary>
    public static T Parse<T>(string json, JsonTypeInfo<T> type, string endpoint, string where)
    {
        try
        {
            return JsonSerializer.Deserialize(json, type) ?? throw Malformed(endpoint, $"{where} is JSON null");
        }
        catch (JsonException e)
        {
            throw Malformed(endpoint, $"{where} is not valid JSON ({e.Message})");
        }
    }

    /// <summary>An error KIE reported inside a body or an event, classified by its code like any KIE error.</summary>
    public static KieException Reported(string endpoint, int code, ChatWireError error) =>
        new(KieErrorClassifier.FromCode(KieOperation.Chat, endpoint, code, error.Message ?? error.Type));
}

/// <summary>Reads one streamed answer event by event.</summary>
internal abstract class ChatStreamDecoder
{
    /// <summary>True once the stream's closing event has been read.</summary>
    public bool Done { get; protected set; }

    /// <summary>The text an event adds (null for events without text); throws on an error event or a malformed one.</summary>
    public abstract string? Read(SseEvent e);

    /// <summary>The closing delta with the finish reason and the usage; throws when the stream ended without them.</summary>
    public abstract ChatDelta Finish();
}
