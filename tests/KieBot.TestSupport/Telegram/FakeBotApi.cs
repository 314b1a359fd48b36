using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using KieBot.TestSupport.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace KieBot.TestSupport.Telegram;

/// <summary>One Bot API call the bot made: the method and its parameters as JSON (multipart fields become strings).</summary>
public sealed record BotApiCall(string Method, JsonObject Parameters)
{
    /// <summary>The id of the message the call created or edited (0 when none).</summary>
    public int MessageId { get; init; }

    /// <summary>When the call arrived.</summary>
    public DateTimeOffset At { get; init; } = DateTimeOffset.UtcNow;

    public string? Text => Parameters["text"]?.GetValue<string>() ?? Parameters["caption"]?.GetValue<string>();

    public long? ChatId => Parameters["chat_id"] is { } id ? long.Parse(id.ToString(), System.Globalization.CultureInfo.InvariantCulture) : null;

    /// <summary>Callback data of every inline button, row by row flattened.</summary>
    public IReadOnlyList<(string Text, string Data)> Buttons =>
        Parameters["reply_markup"] is JsonObject markup && markup["inline_keyboard"] is JsonArray rows
            ? rows.OfType<JsonArray>().SelectMany(r => r.OfType<JsonObject>()).Select(b => (b["text"]!.GetValue<string>(), b["callback_data"]?.GetValue<string>() ?? string.Empty)).ToList()
            : [];
}

/// <summary>
/// Telegram's Bot API on 127.0.0.1: the methods the bot calls, with real response shapes (<c>{"ok":true,"result":…}</c>),
/// every call recorded; <c>getUpdates</c> serves queued updates (long poll), <c>getFile</c> and <c>/file/bot…/</c>
/// serve files registered by the test. The real Telegram.Bot client points at it through its base-URL option.
/// </summary>
public sealed partial class FakeBotApi : IAsyncDisposable
{
    public const string Token = "123456789:AAHfakeTokenForTests_abcdefghijklmnop";
    public const long BotId = 123456789;

    private readonly ConcurrentQueue<BotApiCall> calls = new();
    private readonly SemaphoreSlim arrived = new(0);
    private readonly ConcurrentDictionary<string, byte[]> files = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> failures = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<long, ConcurrentQueue<JsonObject>> chatFailures = new();
    private WebApplication app = null!;
    private int messageId = 1000;

    public Uri BaseUrl { get; private set; } = null!;

    public IReadOnlyList<BotApiCall> Calls => calls.ToArray();

    /// <summary>Raised after each answered call (benchmarks wait on it instead of scanning <see cref="Calls"/>).</summary>
    public event Action<BotApiCall>? Recorded;

    /// <summary>The webhook the bot registered, if any.</summary>
    public JsonObject? Webhook { get; private set; }

    public static async Task<FakeBotApi> StartAsync()
    {
        var api = new FakeBotApi();
        (api.app, api.BaseUrl) = await LoopbackHost.StartAsync(host => host.Run(api.HandleAsync)).ConfigureAwait(false);
        return api;
    }

    /// <summary>Makes a file downloadable by id.</summary>
    public void AddFile(string fileId, byte[] content) => files[fileId] = content;

    /// <summary>The next <paramref name="times"/> calls of <paramref name="method"/> answer 400 (e.g. Telegram cannot fetch a URL).</summary>
    public void Fail(string method, int times = 1) => failures[method] = times;

    /// <summary>The next <paramref name="times"/> sends to <paramref name="chatId"/> answer this Bot API error (403 blocked, 429 with retry_after…).</summary>
    public void FailFor(long chatId, int code, string description, int? retryAfter = null, int times = 1)
    {
        var queue = chatFailures.GetOrAdd(chatId, _ => new ConcurrentQueue<JsonObject>());
        for (var i = 0; i < times; i++)
        {
            var error = Error(code, description);
            if (retryAfter is { } seconds)
            {
                error["parameters"] = new JsonObject { ["retry_after"] = seconds };
            }

            queue.Enqueue(error);
        }
    }

    public IReadOnlyList<BotApiCall> CallsOf(params string[] methods) => Calls.Where(c => methods.Contains(c.Method)).ToList();

    /// <summary>Waits until a call matches (the bot works in the background in polling mode).</summary>
    public async Task<BotApiCall> WaitForAsync(Func<BotApiCall, bool> match, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(20));
        while (DateTime.UtcNow < deadline)
        {
            if (Calls.FirstOrDefault(match) is { } call)
            {
                return call;
            }

            await Task.Delay(50).ConfigureAwait(false);
        }

        throw new TimeoutException("No matching Bot API call. Calls: " + string.Join(" | ", Calls.Select(c => c.Method + ": " + c.Text)));
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync().ConfigureAwait(false);
        await app.DisposeAsync().ConfigureAwait(false);
        arrived.Dispose();
    }

    private async Task HandleAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? string.Empty;
        if (path == LoopbackHost.WarmUpPath)
        {
            context.Response.StatusCode = 204;
            return;
        }

        if (path.StartsWith($"/file/bot{Token}/", StringComparison.Ordinal))
        {
            var fileId = path[$"/file/bot{Token}/files/".Length..];
            if (files.TryGetValue(fileId, out var bytes))
            {
                await context.Response.Body.WriteAsync(bytes).ConfigureAwait(false);
            }
            else
            {
                context.Response.StatusCode = 404;
            }

            return;
        }

        var prefix = $"/bot{Token}/";
        if (!path.StartsWith(prefix, StringComparison.Ordinal))
        {
            await WriteAsync(context, Error(404, "Not Found")).ConfigureAwait(false);
            return;
        }

        var method = path[prefix.Length..];
        var parameters = await ReadParametersAsync(context.Request).ConfigureAwait(false);
        if (method.StartsWith("send", StringComparison.Ordinal) && parameters["chat_id"] is { } chat
            && chatFailures.TryGetValue(long.Parse(chat.ToString(), System.Globalization.CultureInfo.InvariantCulture), out var errors) && errors.TryDequeue(out var error))
        {
            calls.Enqueue(new BotApiCall(method, parameters));
            await WriteAsync(context, error).ConfigureAwait(false);
            return;
        }

        if (failures.TryGetValue(method, out var left) && left > 0)
        {
            failures[method] = left - 1;
            calls.Enqueue(new BotApiCall(method, parameters));
            await WriteAsync(context, Error(400, "Bad Request: failed to get HTTP URL content")).ConfigureAwait(false);
            return;
        }

        var result = method switch
        {
            "getMe" => Ok(new JsonObject { ["id"] = BotId, ["is_bot"] = true, ["first_name"] = "KieBot", ["username"] = "kie_test_bot", ["can_join_groups"] = false }),
            "getUpdates" => Ok(await TakeUpdatesAsync(parameters, context.RequestAborted).ConfigureAwait(false)),
            "setWebhook" => Remember(parameters),
            "deleteWebhook" or "answerCallbackQuery" or "sendChatAction" or "answerPreCheckoutQuery" or "refundStarPayment" or "setChatMenuButton" => Ok(true),
            "sendMessage" or "editMessageText" or "editMessageReplyMarkup" or "sendPhoto" or "sendVideo" or "sendAudio" or "sendDocument" or "sendInvoice" => Ok(Message(method, parameters)),
            "sendMediaGroup" => Ok(new JsonArray(((parameters["media"] as JsonArray) ?? []).Select(_ => (JsonNode)Message("sendPhoto", new JsonObject { ["chat_id"] = parameters["chat_id"]?.DeepClone() })).ToArray())),
            "getFile" => FileInfo(parameters["file_id"]?.GetValue<string>()),
            _ => Error(400, $"Bad Request: method {method} is not implemented by the fake"),
        };
        var call = new BotApiCall(method, parameters) { MessageId = result["result"] is JsonObject m && m["message_id"] is { } id ? id.GetValue<int>() : 0 };
        calls.Enqueue(call);
        await WriteAsync(context, result).ConfigureAwait(false);
        Recorded?.Invoke(call);
    }

    private JsonObject Remember(JsonObject parameters)
    {
        Webhook = parameters;
        return Ok(true);
    }

    private JsonObject Message(string method, JsonObject parameters)
    {
        var id = parameters["message_id"] is { } existing ? int.Parse(existing.ToString(), System.Globalization.CultureInfo.InvariantCulture) : Interlocked.Increment(ref messageId);
        var chatId = long.Parse(parameters["chat_id"]?.ToString() ?? "0", System.Globalization.CultureInfo.InvariantCulture);
        var message = new JsonObject
        {
            ["message_id"] = id,
            ["from"] = new JsonObject { ["id"] = BotId, ["is_bot"] = true, ["first_name"] = "KieBot", ["username"] = "kie_test_bot" },
            ["chat"] = new JsonObject { ["id"] = chatId, ["type"] = "private", ["first_name"] = "Test" },
            ["date"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
        };
        if (parameters["text"] is { } text)
        {
            message["text"] = text.DeepClone();
        }

        if (parameters["caption"] is { } caption)
        {
            message["caption"] = caption.DeepClone();
        }

        if (parameters["reply_markup"] is { } markup)
        {
            message["reply_markup"] = markup.DeepClone();
        }

        switch (method)
        {
            case "sendPhoto":
                message["photo"] = new JsonArray(new JsonObject { ["file_id"] = $"photo-{id}", ["file_unique_id"] = $"u-photo-{id}", ["width"] = 1024, ["height"] = 1024, ["file_size"] = 100_000 });
                break;
            case "sendVideo":
                message["video"] = new JsonObject { ["file_id"] = $"video-{id}", ["file_unique_id"] = $"u-video-{id}", ["width"] = 1280, ["height"] = 720, ["duration"] = 5 };
                break;
            case "sendAudio":
                message["audio"] = new JsonObject { ["file_id"] = $"audio-{id}", ["file_unique_id"] = $"u-audio-{id}", ["duration"] = 30 };
                break;
            case "sendDocument":
                message["document"] = new JsonObject { ["file_id"] = $"doc-{id}", ["file_unique_id"] = $"u-doc-{id}" };
                break;
        }

        return message;
    }

    private JsonObject FileInfo(string? fileId) =>
        fileId is not null && files.TryGetValue(fileId, out var bytes)
            ? Ok(new JsonObject { ["file_id"] = fileId, ["file_unique_id"] = "u-" + fileId, ["file_size"] = bytes.Length, ["file_path"] = "files/" + fileId })
            : Error(400, "Bad Request: invalid file_id");

    private static async Task<JsonObject> ReadParametersAsync(HttpRequest request)
    {
        if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync().ConfigureAwait(false);
            var fields = new JsonObject();
            foreach (var (key, value) in form)
            {
                var text = value.ToString();
                fields[key] = text.StartsWith('{') || text.StartsWith('[') ? JsonNode.Parse(text) : text;
            }

            foreach (var file in form.Files)
            {
                fields[file.Name] = "attach://" + file.FileName;
            }

            return fields;
        }

        using var reader = new StreamReader(request.Body, Encoding.UTF8);
        var body = await reader.ReadToEndAsync().ConfigureAwait(false);
        return string.IsNullOrWhiteSpace(body) ? [] : JsonNode.Parse(body) as JsonObject ?? [];
    }

    private static JsonObject Ok(JsonNode? result) => new() { ["ok"] = true, ["result"] = result };

    private static JsonObject Error(int code, string description) => new() { ["ok"] = false, ["error_code"] = code, ["description"] = description };

    private static async Task WriteAsync(HttpContext context, JsonObject answer)
    {
        context.Response.StatusCode = answer["ok"]!.GetValue<bool>() ? 200 : answer["error_code"]!.GetValue<int>();
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(answer.ToJsonString()).ConfigureAwait(false);
    }
}
