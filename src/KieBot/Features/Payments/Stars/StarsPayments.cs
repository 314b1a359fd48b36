using KieBot.Payments;
using KieBot.Storage;
using KieBot.Telegram;
using Microsoft.Extensions.Logging;
using KieBot.Conversation;

namespace KieBot.Features.Payments.Stars;

/// <summary>
/// Telegram Stars top-up: an invoice row fixes the amount when it is sent (its id is the payload); the pre-checkout
/// answer checks the invoice exists, is the payer's, is unpaid and not expired, and the amount matches; a successful
/// payment is recorded under its unique <c>telegram_payment_charge_id</c> and credited with the ledger key
/// <c>topup:stars:&lt;charge id&gt;</c>, so a repeated update or a restart in between credits once.
/// </summary>
public sealed partial class StarsPayments(IBotStore store, IPaymentSurface chat, BotSettings settings, StarsOptions options, TimeProvider time, ILogger<StarsPayments> logger)
{
    public const string Provider = "telegram-stars";

    public static readonly TimeSpan InvoiceLifetime = TimeSpan.FromHours(1);

    public async Task SendInvoiceAsync(long userId, long chatId, string language, StarsPackage package, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var invoice = new Invoice("inv_" + Guid.CreateVersion7().ToString("N"), userId, package.Credits, package.Stars, Paid: false, null, now, now + InvoiceLifetime);
        await store.Invoices.CreateAsync(invoice, ct).ConfigureAwait(false);
        await chat.SendInvoiceAsync(
            chatId,
            Texts.Plain(Texts.Get(language, "invoice.title", ("credits", package.Credits))),
            Texts.Plain(Texts.Get(language, "invoice.description", ("credits", package.Credits))),
            invoice.Id,
            package.Stars,
            ct).ConfigureAwait(false);
    }

    /// <summary>Answers a pre-checkout: ok when <paramref name="refusal"/> is null.</summary>
    public Task AnswerCheckoutAsync(string queryId, string? refusal, CancellationToken ct) => chat.AnswerPreCheckoutAsync(queryId, refusal, ct);

    /// <summary>
    /// The admin's refund of a Stars payment: debits the credits first (never below zero), then asks Telegram; if
    /// Telegram refuses, gives them back. A refunded payment is refunded once. Returns the text for the admin.
    /// </summary>
    public async Task<string> RefundAsync(long adminId, string language, string chargeId, CancellationToken ct)
    {
        string T(string key, params ReadOnlySpan<(string, object?)> values) => Texts.Get(language, key, values);
        var payment = await store.Payments.FindByChargeAsync(Provider, chargeId, ct).ConfigureAwait(false);
        if (payment is null)
        {
            return T("admin.refund_missing");
        }

        if (payment.Status == PaymentStatus.Refunded)
        {
            return T("admin.refund_done");
        }

        var debit = await store.Ledger.AdjustAsync(payment.UserId, -payment.Credits, "refund:stars:" + chargeId, $"admin {adminId}: Stars refund", ct).ConfigureAwait(false);
        if (!debit.Succeeded)
        {
            var balance = await store.Ledger.GetBalanceAsync(payment.UserId, ct).ConfigureAwait(false);
            return T("admin.refund_insufficient", ("id", payment.UserId), ("balance", balance.Available), ("credits", payment.Credits));
        }

        try
        {
            await chat.RefundStarsAsync(payment.UserId, chargeId, ct).ConfigureAwait(false);
        }
        catch (global::Telegram.Bot.Exceptions.ApiRequestException e) when (e.Message.Contains("ALREADY_REFUNDED", StringComparison.OrdinalIgnoreCase))
        {
            // Telegram refunded it already (an answer lost on the way, then asked again): the Stars are back, so are not the credits.
        }
        catch (Exception e) when (e is global::Telegram.Bot.Exceptions.ApiRequestException or HttpRequestException or InvalidOperationException)
        {
            await store.Ledger.AdjustAsync(payment.UserId, payment.Credits, "refund-undo:stars:" + chargeId, $"admin {adminId}: Stars refund refused", ct).ConfigureAwait(false);
            return T("admin.refund_failed", ("reason", e.Message));
        }

        await store.Payments.MoveAsync(payment.Id, PaymentStatus.Credited, PaymentStatus.Refunded, ct).ConfigureAwait(false);
        return T("admin.refunded", ("stars", payment.Amount), ("id", payment.UserId), ("credits", payment.Credits));
    }

    /// <summary>The refusal text for a pre-checkout, or null to let it go ahead.</summary>
    public async Task<string?> CheckAsync(long userId, string language, PreCheckout checkout, CancellationToken ct)
    {
        var invoice = await store.Invoices.GetAsync(checkout.Payload, ct).ConfigureAwait(false);
        string? key = invoice switch
        {
            null => "checkout.unknown",
            _ when invoice.UserId != userId => "checkout.unknown",
            { Paid: true } => "checkout.paid",
            _ when invoice.ExpiresAt < time.GetUtcNow() => "checkout.expired",
            _ when checkout.Currency != "XTR" || checkout.TotalAmount != invoice.Stars => "checkout.unknown",
            _ => null,
        };
        return key is null ? null : Texts.Plain(Texts.Get(language, key));
    }

    /// <summary>Credits a successful payment once; returns the credits added now (zero for a repeat).</summary>
    public async Task<Credits> SettleAsync(long userId, PaymentDone payment, CancellationToken ct)
    {
        var invoice = await store.Invoices.GetAsync(payment.Payload, ct).ConfigureAwait(false);
        if (invoice is null || invoice.UserId != userId)
        {
            // Telegram took the Stars for something this bot never offered: keep a trace for the operator.
            await store.Errors.AddAsync(ErrorSource.Telegram, "UnknownInvoice", null, $"payment {payment.ChargeId} for unknown invoice", $"user {userId}", ct).ConfigureAwait(false);
            return Credits.Zero;
        }

        var (record, _) = await store.Payments.RecordAsync(
            new Payment("pay_" + Guid.CreateVersion7().ToString("N"), Provider, payment.ChargeId, userId, payment.TotalAmount, payment.Currency, invoice.Credits, PaymentStatus.Paid, invoice.Id, default, default),
            ct).ConfigureAwait(false);
        var topUp = await store.Ledger.TopUpAsync(userId, invoice.Credits, "topup:stars:" + payment.ChargeId, record.Id, ct).ConfigureAwait(false);
        await store.Payments.MoveAsync(record.Id, PaymentStatus.Paid, PaymentStatus.Credited, ct).ConfigureAwait(false);
        await store.Invoices.MarkPaidAsync(invoice.Id, payment.ChargeId, ct).ConfigureAwait(false);

        // Keyed per invited user: a replay after a stop between the top-up and the reward pays it then, once.
        await Referrals.RewardAsync(store, settings, userId, ReferralTrigger.TopUp, ct).ConfigureAwait(false);
        if (topUp.Replayed)
        {
            return Credits.Zero;
        }

        LogCredited(userId, invoice.Credits.ToString(), payment.TotalAmount);
        return invoice.Credits;
    }

    public bool CustomEnabled => options.CustomMax >= options.CustomMin && options.CustomMax > 0;

    /// <summary>A custom top-up of whole <paramref name="text"/> credits within the configured bounds, priced at STARS_PER_CREDIT rounded up; null when out of bounds.</summary>
    public StarsPackage? CustomPackage(string text)
    {
        if (!CustomEnabled || !long.TryParse(text.Trim(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var credits)
            || credits < options.CustomMin || credits > options.CustomMax)
        {
            return null;
        }

        return new StarsPackage(Credits.Whole(credits), Math.Max(1, (long)decimal.Ceiling(credits * options.StarsPerCredit)));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "User {UserId} topped up {Credits} credits for {Stars} Stars")]
    private partial void LogCredited(long userId, string credits, long stars);
}
