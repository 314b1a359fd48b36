using System.Globalization;
using KieBot.Conversation;
using KieBot.Telegram;

namespace KieBot.Features.Payments.Bank;

/// <summary>
/// The bank transfer screens: the details and how to send the receipt (the next file the user sends is the receipt),
/// the receipt itself, and the admin's approve / reject buttons on it.
/// </summary>
public sealed class BankFeature(BankTransfers bank, IChatSurface chat, Admins admins, Pricing pricing) : IFeature
{
    /// <summary>The balance screen's "bank transfer" button.</summary>
    public const string Open = "bank";
    private const string ReceiptStep = "receipt";

    public string Name => "bank";

    public bool Enabled => bank.Enabled;

    public IReadOnlyList<string> Buttons { get; } = [Open, BankTransfers.ApprovePrefix, BankTransfers.RejectPrefix];

    public IEnumerable<Button> BalanceButtons(Turn turn) => [new Button(turn.T("btn.bank"), Open)];

    public async Task<Reply> OnButtonAsync(Turn turn, string data, CancellationToken cancellationToken)
    {
        if (data == Open)
        {
            await ShowDetailsAsync(turn, cancellationToken).ConfigureAwait(false);
            return Reply.Shown;
        }

        // An approve or reject: only an admin's press counts; anyone else's changes nothing.
        return data != BotCallbacks.Back && await admins.IsAdminAsync(turn.User.Id, cancellationToken).ConfigureAwait(false)
            ? Reply.Alert(await DecideAsync(turn, data, cancellationToken).ConfigureAwait(false))
            : Reply.Outdated;
    }

    public async Task<Reply> OnMessageAsync(Turn turn, CancellationToken cancellationToken)
    {
        if (turn.State.Step == ReceiptStep && turn.Update.File is { } file)
        {
            await AcceptReceiptAsync(turn, file, cancellationToken).ConfigureAwait(false);
            return Reply.Shown;
        }

        await SendAsync(turn, turn.T("bank.need_file"), cancellationToken).ConfigureAwait(false);
        return Reply.Shown;
    }

    /// <summary>A conversation saved waiting for a receipt before the bank transfer was a feature of its own.</summary>
    public FlowState? Upgrade(System.Text.Json.Nodes.JsonObject saved) => (string?)saved["Step"] == "Receipt" ? FlowState.WaitingOn(Name, ReceiptStep) : null;

    /// <summary>The bank details and how to send the receipt.</summary>
    private async Task ShowDetailsAsync(Turn turn, CancellationToken ct)
    {
        turn.State = FlowState.WaitingOn(Name, ReceiptStep);
        var text = turn.T(
            "bank.ask",
            ("details", bank.Details),
            ("max", bank.MaxRubles.ToString("0.##", CultureInfo.InvariantCulture)),
            ("rate", pricing.RublesPerCredit.ToString("0.####", CultureInfo.InvariantCulture)));
        await chat.ShowAsync(turn, new Screen(text, [Keyboards.MenuOnly(turn)]), ct).ConfigureAwait(false);
    }

    /// <summary>A receipt: its caption must name the amount; it goes to the admin and the user is told to wait.</summary>
    private async Task AcceptReceiptAsync(Turn turn, IncomingFile file, CancellationToken ct)
    {
        if (file.Kind is not (FileKind.Photo or FileKind.Document))
        {
            await SendAsync(turn, turn.T("bank.need_file"), ct).ConfigureAwait(false);
            return;
        }

        if (bank.ParseRubles(turn.Update.Text) is not { } rubles)
        {
            await SendAsync(turn, turn.T("bank.amount", ("max", bank.MaxRubles.ToString("0.##", CultureInfo.InvariantCulture))), ct).ConfigureAwait(false);
            return;
        }

        var transfer = await bank.SubmitAsync(turn.User, turn.ChatId, file, rubles, ct).ConfigureAwait(false);
        turn.State = new FlowState();
        await SendAsync(turn, turn.T("bank.sent", ("rub", rubles.ToString("0.##", CultureInfo.InvariantCulture)), ("credits", transfer.Credits)), ct).ConfigureAwait(false);
    }

    /// <summary>The admin's decision, applied once; the admin reads the outcome as the button's alert and as a message.</summary>
    private async Task<string> DecideAsync(Turn turn, string data, CancellationToken ct)
    {
        var approve = data.StartsWith(BankTransfers.ApprovePrefix, StringComparison.Ordinal);
        var id = data[(approve ? BankTransfers.ApprovePrefix : BankTransfers.RejectPrefix).Length..];
        var transfer = await bank.DecideAsync(turn.User.Id, id, approve, ct).ConfigureAwait(false);
        var text = transfer is null
            ? turn.T("bank.already")
            : approve ? turn.T("bank.done_approved", ("credits", transfer.Credits), ("userId", transfer.UserId)) : turn.T("bank.done_rejected");
        await chat.SendAsync(turn.ChatId, new Screen(text), ct).ConfigureAwait(false);
        return text;
    }

    private Task<int> SendAsync(Turn turn, string text, CancellationToken ct) =>
        chat.SendAsync(turn.ChatId, new Screen(text, [Keyboards.MenuOnly(turn)]), ct);
}
