using System.Globalization;
using System.Text;
using System.Text.Json;
using KieCatalog.Chat;

namespace KieCatalog.Client.Chat;

/// <summary>
/// OpenAI chat completions as KIE serves them: content as parts (text, <c>image_url</c>), <c>stream</c> always sent
/// (KIE's default is true), usage asked for at the end of a stream; a stream ends with <c>data: [DONE]</c>.
/// </summary>
internal sealed class OpenAiChatWire : ChatWire
{
    public static readonly OpenAiChatWire Instance = new();

    public override byte[] Body(ChatRequest request, bool stream)
    {
        var messages = new List<OpenAiMessage>(request.Messages.Count + 1);
        if (!string.IsNullOrEmpty(request.System))
        {
            messages.Add(new OpenAiMessage("system", [new OpenAiPart("text", request.System)]));
        }

        foreach (var message in request.Messages)
        {
            var parts = new List<OpenAiPart> { new("text", message.Text) };
            parts.AddRange(message.Images.Select(i => new OpenAiPart("image_url", ImageUrl: new OpenAiImageUrl(i.ToUrlString()))));
            messages.Add(new OpenAiMessage(message.Role == ChatRole.User ? "user" : "assistant", parts));
        }

        var mode = request.Mode;
        var body = new OpenAiChatBody(
            mode.ModelInBody ? mode.KieModel : null,
            messages,
            stream,
            request.MaxTokens,
            request.Temperature,
            stream ? new OpenAiStreamOptions(true) : null);
        return JsonSerializer.SerializeToUtf8Bytes(body, ChatJson.Default.OpenAiChatBody);
    }

    public override ChatResponse ReadResponse(string body, string endpoint)
    {
        var completion = Parse(body, ChatJson.Default.OpenAiCompletion, endpoint, "the answer");
        if (completion.Error is { } error)
        {
            throw Reported(endpoint, CodeOf(error), error);
        }

        if (completion.Choices is not [var choice, ..] || choice.Message is null)
        {
            throw Malformed(endpoint, "the answer has no choices[0].message");
        }

        return new ChatResponse(choice.Message.Content ?? string.Empty, choice.FinishReason, UsageOf(completion.Usage, endpoint));
    }

    public override ChatStreamDecoder Decoder(string endpoint) => new StreamDecoder(endpoint);

    /// <summary>An OpenAI error's code as KIE's: a number as it is, a rate-limit word as 429, anything else as a server error.</summary>
    private static int CodeOf(ChatWireError error) => error.Code switch
    {
        { ValueKind: JsonValueKind.Number } n when n.TryGetInt32(out var code) => code,
        { ValueKind: JsonValueKind.String } s when int.TryParse(s.GetString(), NumberStyles.None, CultureInfo.InvariantCulture, out var code) => code,
        { ValueKind: JsonValueKind.String } s when s.GetString()!.Contains("rate_limit", StringComparison.Ordinal) => 429,
        _ => error.Type?.Contains("rate_limit", StringComparison.Ordinal) == true ? 429 : 500,
    };

    private static ChatUsage UsageOf(OpenAiUsage? usage, string endpoint) =>
        usage is { PromptTokens: { } input, CompletionTokens: { } output }
            ? new ChatUsage(input, output)
            : throw Malformed(endpoint, "the answer has no usage (prompt_tokens, completion_tokens)");

    private sealed class StreamDecoder(string endpoint) : ChatStreamDecoder
    {
        private ChatUsage? usage;
        private string? finishReason;

        public override string? Read(SseEvent e)
        {
            if (e.Data == "[DONE]")
            {
                Done = true;
                return null;
            }

            var chunk = Parse(e.Data, ChatJson.Default.OpenAiCompletion, endpoint, string.Create(CultureInfo.InvariantCulture, $"the event ending on stream line {e.Line}"));
            if (chunk.Error is { } error)
            {
                throw Reported(endpoint, CodeOf(error), error);
            }

            if (chunk.Usage is not null)
            {
                usage = UsageOf(chunk.Usage, endpoint);
            }

            var text = new StringBuilder();
            foreach (var choice in chunk.Choices ?? [])
            {
                text.Append(choice.Delta?.Content);
                finishReason = choice.FinishReason ?? finishReason;
            }

            return text.Length == 0 ? null : text.ToString();
        }

        public override ChatDelta Finish()
        {
            if (!Done)
            {
                throw Malformed(endpoint, "the stream ended before data: [DONE]");
            }

            return new ChatDelta(string.Empty, finishReason, usage ?? throw Malformed(endpoint, "the stream ended without usage"));
        }
    }
}
