using System.Globalization;
using KieBot.Payments;
using KieBot.Storage;
using KieBot.Telegram;
using Microsoft.Extensions.Logging;
using KieBot.Conversation;

namespace KieBot.Features.Payments.Bank;

/// <summary>
/// Manual bank transfers (on when <c>BANK_TRANSFER_DETAILS</c> and <c>ADMIN_ID</c> are set): the user sends a receipt
/// with the amount; the admin gets the receipt with approve / reject buttons; only an approval credits, once. Nothing is
/// ever credited from a picture by itself.
/// </summary>
public sealed partial class BankTransfers(IBotStore store, IChatSurface chat, IPaymentSurface payments, BankOptions options, BotSettings settings, Pricing pricing, ILogger<BankTransfers> logger)
{
    /// <summary>The admin's approve / reject buttons (under the admin prefix, as receipts already sent carry them) and the transfer id.</summary>
    public const string ApprovePrefix = "adm:tr+:";

    public const string RejectPrefix = "adm:tr-:";

    public bool Enabled => options.Details is not null && settings.AdminId is not null;

    public string? Details => options.Details;

    public decimal MaxRubles => options.MaxRubles;

    /// <summary>The credits a transfer of <paramref name="rubles"/> buys, rounded down to the hundredth.</summary>
    public Credits CreditsFor(decimal rubles) => new((long)decimal.Floor(rubles / pricing.RublesPerCredit * 100m));

    /// <summary>The amount in a receipt's caption ("500", "1 500,50 ₽", "500 руб"); null when there is none within bounds.</summary>
    public decimal? ParseRubles(string? caption)
    {
        if (caption is null)
        {
            return null;
        }

        var text = new string(caption.Where(c => !char.IsWhiteSpace(c)).ToArray()).ToLowerInvariant()
            .Replace("₽", string.Empty, StringComparison.Ordinal).Replace("руб.", string.Empty, StringComparison.Ordinal).Replace("руб", string.Empty, StringComparison.Ordinal)
            .Replace("rub", string.Empty, StringComparison.Ordinal).Replace("р.", string.Empty, StringComparison.Ordinal).Replace(',', '.');
        return decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var rubles)
            && rubles >= 1m && rubles <= options.MaxRubles && decimal.Round(rubles, 2) == rubles
            ? rubles
            : null;
    }

    /// <summary>Records a pending transfer and sends its receipt to the admin with approve / reject buttons.</summary>
    public async Task<BankTransfer> SubmitAsync(BotUser user, long chatId, IncomingFile receipt, decimal rubles, CancellationToken ct)
    {
        var admin = settings.AdminId ?? throw new InvalidOperationException("Bank transfers need ADMIN_ID.");
        var transfer = new BankTransfer(
            "bt" + Guid.CreateVersion7().ToString("N")[..20], user.Id, chatId, rubles, CreditsFor(rubles), receipt.FileId, receipt.Kind.ToString(),
            TransferStatus.Pending, null, default, null);
        await store.Transfers.CreateAsync(transfer, ct).ConfigureAwait(false);
        var language = Texts.Normalize((await store.Users.GetAsync(admin, ct).ConfigureAwait(false))?.Language);
        var who = user.Username is { } name ? "@" + name : user.Id.ToString(CultureInfo.InvariantCulture);
        var screen = new Screen(
            Texts.Get(language, "bank.admin", ("id", transfer.Id), ("user", who), ("userId", user.Id), ("rub", rubles.ToString("0.##", CultureInfo.InvariantCulture)), ("credits", transfer.Credits)),
            [[new Button(Texts.Get(language, "btn.bank_approve"), ApprovePrefix + transfer.Id), new Button(Texts.Get(language, "btn.bank_reject"), RejectPrefix + transfer.Id)]]);
        await payments.ForwardFileAsync(admin, receipt, screen, ct).ConfigureAwait(false);
        LogReceived(transfer.Id, user.Id, rubles);
        return transfer;
    }

    /// <summary>The admin's decision: applied once (a second press changes nothing and returns null); the user is told.</summary>
    public async Task<BankTransfer?> DecideAsync(long adminId, string id, bool approve, CancellationToken ct)
    {
        var transfer = await store.Transfers.DecideAsync(id, approve, adminId, ct).ConfigureAwait(false);
        if (transfer is null)
        {
            return null;
        }

        if (approve)
        {
            await Referrals.RewardAsync(store, settings, transfer.UserId, ReferralTrigger.TopUp, ct).ConfigureAwait(false);
        }

        var language = Texts.Normalize((await store.Users.GetAsync(transfer.UserId, ct).ConfigureAwait(false))?.Language);
        var balance = await store.Ledger.GetBalanceAsync(transfer.UserId, ct).ConfigureAwait(false);
        var rub = transfer.Rubles.ToString("0.##", CultureInfo.InvariantCulture);
        var text = approve
            ? Texts.Get(language, "bank.approved", ("rub", rub), ("credits", transfer.Credits), ("balance", balance.Available))
            : Texts.Get(language, "bank.rejected", ("rub", rub));
        try
        {
            await chat.SendAsync(transfer.ChatId, new Screen(text, [[new Button(Texts.Get(language, "btn.menu"), BotCallbacks.Menu)]]), ct).ConfigureAwait(false);
        }
        catch (ChatUnavailableException)
        {
            // The user blocked the bot: the decision stands and the credits are on the balance.
        }

        LogDecided(transfer.Id, approve, adminId);
        return transfer;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Bank transfer {TransferId} from user {UserId} for {Rubles} RUB waits for the admin")]
    private partial void LogReceived(string transferId, long userId, decimal rubles);

    [LoggerMessage(Level = LogLevel.Information, Message = "Bank transfer {TransferId} decided: approved {Approved} by {AdminId}")]
    private partial void LogDecided(string transferId, bool approved, long adminId);
}
