using System.Text.Json.Serialization;

namespace KieCatalog.Client.Chat;

/// <summary>The request body of OpenAI chat completions as KIE takes it (the model in the path, content as parts).</summary>
internal sealed record OpenAiChatBody(
    [property: JsonPropertyName("model")] string? Model,
    [property: JsonPropertyName("messages")] IReadOnlyList<OpenAiMessage> Messages,
    [property: JsonPropertyName("stream")] bool Stream,
    [property: JsonPropertyName("max_tokens")] int? MaxTokens,
    [property: JsonPropertyName("temperature")] double? Temperature,
    [property: JsonPropertyName("stream_options")] OpenAiStreamOptions? StreamOptions);

internal sealed record OpenAiStreamOptions([property: JsonPropertyName("include_usage")] bool IncludeUsage);

internal sealed record OpenAiMessage(
    [property: JsonPropertyName("role")] string Role,
    [property: JsonPropertyName("content")] IReadOnlyList<OpenAiPart> Content);

internal sealed record OpenAiPart(
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("text")] string? Text = null,
    [property: JsonPropertyName("image_url")] OpenAiImageUrl? ImageUrl = null);

internal sealed record OpenAiImageUrl([property: JsonPropertyName("url")] string Url);

/// <summary>A whole completion, or one chunk of a streamed one (<c>delta</c> instead of <c>message</c>).</summary>
internal sealed record OpenAiCompletion(
    [property: JsonPropertyName("choices")] IReadOnlyList<OpenAiChoice>? Choices,
    [property: JsonPropertyName("usage")] OpenAiUsage? Usage,
    [property: JsonPropertyName("error")] ChatWireError? Error);

internal sealed record OpenAiChoice(
    [property: JsonPropertyName("message")] OpenAiContent? Message,
    [property: JsonPropertyName("delta")] OpenAiContent? Delta,
    [property: JsonPropertyName("finish_reason")] string? FinishReason);

internal sealed record OpenAiContent([property: JsonPropertyName("content")] string? Content);

internal sealed record OpenAiUsage(
    [property: JsonPropertyName("prompt_tokens")] int? PromptTokens,
    [property: JsonPropertyName("completion_tokens")] int? CompletionTokens);

/// <summary>An error object inside a body or an event (OpenAI's and Anthropic's shapes both carry a message; OpenAI's a code, a number or a word).</summary>
internal sealed record ChatWireError(
    [property: JsonPropertyName("type")] string? Type,
    [property: JsonPropertyName("message")] string? Message,
    [property: JsonPropertyName("code")] System.Text.Json.JsonElement? Code = null);
