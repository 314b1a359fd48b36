namespace KieBot.Telegram;

/// <summary>What kind of file a user sent.</summary>
public enum FileKind
{
    Photo,
    Video,
    Audio,
    Voice,
    Document,
}

/// <summary>
/// A file in a user's message: Telegram's file id (or a local path in the console chat) and what is known of it;
/// <paramref name="Seconds"/> is the playing length Telegram reports for a video, an audio or a voice message.
/// </summary>
public sealed record IncomingFile(string FileId, FileKind Kind, string? FileName, string? MimeType, long? Size, int? Seconds = null);

/// <summary>Telegram asks whether a Stars payment may go ahead (answer within 10 s).</summary>
public sealed record PreCheckout(string Id, string Payload, string Currency, long TotalAmount);

/// <summary>A Stars payment went through.</summary>
public sealed record PaymentDone(string ChargeId, string Payload, string Currency, long TotalAmount);

/// <summary>
/// One thing a user did, whatever the transport (Telegram update or console line): a message (text and/or file) or a
/// button press (callback data).
/// </summary>
public sealed record BotUpdate
{
    public required long UpdateId { get; init; }

    public required long UserId { get; init; }

    public required long ChatId { get; init; }

    public string? Username { get; init; }

    public string? LanguageCode { get; init; }

    public string? Text { get; init; }

    public IncomingFile? File { get; init; }

    public string? CallbackData { get; init; }

    public string? CallbackId { get; init; }

    /// <summary>The message whose button was pressed.</summary>
    public int? CallbackMessageId { get; init; }

    public PreCheckout? PreCheckout { get; init; }

    public PaymentDone? Payment { get; init; }

    public bool IsCallback => CallbackData is not null;
}
