using KieBot.Storage;
using KieBot.Telegram;
using KieBot.Conversation;

namespace KieBot.Flows;

/// <summary>Referral links and promo codes.</summary>
public sealed partial class FlowEngine
{
    /// <summary>The referrer named by <c>/start ref_&lt;id&gt;</c>: an existing user other than this one (recorded only for a new user).</summary>
    private async Task<long?> ReferrerAsync(BotUpdate update, CancellationToken ct)
    {
        const string Prefix = "/start ref_";
        if (update.Text is not { } text || !text.StartsWith(Prefix, StringComparison.Ordinal)
            || !long.TryParse(text.AsSpan(Prefix.Length).Trim(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id)
            || id == update.UserId)
        {
            return null;
        }

        return await store.Users.GetAsync(id, ct).ConfigureAwait(false) is null ? null : id;
    }

    private async Task ShowReferralAsync(Turn turn, CancellationToken ct)
    {
        var link = $"https://t.me/{await profile.BotUsernameAsync(ct).ConfigureAwait(false)}?start=ref_{turn.User.Id}";
        var count = await store.Users.CountReferredAsync(turn.User.Id, ct).ConfigureAwait(false);
        turn.State = new FlowState();
        await ShowAsync(turn, new Screen(turn.T("referral", ("link", link), ("bonus", settings.ReferralBonus), ("when", turn.T("referral." + settings.ReferralTrigger.ToString().ToLowerInvariant())), ("count", count)), [Keyboards.MenuOnly(turn)]), ct).ConfigureAwait(false);
    }

    private async Task RedeemPromoAsync(Turn turn, string? code, CancellationToken ct)
    {
        string text;
        if (string.IsNullOrWhiteSpace(code) || code.Length > 64)
        {
            text = turn.T("promo.usage");
        }
        else
        {
            var (outcome, credits) = await store.PromoCodes.RedeemAsync(code, turn.User.Id, ct).ConfigureAwait(false);
            var balance = await store.Ledger.GetBalanceAsync(turn.User.Id, ct).ConfigureAwait(false);
            text = outcome switch
            {
                PromoOutcome.Redeemed => turn.T("promo.redeemed", ("credits", credits), ("balance", balance.Available)),
                PromoOutcome.AlreadyUsed => turn.T("promo.used"),
                _ => turn.T("promo.invalid"),
            };
        }

        await chat.SendAsync(turn.ChatId, new Screen(text, [Keyboards.MenuOnly(turn)]), ct).ConfigureAwait(false);
    }
}
