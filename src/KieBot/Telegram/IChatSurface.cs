namespace KieBot.Telegram;

/// <summary>Where the bot's answers go: Telegram through the Bot API, or the console chat.</summary>
public interface IChatSurface
{
    /// <summary>Sends a screen; returns its message id.</summary>
    Task<int> SendAsync(long chatId, Screen screen, CancellationToken cancellationToken);

    /// <summary>Replaces a message's text and buttons; sends a new message when the old one cannot be edited.</summary>
    Task<int> EditAsync(long chatId, int messageId, Screen screen, CancellationToken cancellationToken);

    /// <summary>Acknowledges a button press, with a short alert when <paramref name="alert"/> is set.</summary>
    Task AnswerAsync(string callbackId, string? alert, CancellationToken cancellationToken);

    /// <summary>Delivers a generation's result; returns what can re-send it later (Telegram file ids, or the URLs).</summary>
    Task<IReadOnlyList<string>> DeliverAsync(long chatId, Delivery delivery, CancellationToken cancellationToken);

    /// <summary>Shows "uploading a photo…" and the like while a generation runs.</summary>
    Task ShowActivityAsync(long chatId, KieCatalog.Catalog.OutputKind kind, CancellationToken cancellationToken);

    /// <summary>Opens a file the user sent.</summary>
    Task<Stream> OpenFileAsync(IncomingFile file, CancellationToken cancellationToken);
}

/// <summary>What only the payment features need of the chat: Stars invoices, pre-checkout answers, refunds, a receipt forwarded to the admin.</summary>
public interface IPaymentSurface
{
    /// <summary>Sends a Telegram Stars invoice (currency XTR) whose payload names the stored invoice.</summary>
    Task SendInvoiceAsync(long chatId, string title, string description, string payload, long stars, CancellationToken cancellationToken);

    /// <summary>Answers a pre-checkout query: ok when <paramref name="error"/> is null.</summary>
    Task AnswerPreCheckoutAsync(string queryId, string? error, CancellationToken cancellationToken);

    /// <summary>Returns a Stars payment to the user (Telegram's refundStarPayment).</summary>
    Task RefundStarsAsync(long userId, string chargeId, CancellationToken cancellationToken);

    /// <summary>Sends on a file a user sent (a receipt to the admin) with the screen's text as its caption and its buttons; returns its message id.</summary>
    Task<int> ForwardFileAsync(long chatId, IncomingFile file, Screen screen, CancellationToken cancellationToken);

}

/// <summary>Who the bot is on Telegram (for referral links) and its menu button.</summary>
public interface IBotProfile
{
    /// <summary>The bot's @username.</summary>
    Task<string> BotUsernameAsync(CancellationToken cancellationToken);

    /// <summary>Makes the bot's menu button (every private chat's) open the Mini App at <paramref name="url"/>.</summary>
    Task SetMenuAppAsync(string text, Uri url, CancellationToken cancellationToken);
}
