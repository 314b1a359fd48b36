using System.Text.Json.Nodes;
using KieCatalog.Chat;

namespace KieBot.TestSupport.Kie;

/// <summary>One server-sent event of a chat stream, and whether it carries a text delta.</summary>
internal sealed record FakeSseEvent(string Text, bool IsDelta);

/// <summary>
/// Chat answers in the shapes KIE relays: OpenAI chat completions (a <c>chat.completion</c>, or <c>data: {chunk}</c>
/// events ending with a usage chunk when asked and <c>data: [DONE]</c>) and Anthropic messages (a <c>message</c>, or
/// <c>message_start</c>, <c>content_block_*</c>, <c>ping</c>, <c>message_delta</c>, <c>message_stop</c>).
/// </summary>
internal static class FakeKieChatWire
{
    public static JsonObject OpenAiCompletion(string id, string model, string text, string finish, ChatUsage usage) => new()
    {
        ["id"] = id,
        ["object"] = "chat.completion",
        ["created"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
        ["model"] = model,
        ["choices"] = new JsonArray(new JsonObject
        {
            ["index"] = 0,
            ["message"] = new JsonObject { ["role"] = "assistant", ["content"] = text },
            ["finish_reason"] = finish,
        }),
        ["usage"] = OpenAiUsage(usage),
    };

    public static List<FakeSseEvent> OpenAiStream(string id, string model, IReadOnlyList<string> chunks, string finish, ChatUsage usage, bool includeUsage)
    {
        var events = new List<FakeSseEvent> { Data(Chunk(id, model, new JsonObject { ["role"] = "assistant", ["content"] = "" }, null), false) };
        events.AddRange(chunks.Select(c => Data(Chunk(id, model, new JsonObject { ["content"] = c }, null), true)));
        events.Add(Data(Chunk(id, model, new JsonObject(), finish), false));
        if (includeUsage)
        {
            var last = Chunk(id, model, null, null);
            last["choices"] = new JsonArray();
            last["usage"] = OpenAiUsage(usage);
            events.Add(Data(last, false));
        }

        events.Add(new FakeSseEvent("data: [DONE]\n\n", false));
        return events;
    }

    public static string OpenAiError(string message, int code) =>
        "data: " + new JsonObject { ["error"] = new JsonObject { ["message"] = message, ["type"] = code == 429 ? "rate_limit_error" : "server_error", ["code"] = code } }.ToJsonString() + "\n\n";

    public static JsonObject AnthropicMessage(string id, string model, string text, string stop, ChatUsage usage) => new()
    {
        ["id"] = id,
        ["type"] = "message",
        ["role"] = "assistant",
        ["model"] = model,
        ["content"] = new JsonArray(new JsonObject { ["type"] = "text", ["text"] = text }),
        ["stop_reason"] = stop,
        ["stop_sequence"] = null,
        ["usage"] = new JsonObject { ["input_tokens"] = usage.InputTokens, ["output_tokens"] = usage.OutputTokens },
    };

    public static List<FakeSseEvent> AnthropicStream(string id, string model, IReadOnlyList<string> chunks, string stop, ChatUsage usage)
    {
        var start = AnthropicMessage(id, model, "", stop, usage);
        start["content"] = new JsonArray();
        start["stop_reason"] = null;
        start["usage"] = new JsonObject { ["input_tokens"] = usage.InputTokens, ["output_tokens"] = 1 };
        var events = new List<FakeSseEvent>
        {
            Event("message_start", new JsonObject { ["type"] = "message_start", ["message"] = start }, false),
            Event("content_block_start", new JsonObject { ["type"] = "content_block_start", ["index"] = 0, ["content_block"] = new JsonObject { ["type"] = "text", ["text"] = "" } }, false),
            Event("ping", new JsonObject { ["type"] = "ping" }, false),
        };
        events.AddRange(chunks.Select(c => Event(
            "content_block_delta",
            new JsonObject { ["type"] = "content_block_delta", ["index"] = 0, ["delta"] = new JsonObject { ["type"] = "text_delta", ["text"] = c } },
            true)));
        events.Add(Event("content_block_stop", new JsonObject { ["type"] = "content_block_stop", ["index"] = 0 }, false));
        events.Add(Event(
            "message_delta",
            new JsonObject
            {
                ["type"] = "message_delta",
                ["delta"] = new JsonObject { ["stop_reason"] = stop, ["stop_sequence"] = null },
                ["usage"] = new JsonObject { ["output_tokens"] = usage.OutputTokens },
            },
            false));
        events.Add(Event("message_stop", new JsonObject { ["type"] = "message_stop" }, false));
        return events;
    }

    public static string AnthropicError(string message, int code) =>
        "event: error\ndata: " + new JsonObject
        {
            ["type"] = "error",
            ["error"] = new JsonObject { ["type"] = code switch { 429 => "rate_limit_error", 529 => "overloaded_error", _ => "api_error" }, ["message"] = message },
        }.ToJsonString() + "\n\n";

    private static JsonObject Chunk(string id, string model, JsonObject? delta, string? finish) => new()
    {
        ["id"] = id,
        ["object"] = "chat.completion.chunk",
        ["created"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
        ["model"] = model,
        ["choices"] = delta is null ? null : new JsonArray(new JsonObject { ["index"] = 0, ["delta"] = delta, ["finish_reason"] = finish }),
    };

    private static JsonObject OpenAiUsage(ChatUsage usage) => new()
    {
        ["prompt_tokens"] = usage.InputTokens,
        ["completion_tokens"] = usage.OutputTokens,
        ["total_tokens"] = usage.TotalTokens,
    };

    private static FakeSseEvent Data(JsonObject json, bool isDelta) => new("data: " + json.ToJsonString() + "\n\n", isDelta);

    private static FakeSseEvent Event(string name, JsonObject json, bool isDelta) => new($"event: {name}\ndata: {json.ToJsonString()}\n\n", isDelta);
}
