using KieBot.Telegram;

namespace KieBot.Conversation;

/// <summary>
/// One message a streamed answer is written into as it comes: sent at the first text, then edited at most every
/// <see cref="Interval"/> (Telegram allows about one message a second per chat), and finished with its buttons no sooner
/// than an interval after the last edit. Text past Telegram's message limit shows its beginning and "…".
/// </summary>
public sealed class StreamedMessage(IChatSurface chat, long chatId, TimeProvider time)
{
    /// <summary>The least time between two writes of the message.</summary>
    public TimeSpan Interval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Put before the streamed text (a heading), already HTML.</summary>
    public string Heading { get; init; } = string.Empty;

    private DateTimeOffset last;

    private string shown = string.Empty;

    /// <summary>The message, once sent.</summary>
    public int? MessageId { get; private set; }

    /// <summary>The text so far: the first call sends the message, later ones edit it when an interval has passed.</summary>
    public async ValueTask WriteAsync(string text, CancellationToken ct)
    {
        if (MessageId is null)
        {
            MessageId = await chat.SendAsync(chatId, new Screen(Render(text) + " ▌"), ct).ConfigureAwait(false);
            last = time.GetUtcNow();
            shown = text;
            return;
        }

        if (time.GetUtcNow() - last < Interval || text == shown)
        {
            return;
        }

        await chat.EditAsync(chatId, MessageId.Value, new Screen(Render(text) + " ▌"), ct).ConfigureAwait(false);
        last = time.GetUtcNow();
        shown = text;
    }

    /// <summary>The last write: <paramref name="screen"/> in place of the streamed text (sent when nothing was streamed).</summary>
    public async Task<int> FinishAsync(Screen screen, CancellationToken ct)
    {
        if (MessageId is not { } id)
        {
            MessageId = await chat.SendAsync(chatId, screen, ct).ConfigureAwait(false);
            return MessageId.Value;
        }

        var wait = Interval - (time.GetUtcNow() - last);
        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait, time, ct).ConfigureAwait(false);
        }

        MessageId = await chat.EditAsync(chatId, id, screen, ct).ConfigureAwait(false);
        last = time.GetUtcNow();
        return MessageId.Value;
    }

    private string Render(string text)
    {
        var room = TelegramLimits.MessageText - Heading.Length - 8;
        var html = Texts.Html(text);
        return Heading + (html.Length > room ? Texts.Html(text[..Math.Min(text.Length, room / 2)]) + "…" : html);
    }
}
