using System.Globalization;
using KieBot.Payments;
using KieBot.Telegram;

namespace KieBot.Flows;

public sealed partial class FlowEngine
{
    /// <summary>The bank details and how to send the receipt; the next file the user sends is taken as the receipt.</summary>
    private async Task ShowBankAsync(Turn turn, CancellationToken ct)
    {
        turn.State = new FlowState { Step = FlowStep.Receipt };
        var text = turn.T(
            "bank.ask",
            ("details", bank.Details),
            ("max", bank.MaxRubles.ToString("0.##", CultureInfo.InvariantCulture)),
            ("rate", pricing.RublesPerCredit.ToString("0.####", CultureInfo.InvariantCulture)));
        await ShowAsync(turn, new Screen(text, [Keyboards.MenuOnly(turn)]), ct).ConfigureAwait(false);
    }

    /// <summary>A receipt: its caption must name the amount; it goes to the admin and the user is told to wait.</summary>
    private async Task AcceptReceiptAsync(Turn turn, IncomingFile file, CancellationToken ct)
    {
        if (file.Kind is not (FileKind.Photo or FileKind.Document))
        {
            await chat.SendAsync(turn.ChatId, new Screen(turn.T("bank.need_file"), [Keyboards.MenuOnly(turn)]), ct).ConfigureAwait(false);
            return;
        }

        if (bank.ParseRubles(turn.Update.Text) is not { } rubles)
        {
            await chat.SendAsync(turn.ChatId, new Screen(turn.T("bank.amount", ("max", bank.MaxRubles.ToString("0.##", CultureInfo.InvariantCulture))), [Keyboards.MenuOnly(turn)]), ct).ConfigureAwait(false);
            return;
        }

        var transfer = await bank.SubmitAsync(turn.User, turn.ChatId, file, rubles, ct).ConfigureAwait(false);
        turn.State = new FlowState();
        await chat.SendAsync(turn.ChatId, new Screen(turn.T("bank.sent", ("rub", rubles.ToString("0.##", CultureInfo.InvariantCulture)), ("credits", transfer.Credits)), [Keyboards.MenuOnly(turn)]), ct).ConfigureAwait(false);
    }

    /// <summary>The admin's approve / reject button on a receipt (the caller has checked the admin); null when the data is no decision.</summary>
    private async Task<string?> DecideTransferAsync(Turn turn, string action, CancellationToken ct)
    {
        var approve = action.StartsWith(BankTransfers.ApprovePrefix, StringComparison.Ordinal);
        if (!approve && !action.StartsWith(BankTransfers.RejectPrefix, StringComparison.Ordinal))
        {
            return null;
        }

        var id = action[BankTransfers.ApprovePrefix.Length..];
        var transfer = await bank.DecideAsync(turn.User.Id, id, approve, ct).ConfigureAwait(false);
        var text = transfer is null
            ? turn.T("bank.already")
            : approve ? turn.T("bank.done_approved", ("credits", transfer.Credits), ("userId", transfer.UserId)) : turn.T("bank.done_rejected");
        await chat.SendAsync(turn.ChatId, new Screen(text), ct).ConfigureAwait(false);
        return text;
    }
}
