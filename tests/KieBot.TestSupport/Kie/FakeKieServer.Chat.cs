using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using KieCatalog;
using KieCatalog.Chat;
using Microsoft.AspNetCore.Http;

namespace KieBot.TestSupport.Kie;

/// <summary>One chat call the fake server answered: the endpoint, the body's model, whether it streamed, the body, the usage reported.</summary>
public sealed record FakeKieChatCall(string Path, ChatModeDescriptor Mode, bool Stream, JsonObject Body, ChatUsage Usage);

/// <summary>
/// KIE's chat endpoints (every model of <see cref="ChatModels"/> on a protocol the client speaks): OpenAI chat completions
/// at the model's path and Anthropic messages at <c>/claude/v1/messages</c>, whole or streamed, with usage. Each answer
/// is <see cref="ChatReply"/> a word a token (cut at <c>max_tokens</c>); input tokens are a quarter of the characters
/// sent, rounded up, and 256 per image. Faults before the first byte are the ordinary ones; mid-stream ones are
/// <see cref="FakeKieFault.StreamDrop"/>, <see cref="FakeKieFault.StreamMalformedLine"/>, <see cref="FakeKieFault.StreamError"/>
/// and <see cref="FakeKieFault.StreamSlow"/>.
/// </summary>
public sealed partial class FakeKieServer
{
    private readonly ConcurrentQueue<FakeKieChatCall> chatCalls = new();
    private int abandonedStreams;

    /// <summary>What every chat model answers.</summary>
    public string ChatReply { get; set; } = "A red fox runs through fresh snow at dawn.";

    public IReadOnlyList<FakeKieChatCall> ChatCalls => chatCalls.ToArray();

    /// <summary>When each stream's first text delta was flushed to the client, in the order the streams began it.</summary>
    public IReadOnlyList<DateTimeOffset> FirstDeltasSent => firstDeltas.ToArray();

    private readonly ConcurrentQueue<DateTimeOffset> firstDeltas = new();

    /// <summary>Streams the client stopped reading before their end (the connection closed under the server).</summary>
    public int AbandonedStreams => Volatile.Read(ref abandonedStreams);

    /// <summary>The input tokens the fake counts for a text.</summary>
    public static int TokensOf(string text) => (text.Length + 3) / 4;

    private static bool IsChatPath(string path) => ChatModels.All.Any(m => m.IsSupported && m.Path == path);

    private async Task AnswerChatAsync(HttpContext context, string path, string body, FakeKieFault? fault)
    {
        if (!await BeforeFirstByteAsync(context, fault).ConfigureAwait(false))
        {
            return;
        }

        if (context.Request.Headers.Authorization.ToString() != "Bearer " + ApiKey)
        {
            await WriteAsync(context, 200, FakeKieWire.Envelope(401, "You do not have access permissions", null)).ConfigureAwait(false);
            return;
        }

        var request = JsonNode.Parse(string.IsNullOrEmpty(body) ? "null" : body) as JsonObject;
        var model = request?["model"]?.GetValue<string>();
        var mode = ChatModels.All.FirstOrDefault(m => m.IsSupported && m.Path == path && (!m.ModelInBody || m.KieModel == model));
        if (request is null || mode is null || request["messages"] is not JsonArray { Count: > 0 } messages)
        {
            var why = request is null ? "the body is not a JSON object" : mode is null ? $"model '{model}' is not served at {path}" : "messages is required";
            await WriteAsync(context, 200, FakeKieWire.Envelope(422, why, null)).ConfigureAwait(false);
            return;
        }

        if (Balance <= 0)
        {
            await WriteAsync(context, 200, FakeKieWire.Envelope(402, "Insufficient credits", null)).ConfigureAwait(false);
            return;
        }

        var anthropic = mode.Protocol == ChatProtocol.AnthropicMessages;
        if (anthropic && request["max_tokens"] is null)
        {
            await WriteAsync(context, 200, FakeKieWire.Envelope(422, "max_tokens: Field required", null)).ConfigureAwait(false);
            return;
        }

        var words = ChatReply.Split(' ').Select((w, i) => i == 0 ? w : " " + w).ToList();
        var maxTokens = request["max_tokens"]?.GetValue<int>() ?? int.MaxValue;
        var cut = words.Count > maxTokens;
        var chunks = cut ? words.Take(maxTokens).ToList() : words;
        var usage = new ChatUsage(InputTokens(request, messages), chunks.Count);
        var stream = request["stream"]?.GetValue<bool>() ?? true;
        chatCalls.Enqueue(new FakeKieChatCall(path, mode, stream, request, usage));
        var id = "chat_fake_" + Interlocked.Increment(ref sequence).ToString(CultureInfo.InvariantCulture);
        var finish = anthropic ? (cut ? "max_tokens" : "end_turn") : (cut ? "length" : "stop");
        var kieModel = model ?? mode.KieModel;
        if (!stream)
        {
            var text = string.Concat(chunks);
            var answer = anthropic
                ? FakeKieChatWire.AnthropicMessage(id, kieModel, text, finish, usage)
                : FakeKieChatWire.OpenAiCompletion(id, kieModel, text, finish, usage);
            await WriteAsync(context, 200, answer).ConfigureAwait(false);
            return;
        }

        var includeUsage = request["stream_options"]?["include_usage"]?.GetValue<bool>() == true;
        var events = anthropic
            ? FakeKieChatWire.AnthropicStream(id, kieModel, chunks, finish, usage)
            : FakeKieChatWire.OpenAiStream(id, kieModel, chunks, finish, usage, includeUsage);
        await StreamAsync(context, events, anthropic, fault).ConfigureAwait(false);
    }

    /// <summary>The ordinary faults that act before any byte of the answer (a slow, held or dropped answer); false when nothing more is to be sent.</summary>
    private static async Task<bool> BeforeFirstByteAsync(HttpContext context, FakeKieFault? fault)
    {
        try
        {
            switch (fault)
            {
                case SlowFault slow:
                    await Task.Delay(slow.Delay, context.RequestAborted).ConfigureAwait(false);
                    break;
                case HeldFault held:
                    await held.Release.WaitAsync(context.RequestAborted).ConfigureAwait(false);
                    break;
                case DropFault:
                    context.Abort();
                    return false;
            }
        }
        catch (OperationCanceledException)
        {
            return false;
        }

        return true;
    }

    private async Task StreamAsync(HttpContext context, List<FakeSseEvent> events, bool anthropic, FakeKieFault? fault)
    {
        var response = context.Response;
        response.StatusCode = 200;
        response.ContentType = "text/event-stream";
        response.Headers.CacheControl = "no-cache";
        var deltas = 0;
        try
        {
            foreach (var e in events)
            {
                if (e.IsDelta && await MidStreamFaultAsync(context, fault, deltas, anthropic).ConfigureAwait(false))
                {
                    return;
                }

                if (fault is StreamSlowFault slow && e.IsDelta)
                {
                    await Task.Delay(slow.PerDelta, context.RequestAborted).ConfigureAwait(false);
                }

                await response.WriteAsync(e.Text, context.RequestAborted).ConfigureAwait(false);
                await response.Body.FlushAsync(context.RequestAborted).ConfigureAwait(false);
                if (e.IsDelta && deltas == 0)
                {
                    firstDeltas.Enqueue(DateTimeOffset.UtcNow);
                }

                deltas += e.IsDelta ? 1 : 0;
            }
        }
        catch (Exception e) when (e is OperationCanceledException or IOException)
        {
            Interlocked.Increment(ref abandonedStreams);
        }
    }

    /// <summary>Acts out a mid-stream fault once <paramref name="sent"/> deltas have gone; true when the stream ends there.</summary>
    private static async Task<bool> MidStreamFaultAsync(HttpContext context, FakeKieFault? fault, int sent, bool anthropic)
    {
        switch (fault)
        {
            case StreamDropFault f when f.AfterDeltas == sent:
                if (f.When is { } when)
                {
                    await when.WaitAsync(context.RequestAborted).ConfigureAwait(false);
                }

                context.Abort();
                return true;
            case StreamMalformedFault f when f.AfterDeltas == sent:
                await context.Response.WriteAsync(f.Line + "\n\n", context.RequestAborted).ConfigureAwait(false);
                return true;
            case StreamErrorFault f when f.AfterDeltas == sent:
                await context.Response.WriteAsync(anthropic ? FakeKieChatWire.AnthropicError(f.Message, f.Code) : FakeKieChatWire.OpenAiError(f.Message, f.Code), context.RequestAborted).ConfigureAwait(false);
                return true;
            default:
                return false;
        }
    }

    private static int InputTokens(JsonObject request, JsonArray messages)
    {
        var tokens = request["system"] is JsonValue system ? TokensOf(system.GetValue<string>()) : 0;
        foreach (var message in messages)
        {
            switch (message?["content"])
            {
                case JsonValue text when text.GetValueKind() == JsonValueKind.String:
                    tokens += TokensOf(text.GetValue<string>());
                    break;
                case JsonArray parts:
                    foreach (var part in parts)
                    {
                        var type = part?["type"]?.GetValue<string>();
                        tokens += type == "text" ? TokensOf(part!["text"]?.GetValue<string>() ?? "") : type is "image" or "image_url" ? 256 : 0;
                    }

                    break;
            }
        }

        return tokens;
    }
}
