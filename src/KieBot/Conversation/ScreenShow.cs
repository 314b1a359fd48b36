using KieBot.Telegram;

namespace KieBot.Conversation;

/// <summary>Showing a screen in a turn: in place of the message whose button was pressed, else as a new message.</summary>
public static class ScreenShow
{
    public static async Task ShowAsync(this IChatSurface chat, Turn turn, Screen screen, CancellationToken ct)
    {
        var id = turn.Update.CallbackMessageId is { } pressed
            ? await chat.EditAsync(turn.ChatId, pressed, screen, ct).ConfigureAwait(false)
            : await chat.SendAsync(turn.ChatId, screen, ct).ConfigureAwait(false);
        turn.State = turn.State with { MessageId = id };
    }
}
