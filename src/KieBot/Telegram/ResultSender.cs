using global::Telegram.Bot;
using global::Telegram.Bot.Exceptions;
using global::Telegram.Bot.Types;
using global::Telegram.Bot.Types.Enums;
using global::Telegram.Bot.Types.ReplyMarkups;
using KieCatalog.Catalog;
using Microsoft.Extensions.Logging;

namespace KieBot.Telegram;

/// <summary>One result file through the Bot API: by URL (or file id) first; then downloaded and uploaded; then, beyond Telegram's limits, as a link.</summary>
internal sealed partial class ResultSender(ITelegramBotClient bot, ResultFiles files, ILogger logger)
{
    /// <summary>
    /// Sends <paramref name="url"/> as <paramref name="kind"/>; returns its Telegram file id, or null when it went as a link.
    /// An audio file carries <paramref name="title"/>; a PNG image also goes out as a document (Telegram recompresses
    /// photos) unless <paramref name="original"/> is false.
    /// </summary>
    public async Task<string?> SendAsync(long chatId, OutputKind kind, string url, string caption, InlineKeyboardMarkup? markup, CancellationToken ct, string? title = null, bool original = true)
    {
        try
        {
            var message = await SendFileAsync(chatId, kind, InputFile.FromString(url), caption, markup, title, ct).ConfigureAwait(false);
            if (original)
            {
                await SendPngOriginalAsync(chatId, kind, url, InputFile.FromString(url), ct).ConfigureAwait(false);
            }

            return FileId(message);
        }
        catch (ApiRequestException e)
        {
            LogSendFailed(kind, e.ErrorCode, e.Message);
        }

        if (Uri.TryCreate(url, UriKind.Absolute, out _) && await files.DownloadAsync(url, ct).ConfigureAwait(false) is { } content)
        {
            await using (content)
            {
                try
                {
                    var message = await SendFileAsync(chatId, kind, InputFile.FromStream(content, FileNameOf(url, kind)), caption, markup, title, ct).ConfigureAwait(false);
                    return FileId(message);
                }
                catch (ApiRequestException e)
                {
                    LogSendFailed(kind, e.ErrorCode, e.Message);
                }
            }
        }

        await bot.SendMessage(chatId, caption + "\n" + KieBot.Conversation.Texts.Html(url), ParseMode.Html, replyMarkup: markup, cancellationToken: ct).ConfigureAwait(false);
        return null;
    }

    public static string? FileId(Message message) =>
        message.Photo?.MaxBy(p => (long)p.Width * p.Height)?.FileId ?? message.Video?.FileId ?? message.Audio?.FileId ?? message.Document?.FileId;

    private Task<Message> SendFileAsync(long chatId, OutputKind kind, InputFile file, string caption, InlineKeyboardMarkup? markup, string? title, CancellationToken ct) => kind switch
    {
        OutputKind.Image => bot.SendPhoto(chatId, file, caption, ParseMode.Html, replyMarkup: markup, cancellationToken: ct),
        OutputKind.Video => bot.SendVideo(chatId, file, caption, ParseMode.Html, replyMarkup: markup, cancellationToken: ct),
        OutputKind.Audio => bot.SendAudio(chatId, file, caption, ParseMode.Html, replyMarkup: markup, title: title, cancellationToken: ct),
        _ => bot.SendDocument(chatId, file, caption, ParseMode.Html, replyMarkup: markup, cancellationToken: ct),
    };

    /// <summary>Telegram recompresses photos: a PNG result also goes out as a document, the original.</summary>
    private async Task SendPngOriginalAsync(long chatId, OutputKind kind, string url, InputFile file, CancellationToken ct)
    {
        if (kind != OutputKind.Image || !url.EndsWith(".png", StringComparison.OrdinalIgnoreCase))
        {
            return;
        }

        try
        {
            await bot.SendDocument(chatId, file, cancellationToken: ct).ConfigureAwait(false);
        }
        catch (ApiRequestException e)
        {
            LogSendFailed(kind, e.ErrorCode, e.Message);
        }
    }

    private static string FileNameOf(string url, OutputKind kind)
    {
        var name = Uri.TryCreate(url, UriKind.Absolute, out var uri) ? Path.GetFileName(uri.AbsolutePath) : string.Empty;
        return name.Length > 0 ? name : kind switch
        {
            OutputKind.Image => "result.png",
            OutputKind.Video => "result.mp4",
            OutputKind.Audio => "result.mp3",
            _ => "result.txt",
        };
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sending a {Kind} result failed ({Code}: {Reason}); fell back")]
    private partial void LogSendFailed(OutputKind kind, int code, string reason);
}
