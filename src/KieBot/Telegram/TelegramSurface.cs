using global::Telegram.Bot;
using global::Telegram.Bot.Exceptions;
using global::Telegram.Bot.Types;
using global::Telegram.Bot.Types.Enums;
using global::Telegram.Bot.Types.ReplyMarkups;
using KieCatalog.Catalog;
using Microsoft.Extensions.Logging;
using KieBot.Conversation;

namespace KieBot.Telegram;

/// <summary>The chat through the Bot API (HTML texts within Telegram's limits, inline keyboards, results by URL with fallbacks).</summary>
public sealed partial class TelegramSurface(ITelegramBotClient bot, ResultFiles files, ILogger<TelegramSurface> logger) : IChatSurface, IPaymentSurface, IBotProfile
{
    private readonly ResultSender sender = new(bot, files, logger);

    public async Task<int> SendAsync(long chatId, Screen screen, CancellationToken cancellationToken)
    {
        try
        {
            var message = await bot.SendMessage(chatId, TelegramLimits.Fit(screen.Text, TelegramLimits.MessageText), ParseMode.Html, replyMarkup: Markup(screen), cancellationToken: cancellationToken).ConfigureAwait(false);
            return message.Id;
        }
        catch (ApiRequestException e) when (e.ErrorCode == 403)
        {
            throw new ChatUnavailableException(chatId, e);
        }
    }

    public async Task<int> EditAsync(long chatId, int messageId, Screen screen, CancellationToken cancellationToken)
    {
        try
        {
            var message = await bot.EditMessageText(chatId, messageId, TelegramLimits.Fit(screen.Text, TelegramLimits.MessageText), ParseMode.Html, replyMarkup: Markup(screen), cancellationToken: cancellationToken).ConfigureAwait(false);
            return message.Id;
        }
        catch (ApiRequestException e) when (e.Message.Contains("not modified", StringComparison.OrdinalIgnoreCase))
        {
            return messageId;
        }
        catch (ApiRequestException e)
        {
            LogEditFailed(messageId, e.ErrorCode, e.Message);
            return await SendAsync(chatId, screen, cancellationToken).ConfigureAwait(false);
        }
    }

    public async Task AnswerAsync(string callbackId, string? alert, CancellationToken cancellationToken)
    {
        try
        {
            await bot.AnswerCallbackQuery(callbackId, alert, showAlert: alert is not null, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (ApiRequestException e)
        {
            // A press older than Telegram's answer window cannot be answered; the screen still changed.
            LogAnswerFailed(e.ErrorCode, e.Message);
        }
    }

    public async Task<IReadOnlyList<string>> DeliverAsync(long chatId, Delivery delivery, CancellationToken cancellationToken)
    {
        var caption = TelegramLimits.Fit(delivery.Caption, TelegramLimits.Caption);
        var markup = delivery.Buttons is { } buttons ? Markup(buttons) : null;
        if (delivery.Tracks.Count > 0)
        {
            return await TrackDelivery.DeliverAsync(bot, sender, chatId, delivery, caption, markup, cancellationToken).ConfigureAwait(false);
        }

        if (delivery.Urls.Count == 0)
        {
            return await DeliverTextAsync(chatId, delivery.Text ?? string.Empty, caption, markup, cancellationToken).ConfigureAwait(false);
        }

        var sent = new List<string>(delivery.Sent.Take(delivery.Urls.Count));
        var asAlbum = delivery.Urls.Count > 1 && delivery.Kind is OutputKind.Image or OutputKind.Video;
        if (asAlbum && sent.Count == 0)
        {
            try
            {
                var media = delivery.Urls.Take(10).Select((url, i) => delivery.Kind == OutputKind.Image
                    ? (IAlbumInputMedia)new InputMediaPhoto(InputFile.FromString(url)) { Caption = i == 0 ? caption : null, ParseMode = ParseMode.Html }
                    : new InputMediaVideo(InputFile.FromString(url)) { Caption = i == 0 ? caption : null, ParseMode = ParseMode.Html });
                var album = await bot.SendMediaGroup(chatId, media, cancellationToken: cancellationToken).ConfigureAwait(false);
                sent.AddRange(album.Select(m => ResultSender.FileId(m) ?? string.Empty));
                sent.AddRange(Enumerable.Repeat(string.Empty, Math.Max(0, delivery.Urls.Count - sent.Count)));
                await delivery.ReportAsync(sent, cancellationToken).ConfigureAwait(false);
            }
            catch (ApiRequestException e)
            {
                LogSendFailed(delivery.Kind, e.ErrorCode, e.Message);
            }
        }

        if (asAlbum && sent.Count == delivery.Urls.Count)
        {
            // The album went out (now or before a stop): its buttons follow in a message of their own.
            if (markup is not null)
            {
                await bot.SendMessage(chatId, caption, ParseMode.Html, replyMarkup: markup, cancellationToken: cancellationToken).ConfigureAwait(false);
            }

            return sent.Where(id => id.Length > 0).ToList();
        }

        for (var i = sent.Count; i < delivery.Urls.Count; i++)
        {
            var last = i == delivery.Urls.Count - 1;
            sent.Add(await sender.SendAsync(chatId, delivery.Kind, delivery.Urls[i], caption, last ? markup : null, cancellationToken).ConfigureAwait(false) ?? string.Empty);
            await delivery.ReportAsync(sent, cancellationToken).ConfigureAwait(false);
        }

        return sent.Where(id => id.Length > 0).ToList();
    }

    /// <summary>A text result: messages of at most 4096 characters, or a .txt file when it would take more than three.</summary>
    private async Task<IReadOnlyList<string>> DeliverTextAsync(long chatId, string text, string caption, InlineKeyboardMarkup? markup, CancellationToken ct)
    {
        var parts = TelegramLimits.Split(KieBot.Conversation.Texts.Html(text)).ToList();
        if (parts.Count > 3)
        {
            using var content = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(text));
            var document = await bot.SendDocument(chatId, InputFile.FromStream(content, "result.txt"), caption, ParseMode.Html, replyMarkup: markup, cancellationToken: ct).ConfigureAwait(false);
            return ResultSender.FileId(document) is { } id ? [id] : [];
        }

        await bot.SendMessage(chatId, caption, ParseMode.Html, cancellationToken: ct).ConfigureAwait(false);
        for (var i = 0; i < parts.Count; i++)
        {
            await bot.SendMessage(chatId, parts[i], ParseMode.Html, replyMarkup: i == parts.Count - 1 ? markup : null, cancellationToken: ct).ConfigureAwait(false);
        }

        return [];
    }

    public async Task ShowActivityAsync(long chatId, OutputKind kind, CancellationToken cancellationToken)
    {
        var action = kind switch
        {
            OutputKind.Image => ChatAction.UploadPhoto,
            OutputKind.Video => ChatAction.UploadVideo,
            OutputKind.Audio => ChatAction.RecordVoice,
            _ => ChatAction.Typing,
        };
        try
        {
            await bot.SendChatAction(chatId, action, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (ApiRequestException e)
        {
            LogActionFailed(e.ErrorCode);
        }
    }

    private string? username;

    public async Task<int> ForwardFileAsync(long chatId, IncomingFile file, Screen screen, CancellationToken cancellationToken)
    {
        var caption = TelegramLimits.Fit(screen.Text, TelegramLimits.Caption);
        var message = file.Kind == FileKind.Photo
            ? await bot.SendPhoto(chatId, InputFile.FromFileId(file.FileId), caption, ParseMode.Html, replyMarkup: Markup(screen), cancellationToken: cancellationToken).ConfigureAwait(false)
            : await bot.SendDocument(chatId, InputFile.FromFileId(file.FileId), caption, ParseMode.Html, replyMarkup: Markup(screen), cancellationToken: cancellationToken).ConfigureAwait(false);
        return message.MessageId;
    }

    public async Task<string> BotUsernameAsync(CancellationToken cancellationToken) =>
        username ??= (await bot.GetMe(cancellationToken).ConfigureAwait(false)).Username ?? "bot";

    public Task SetMenuAppAsync(string text, Uri url, CancellationToken cancellationToken) =>
        bot.SetChatMenuButton(menuButton: new global::Telegram.Bot.Types.MenuButtonWebApp { Text = text, WebApp = new global::Telegram.Bot.Types.WebAppInfo(url.AbsoluteUri) }, cancellationToken: cancellationToken);

    public Task RefundStarsAsync(long userId, string chargeId, CancellationToken cancellationToken) =>
        bot.RefundStarPayment(userId, chargeId, cancellationToken);

    public Task SendInvoiceAsync(long chatId, string title, string description, string payload, long stars, CancellationToken cancellationToken) =>
        bot.SendInvoice(chatId, title: title, description: description, payload: payload, currency: "XTR", prices: [new global::Telegram.Bot.Types.Payments.LabeledPrice(title, stars)], cancellationToken: cancellationToken);

    public Task AnswerPreCheckoutAsync(string queryId, string? error, CancellationToken cancellationToken) =>
        bot.AnswerPreCheckoutQuery(queryId, error, cancellationToken);

    public async Task<Stream> OpenFileAsync(IncomingFile file, CancellationToken cancellationToken)
    {
        var info = await bot.GetFile(file.FileId, cancellationToken).ConfigureAwait(false);
        var buffer = new MemoryStream();
        await bot.DownloadFile(info, buffer, cancellationToken).ConfigureAwait(false);
        buffer.Position = 0;
        return buffer;
    }

    private static InlineKeyboardMarkup? Markup(Screen screen) =>
        screen.Keyboard.Count == 0
            ? null
            : new InlineKeyboardMarkup(screen.Keyboard.Select(row => row.Select(b => b.WebApp is { } app
                ? InlineKeyboardButton.WithWebApp(TelegramLimits.Fit(KieBot.Conversation.Texts.Plain(b.Text), TelegramLimits.ButtonText), new global::Telegram.Bot.Types.WebAppInfo(app.AbsoluteUri))
                : InlineKeyboardButton.WithCallbackData(TelegramLimits.Fit(KieBot.Conversation.Texts.Plain(b.Text), TelegramLimits.ButtonText), b.Data))));

    [LoggerMessage(Level = LogLevel.Warning, Message = "Editing message {MessageId} failed ({Code}: {Reason}); sent a new one")]
    private partial void LogEditFailed(int messageId, int code, string reason);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Answering a button press failed ({Code}: {Reason})")]
    private partial void LogAnswerFailed(int code, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sending a {Kind} result failed ({Code}: {Reason}); fell back")]
    private partial void LogSendFailed(OutputKind kind, int code, string reason);

    [LoggerMessage(Level = LogLevel.Debug, Message = "A chat action failed ({Code})")]
    private partial void LogActionFailed(int code);
}
