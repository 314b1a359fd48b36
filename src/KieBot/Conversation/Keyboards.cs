using KieBot.Telegram;

namespace KieBot.Conversation;

/// <summary>Common button rows.</summary>
internal static class Keyboards
{
    public static IReadOnlyList<Button> BackCancel(Turn turn) =>
        [new(turn.T("btn.back"), BotCallbacks.Back), new(turn.T("btn.cancel"), BotCallbacks.Cancel)];

    public static IReadOnlyList<Button> BackMenu(Turn turn) =>
        [new(turn.T("btn.back"), BotCallbacks.Back), new(turn.T("btn.menu"), BotCallbacks.Menu)];

    public static IReadOnlyList<Button> MenuOnly(Turn turn) => [new(turn.T("btn.menu"), BotCallbacks.Menu)];

    /// <summary>Buttons two per row.</summary>
    public static List<IReadOnlyList<Button>> Pairs(IEnumerable<Button> buttons) =>
        buttons.Chunk(2).Select(pair => (IReadOnlyList<Button>)pair).ToList();
}
