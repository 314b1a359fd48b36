using global::Telegram.Bot;
using global::Telegram.Bot.Exceptions;
using global::Telegram.Bot.Types;
using global::Telegram.Bot.Types.Enums;
using global::Telegram.Bot.Types.ReplyMarkups;
using KieCatalog.Catalog;
using Microsoft.Extensions.Logging;

namespace KieBot.Telegram;

/// <summary>The chat through the Bot API (HTML texts within Telegram's limits, inline keyboards, results by URL with fallbacks).</summary>
public sealed partial class TelegramSurface(ITelegramBotClient bot, ILogger<TelegramSurface> logger) : IChatSurface
{
    public async Task<int> SendAsync(long chatId, Screen screen, CancellationToken cancellationToken)
    {
        var message = await bot.SendMessage(chatId, TelegramLimits.Fit(screen.Text, TelegramLimits.MessageText), ParseMode.Html, replyMarkup: Markup(screen), cancellationToken: cancellationToken).ConfigureAwait(false);
        return message.Id;
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

    public async Task DeliverAsync(long chatId, Delivery delivery, CancellationToken cancellationToken)
    {
        var caption = TelegramLimits.Fit(delivery.Caption, TelegramLimits.Caption);
        var markup = delivery.Buttons is { } buttons ? Markup(buttons) : null;
        if (delivery.Urls.Count == 0)
        {
            var parts = TelegramLimits.Split(KieBot.Flows.Texts.Html(delivery.Text ?? string.Empty)).ToList();
            await bot.SendMessage(chatId, caption, ParseMode.Html, cancellationToken: cancellationToken).ConfigureAwait(false);
            for (var i = 0; i < parts.Count; i++)
            {
                await bot.SendMessage(chatId, parts[i], ParseMode.Html, replyMarkup: i == parts.Count - 1 ? markup : null, cancellationToken: cancellationToken).ConfigureAwait(false);
            }

            return;
        }

        if (delivery.Urls.Count > 1 && delivery.Kind is OutputKind.Image or OutputKind.Video)
        {
            try
            {
                var media = delivery.Urls.Take(10).Select((url, i) => delivery.Kind == OutputKind.Image
                    ? (IAlbumInputMedia)new InputMediaPhoto(InputFile.FromUri(url)) { Caption = i == 0 ? caption : null, ParseMode = ParseMode.Html }
                    : new InputMediaVideo(InputFile.FromUri(url)) { Caption = i == 0 ? caption : null, ParseMode = ParseMode.Html });
                await bot.SendMediaGroup(chatId, media, cancellationToken: cancellationToken).ConfigureAwait(false);
                if (markup is not null)
                {
                    await bot.SendMessage(chatId, caption, ParseMode.Html, replyMarkup: markup, cancellationToken: cancellationToken).ConfigureAwait(false);
                }

                return;
            }
            catch (ApiRequestException e)
            {
                LogSendFailed(delivery.Kind, e.ErrorCode, e.Message);
            }
        }

        foreach (var url in delivery.Urls)
        {
            var last = ReferenceEquals(url, delivery.Urls[^1]);
            try
            {
                var file = InputFile.FromUri(url);
                _ = delivery.Kind switch
                {
                    OutputKind.Image => await bot.SendPhoto(chatId, file, caption, ParseMode.Html, replyMarkup: last ? markup : null, cancellationToken: cancellationToken).ConfigureAwait(false),
                    OutputKind.Video => await bot.SendVideo(chatId, file, caption, ParseMode.Html, replyMarkup: last ? markup : null, cancellationToken: cancellationToken).ConfigureAwait(false),
                    OutputKind.Audio => await bot.SendAudio(chatId, file, caption, ParseMode.Html, replyMarkup: last ? markup : null, cancellationToken: cancellationToken).ConfigureAwait(false),
                    _ => await bot.SendDocument(chatId, file, caption, ParseMode.Html, replyMarkup: last ? markup : null, cancellationToken: cancellationToken).ConfigureAwait(false),
                };
            }
            catch (ApiRequestException e)
            {
                // Telegram could not fetch or accept the file: the link still reaches the user.
                LogSendFailed(delivery.Kind, e.ErrorCode, e.Message);
                await bot.SendMessage(chatId, caption + "\n" + KieBot.Flows.Texts.Html(url), ParseMode.Html, replyMarkup: last ? markup : null, cancellationToken: cancellationToken).ConfigureAwait(false);
            }
        }
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
            : new InlineKeyboardMarkup(screen.Keyboard.Select(row => row.Select(b => InlineKeyboardButton.WithCallbackData(TelegramLimits.Fit(KieBot.Flows.Texts.Plain(b.Text), TelegramLimits.ButtonText), b.Data))));

    [LoggerMessage(Level = LogLevel.Warning, Message = "Editing message {MessageId} failed ({Code}: {Reason}); sent a new one")]
    private partial void LogEditFailed(int messageId, int code, string reason);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Answering a button press failed ({Code}: {Reason})")]
    private partial void LogAnswerFailed(int code, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sending a {Kind} result failed ({Code}: {Reason}); fell back")]
    private partial void LogSendFailed(OutputKind kind, int code, string reason);

    [LoggerMessage(Level = LogLevel.Debug, Message = "A chat action failed ({Code})")]
    private partial void LogActionFailed(int code);
}
