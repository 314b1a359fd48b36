using System.Text.Json.Serialization;

namespace KieCatalog.Client.Chat;

/// <summary>The request body of Anthropic messages (the model in the body, <c>max_tokens</c> required).</summary>
internal sealed record AnthropicBody(
    [property: JsonPropertyName("model")] string Model,
    [property: JsonPropertyName("max_tokens")] int MaxTokens,
    [property: JsonPropertyName("system")] string? System,
    [property: JsonPropertyName("messages")] IReadOnlyList<AnthropicMessage> Messages,
    [property: JsonPropertyName("stream")] bool Stream,
    [property: JsonPropertyName("temperature")] double? Temperature);

internal sealed record AnthropicMessage(
    [property: JsonPropertyName("role")] string Role,
    [property: JsonPropertyName("content")] IReadOnlyList<AnthropicBlock> Content);

internal sealed record AnthropicBlock(
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("text")] string? Text = null,
    [property: JsonPropertyName("source")] AnthropicSource? Source = null);

internal sealed record AnthropicSource(
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("media_type")] string? MediaType = null,
    [property: JsonPropertyName("data")] string? Data = null,
    [property: JsonPropertyName("url")] string? Url = null);

/// <summary>A whole message (also inside <c>message_start</c>).</summary>
internal sealed record AnthropicReply(
    [property: JsonPropertyName("content")] IReadOnlyList<AnthropicBlock>? Content,
    [property: JsonPropertyName("stop_reason")] string? StopReason,
    [property: JsonPropertyName("usage")] AnthropicUsage? Usage,
    [property: JsonPropertyName("error")] ChatWireError? Error);

/// <summary>One server-sent event of a streamed message.</summary>
internal sealed record AnthropicEvent(
    [property: JsonPropertyName("type")] string? Type,
    [property: JsonPropertyName("message")] AnthropicReply? Message,
    [property: JsonPropertyName("delta")] AnthropicDelta? Delta,
    [property: JsonPropertyName("usage")] AnthropicUsage? Usage,
    [property: JsonPropertyName("error")] ChatWireError? Error);

internal sealed record AnthropicDelta(
    [property: JsonPropertyName("type")] string? Type,
    [property: JsonPropertyName("text")] string? Text,
    [property: JsonPropertyName("stop_reason")] string? StopReason);

internal sealed record AnthropicUsage(
    [property: JsonPropertyName("input_tokens")] int? InputTokens,
    [property: JsonPropertyName("output_tokens")] int? OutputTokens);
