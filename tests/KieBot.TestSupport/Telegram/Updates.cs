using System.Text.Json.Nodes;

namespace KieBot.TestSupport.Telegram;

/// <summary>Real Bot API update JSON for a private chat with one user.</summary>
public sealed class Updates(long userId, string languageCode = "en", string username = "ann")
{
    private static long next = 700_000_000;
    private int messageId = 1;

    public long UserId { get; } = userId;

    public JsonObject Text(string text) => Envelope("message", Message(new JsonObject { ["text"] = text }, text.StartsWith('/') ? text.Split(' ')[0].Length : 0));

    public JsonObject Press(string data, int messageId) => Envelope("callback_query", new JsonObject
    {
        ["id"] = Guid.NewGuid().ToString("N")[..16],
        ["from"] = From(),
        ["message"] = new JsonObject
        {
            ["message_id"] = messageId,
            ["from"] = new JsonObject { ["id"] = FakeBotApi.BotId, ["is_bot"] = true, ["first_name"] = "KieBot", ["username"] = "kie_test_bot" },
            ["chat"] = Chat(),
            ["date"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
            ["text"] = "…",
        },
        ["chat_instance"] = "-5327498213459745",
        ["data"] = data,
    });

    public JsonObject Photo(string fileId, int size = 50_000) => Envelope("message", Message(new JsonObject
    {
        ["photo"] = new JsonArray(
            new JsonObject { ["file_id"] = fileId + "-small", ["file_unique_id"] = "s" + fileId, ["file_size"] = 1_000, ["width"] = 90, ["height"] = 90 },
            new JsonObject { ["file_id"] = fileId, ["file_unique_id"] = "u" + fileId, ["file_size"] = size, ["width"] = 1280, ["height"] = 960 }),
    }, 0));

    /// <summary>A photo with a caption (Telegram sends the caption beside the photo sizes).</summary>
    public JsonObject Photo(string fileId, string caption)
    {
        var update = Photo(fileId);
        update["message"]!["caption"] = caption;
        return update;
    }

    public JsonObject Document(string fileId, string fileName, string mimeType, string? caption = null) => Envelope("message", Message(new JsonObject
    {
        ["document"] = new JsonObject { ["file_id"] = fileId, ["file_unique_id"] = "u" + fileId, ["file_name"] = fileName, ["mime_type"] = mimeType, ["file_size"] = 120_000 },
        ["caption"] = caption,
    }, 0));

    public JsonObject Video(string fileId, int size = 500_000, int seconds = 4) => Envelope("message", Message(new JsonObject
    {
        ["video"] = new JsonObject { ["file_id"] = fileId, ["file_unique_id"] = "u" + fileId, ["width"] = 1280, ["height"] = 720, ["duration"] = seconds, ["mime_type"] = "video/mp4", ["file_size"] = size },
    }, 0));

    public JsonObject Audio(string fileId, int size = 200_000, int seconds = 12) => Envelope("message", Message(new JsonObject
    {
        ["audio"] = new JsonObject { ["file_id"] = fileId, ["file_unique_id"] = "u" + fileId, ["duration"] = seconds, ["mime_type"] = "audio/mpeg", ["file_name"] = "voice.mp3", ["file_size"] = size },
    }, 0));

    /// <summary>A voice message (OGG/Opus) of <paramref name="seconds"/>, as Telegram reports it.</summary>
    public JsonObject Voice(string fileId, int seconds, int size = 20_000) => Envelope("message", Message(new JsonObject
    {
        ["voice"] = new JsonObject { ["file_id"] = fileId, ["file_unique_id"] = "u" + fileId, ["duration"] = seconds, ["mime_type"] = "audio/ogg", ["file_size"] = size },
    }, 0));

    public JsonObject PreCheckout(string payload, long stars, string currency = "XTR") => Envelope("pre_checkout_query", new JsonObject
    {
        ["id"] = Guid.NewGuid().ToString("N")[..16],
        ["from"] = From(),
        ["currency"] = currency,
        ["total_amount"] = stars,
        ["invoice_payload"] = payload,
    });

    public JsonObject Paid(string chargeId, string payload, long stars) => Envelope("message", Message(new JsonObject
    {
        ["successful_payment"] = new JsonObject
        {
            ["currency"] = "XTR",
            ["total_amount"] = stars,
            ["invoice_payload"] = payload,
            ["telegram_payment_charge_id"] = chargeId,
            ["provider_payment_charge_id"] = string.Empty,
        },
    }, 0));

    private JsonObject Message(JsonObject content, int commandLength)
    {
        var message = new JsonObject
        {
            ["message_id"] = Interlocked.Increment(ref messageId),
            ["from"] = From(),
            ["chat"] = Chat(),
            ["date"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
        };
        foreach (var (key, value) in content)
        {
            message[key] = value?.DeepClone();
        }

        if (commandLength > 0)
        {
            message["entities"] = new JsonArray(new JsonObject { ["offset"] = 0, ["length"] = commandLength, ["type"] = "bot_command" });
        }

        return message;
    }

    private static JsonObject Envelope(string kind, JsonObject body) =>
        new() { ["update_id"] = NextId(), [kind] = body };

    /// <summary>A fresh update id, above every one handed out before (Telegram numbers updates in the order it delivers them).</summary>
    public static long NextId() => Interlocked.Increment(ref next);

    private JsonObject From() => new() { ["id"] = UserId, ["is_bot"] = false, ["first_name"] = "Ann", ["username"] = username, ["language_code"] = languageCode };

    private JsonObject Chat() => new() { ["id"] = UserId, ["first_name"] = "Ann", ["username"] = username, ["type"] = "private" };
}
