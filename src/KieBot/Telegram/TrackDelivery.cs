using global::Telegram.Bot;
using global::Telegram.Bot.Types.Enums;
using global::Telegram.Bot.Types.ReplyMarkups;
using KieCatalog.Catalog;
using KieBot.Conversation;

namespace KieBot.Telegram;

/// <summary>
/// A result that comes as songs (<see cref="Delivery.Tracks"/>: Suno's two per task) through the Bot API: for each track
/// its cover art with the title, then the audio under that title; then the lyrics they sing (once when both sing the
/// same). Each message is one part of <see cref="Delivery.Sent"/>, so a delivery a stop interrupted resumes after the
/// last accepted one; the last message carries the buttons.
/// </summary>
internal static class TrackDelivery
{
    private const string MusicNote = "🎵 ";

    public static async Task<IReadOnlyList<string>> DeliverAsync(ITelegramBotClient bot, ResultSender sender, long chatId, Delivery delivery, string caption, InlineKeyboardMarkup? markup, CancellationToken ct)
    {
        var parts = Parts(delivery, caption);
        var sent = new List<string>(delivery.Sent.Take(parts.Count));
        for (var i = sent.Count; i < parts.Count; i++)
        {
            var part = parts[i];
            var buttons = i == parts.Count - 1 ? markup : null;
            var id = part.Kind == OutputKind.Text
                ? await SendTextAsync(bot, chatId, part.Text, buttons, ct).ConfigureAwait(false)
                : await sender.SendAsync(chatId, part.Kind, part.Text, part.Caption, buttons, ct, part.Title, original: false).ConfigureAwait(false);
            sent.Add(id ?? string.Empty);
            await delivery.ReportAsync(sent, ct).ConfigureAwait(false);
        }

        // What re-sends the result later: the audio files, not the covers or the lyrics.
        return [.. sent.Where((id, i) => id.Length > 0 && parts[i].Kind == OutputKind.Audio)];
    }

    /// <summary>The messages of the delivery, in order (the same each time, so that a resumed delivery skips the sent ones).</summary>
    private static List<Part> Parts(Delivery delivery, string caption)
    {
        var parts = new List<Part>();
        foreach (var track in delivery.Tracks)
        {
            var title = string.IsNullOrWhiteSpace(track.Title) ? null : track.Title.Trim();
            var named = title is null ? caption : MusicNote + "<b>" + Texts.Html(title) + "</b>\n" + caption;
            if (track.CoverUrl is { } cover)
            {
                parts.Add(new Part(OutputKind.Image, cover, TelegramLimits.Fit(named, TelegramLimits.Caption), null));
            }

            parts.Add(new Part(OutputKind.Audio, track.AudioUrl, TelegramLimits.Fit(named, TelegramLimits.Caption), title));
        }

        foreach (var lyrics in delivery.Tracks.Where(t => !string.IsNullOrWhiteSpace(t.Lyrics)).GroupBy(t => t.Lyrics!.Trim(), StringComparer.Ordinal))
        {
            var title = lyrics.First().Title;
            var text = (string.IsNullOrWhiteSpace(title) ? string.Empty : MusicNote + "<b>" + Texts.Html(title.Trim()) + "</b>\n\n") + Texts.Html(lyrics.Key);
            parts.AddRange(TelegramLimits.Split(text).Select(t => new Part(OutputKind.Text, t, string.Empty, null)));
        }

        return parts;
    }

    private static async Task<string?> SendTextAsync(ITelegramBotClient bot, long chatId, string text, InlineKeyboardMarkup? markup, CancellationToken ct)
    {
        await bot.SendMessage(chatId, text, ParseMode.Html, replyMarkup: markup, cancellationToken: ct).ConfigureAwait(false);
        return null;
    }

    /// <summary>One message: a cover or an audio file by URL (with its caption, an audio with its title), or a text.</summary>
    private sealed record Part(OutputKind Kind, string Text, string Caption, string? Title);
}
