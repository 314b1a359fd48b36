using System.Globalization;
using System.Text.Json;
using KieCatalog.Chat;

namespace KieCatalog.Client.Chat;

/// <summary>
/// Anthropic messages as KIE serves them at <c>/claude/v1/messages</c>: the model and <c>max_tokens</c> in the body,
/// images as blocks; a stream is <c>message_start</c> (input tokens), <c>content_block_delta</c>s, <c>message_delta</c>
/// (stop reason, output tokens) and <c>message_stop</c>.
/// </summary>
internal sealed class AnthropicWire : ChatWire
{
    public static readonly AnthropicWire Instance = new();

    public override byte[] Body(ChatRequest request, bool stream)
    {
        var mode = request.Mode;
        var maxTokens = request.MaxTokens ?? mode.DefaultMaxTokens ?? mode.MaxOutputTokens
            ?? throw Invalid($"{mode.Id}: Anthropic messages need max_tokens and the catalog states no default: set MaxTokens");
        var messages = request.Messages
            .Select(m => new AnthropicMessage(
                m.Role == ChatRole.User ? "user" : "assistant",
                [.. m.Images.Select(Block), new AnthropicBlock("text", m.Text)]))
            .ToList();
        var body = new AnthropicBody(mode.KieModel, maxTokens, request.System, messages, stream, request.Temperature);
        return JsonSerializer.SerializeToUtf8Bytes(body, ChatJson.Default.AnthropicBody);
    }

    public override ChatResponse ReadResponse(string body, string endpoint)
    {
        var reply = Parse(body, ChatJson.Default.AnthropicReply, endpoint, "the answer");
        if (reply.Error is { } error)
        {
            throw Reported(endpoint, CodeOf(error), error);
        }

        if (reply.Content is null)
        {
            throw Malformed(endpoint, "the answer has no content");
        }

        var text = string.Concat(reply.Content.Where(b => b.Type == "text").Select(b => b.Text));
        var usage = reply.Usage is { InputTokens: { } input, OutputTokens: { } output }
            ? new ChatUsage(input, output)
            : throw Malformed(endpoint, "the answer has no usage (input_tokens, output_tokens)");
        return new ChatResponse(text, reply.StopReason, usage);
    }

    public override ChatStreamDecoder Decoder(string endpoint) => new StreamDecoder(endpoint);

    private static AnthropicBlock Block(ChatImage image) => image.Url is { } url
        ? new AnthropicBlock("image", Source: new AnthropicSource("url", Url: url.AbsoluteUri))
        : new AnthropicBlock("image", Source: new AnthropicSource("base64", image.MimeType, Convert.ToBase64String(image.Data.Span)));

    /// <summary>Anthropic's error types as the KIE codes they mean.</summary>
    private static int CodeOf(ChatWireError error) => error.Type switch
    {
        "invalid_request_error" => 422,
        "authentication_error" or "permission_error" => 401,
        "not_found_error" => 404,
        "rate_limit_error" => 429,
        "overloaded_error" => 529,
        _ => 500,
    };

    private sealed class StreamDecoder(string endpoint) : ChatStreamDecoder
    {
        private int? inputTokens;
        private int? outputTokens;
        private string? stopReason;

        public override string? Read(SseEvent e)
        {
            var where = string.Create(CultureInfo.InvariantCulture, $"the event ending on stream line {e.Line}");
            var data = Parse(e.Data, ChatJson.Default.AnthropicEvent, endpoint, where);
            switch (data.Type ?? e.Name)
            {
                case "message_start":
                    inputTokens = data.Message?.Usage?.InputTokens ?? inputTokens;
                    outputTokens = data.Message?.Usage?.OutputTokens ?? outputTokens;
                    return null;
                case "content_block_delta":
                    return data.Delta?.Type is null or "text_delta" ? data.Delta?.Text : null;
                case "message_delta":
                    stopReason = data.Delta?.StopReason ?? stopReason;
                    inputTokens = data.Usage?.InputTokens ?? inputTokens;
                    outputTokens = data.Usage?.OutputTokens ?? outputTokens;
                    return null;
                case "message_stop":
                    Done = true;
                    return null;
                case "error":
                    var error = data.Error ?? new ChatWireError(null, "an error event without details");
                    throw Reported(endpoint, CodeOf(error), error);
                default:
                    // content_block_start, content_block_stop, ping, and event types Anthropic may add later.
                    return null;
            }
        }

        public override ChatDelta Finish()
        {
            if (!Done)
            {
                throw Malformed(endpoint, "the stream ended before message_stop");
            }

            var usage = inputTokens is { } input && outputTokens is { } output
                ? new ChatUsage(input, output)
                : throw Malformed(endpoint, "the stream ended without usage (input_tokens in message_start, output_tokens in message_delta)");
            return new ChatDelta(string.Empty, stopReason, usage);
        }
    }
}
