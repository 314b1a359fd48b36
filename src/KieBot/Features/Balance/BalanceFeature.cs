using KieBot.Conversation;
using KieBot.Storage;
using KieBot.Telegram;

namespace KieBot.Features.Balance;

/// <summary>The balance screen (<c>/balance</c>, the menu's button): available and reserved credits, and every feature's way to add more.</summary>
public sealed class BalanceFeature(IBotStore store, IChatSurface chat, Pricing pricing) : IFeature
{
    public string Name => "balance";

    public IReadOnlyList<string> Buttons { get; } = [BotCallbacks.Balance];

    public IEnumerable<IReadOnlyList<Button>> MenuRows(Turn turn) => [[new Button(turn.T("btn.balance"), BotCallbacks.Balance)]];

    public Task<Reply> OnButtonAsync(Turn turn, string data, CancellationToken cancellationToken) => ShowAsync(turn, cancellationToken);

    public async Task<Reply?> OnCommandAsync(Turn turn, string command, string? argument, CancellationToken cancellationToken) =>
        command == "/balance" ? await ShowAsync(turn, cancellationToken).ConfigureAwait(false) : null;

    private async Task<Reply> ShowAsync(Turn turn, CancellationToken ct)
    {
        var balance = await store.Ledger.GetBalanceAsync(turn.User.Id, ct).ConfigureAwait(false);
        turn.State = new FlowState();
        var rows = turn.Shared.BalanceButtons(turn).Select(b => (IReadOnlyList<Button>)[b]).ToList();
        rows.Add(Keyboards.MenuOnly(turn));
        var text = turn.T("balance", ("available", balance.Available), ("rub", pricing.Rubles(balance.Available)), ("reserved", balance.Reserved));
        await chat.ShowAsync(turn, new Screen(text, rows), ct).ConfigureAwait(false);
        return Reply.Shown;
    }
}
