using System.Globalization;
using KieBot.Conversation;
using KieBot.Storage;
using KieBot.Telegram;

namespace KieBot.Features.Payments.Stars;

/// <summary>
/// Top-up with Telegram Stars: the packages, a custom amount (the next message is the number of credits), the invoice,
/// the pre-checkout answer, the successful payment credited once, and the admin's <c>/refund</c>.
/// </summary>
public sealed class StarsFeature(StarsPayments stars, IChatSurface chat, StarsOptions options, IBotStore store) : IFeature, IPaymentUpdates
{
    /// <summary>The balance screen's "top up with Stars" button.</summary>
    public const string TopUp = "topup";

    /// <summary>"Another amount" on the packages screen.</summary>
    public const string Custom = "topup_custom";

    /// <summary>Buy package number <c>n</c>.</summary>
    public const string BuyPrefix = "buy:";

    private const string AmountStep = "amount";

    public string Name => "stars";

    public bool Enabled => options.Packages.Count > 0 || stars.CustomEnabled;

    public IReadOnlyList<string> Buttons { get; } = [TopUp, Custom, BuyPrefix];

    public IEnumerable<Button> BalanceButtons(Turn turn) => [new Button(turn.T("btn.topup"), TopUp)];

    public async Task<Reply> OnButtonAsync(Turn turn, string data, CancellationToken cancellationToken)
    {
        switch (data)
        {
            case TopUp:
                var packages = options.Packages
                    .Select((p, i) => (IReadOnlyList<Button>)[new Button(turn.T("topup.package", ("credits", p.Credits), ("stars", p.Stars)), BuyPrefix + i.ToString(CultureInfo.InvariantCulture))])
                    .ToList();
                if (stars.CustomEnabled)
                {
                    packages.Add([new Button(turn.T("btn.topup_custom"), Custom)]);
                }

                packages.Add(Keyboards.MenuOnly(turn));
                await chat.ShowAsync(turn, new Screen(turn.T("topup.choose"), packages), cancellationToken).ConfigureAwait(false);
                return Reply.Shown;
            case Custom when stars.CustomEnabled:
                turn.State = FlowState.WaitingOn(Name, AmountStep);
                var rate = options.StarsPerCredit.ToString("0.###", CultureInfo.InvariantCulture);
                await chat.ShowAsync(turn, new Screen(turn.T("topup.custom", ("min", options.CustomMin), ("max", options.CustomMax), ("rate", rate)), [Keyboards.MenuOnly(turn)]), cancellationToken).ConfigureAwait(false);
                return Reply.Shown;
        }

        if (data.StartsWith(BuyPrefix, StringComparison.Ordinal)
            && int.TryParse(data.AsSpan(BuyPrefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var package)
            && package < options.Packages.Count)
        {
            await stars.SendInvoiceAsync(turn.User.Id, turn.ChatId, turn.Language, options.Packages[package], cancellationToken).ConfigureAwait(false);
            return Reply.Shown;
        }

        return Reply.Outdated;
    }

    /// <summary>The custom amount: whole credits within the bounds gets an invoice, anything else says the bounds.</summary>
    public async Task<Reply> OnMessageAsync(Turn turn, CancellationToken cancellationToken)
    {
        if (stars.CustomPackage(turn.Update.Text?.Trim() ?? string.Empty) is { } custom)
        {
            turn.State = new FlowState();
            await stars.SendInvoiceAsync(turn.User.Id, turn.ChatId, turn.Language, custom, cancellationToken).ConfigureAwait(false);
            return Reply.Shown;
        }

        return Reply.Say(turn.T("topup.custom_bad", ("min", options.CustomMin), ("max", options.CustomMax)));
    }

    /// <summary><c>/refund &lt;charge id&gt;</c>: the Stars back to the payer and the credits off their balance, once.</summary>
    public async Task<Reply?> OnAdminCommandAsync(Turn turn, string[] words, CancellationToken cancellationToken) => words switch
    {
        ["/refund", var chargeId] => Reply.Note(await stars.RefundAsync(turn.User.Id, turn.Language, chargeId, cancellationToken).ConfigureAwait(false)),
        ["/refund", ..] => Reply.Note(turn.T("admin.usage", ("usage", "/refund <charge id>"))),
        _ => null,
    };

    /// <summary>A conversation saved waiting for a custom amount before Stars was a feature of its own.</summary>
    public FlowState? Upgrade(System.Text.Json.Nodes.JsonObject saved) => (string?)saved["Step"] == "TopUpAmount" ? FlowState.WaitingOn(Name, AmountStep) : null;

    public async Task CheckoutAsync(BotUser user, string language, PreCheckout checkout, CancellationToken cancellationToken)
    {
        var refusal = user.Blocked ? Texts.Plain(Texts.Get(language, "checkout.unknown")) : await stars.CheckAsync(user.Id, language, checkout, cancellationToken).ConfigureAwait(false);
        await stars.AnswerCheckoutAsync(checkout.Id, refusal, cancellationToken).ConfigureAwait(false);
    }

    public async Task PaidAsync(BotUser user, long chatId, string language, PaymentDone payment, CancellationToken cancellationToken)
    {
        var added = await stars.SettleAsync(user.Id, payment, cancellationToken).ConfigureAwait(false);
        var balance = await store.Ledger.GetBalanceAsync(user.Id, cancellationToken).ConfigureAwait(false);
        var text = added > Credits.Zero
            ? Texts.Get(language, "topup.credited", ("credits", added), ("balance", balance.Available))
            : Texts.Get(language, "topup.repeat", ("balance", balance.Available));
        await chat.SendAsync(chatId, new Screen(text, [[new Button(Texts.Get(language, "btn.menu"), BotCallbacks.Menu)]]), cancellationToken).ConfigureAwait(false);
    }
}
