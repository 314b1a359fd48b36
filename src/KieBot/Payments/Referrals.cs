using KieBot.Storage;
using KieBot.Conversation;

namespace KieBot.Payments;

/// <summary>What counts as an invited user's first payment (REFERRAL_TRIGGER).</summary>
public enum ReferralTrigger
{
    /// <summary>A top-up (Stars or an approved bank transfer).</summary>
    TopUp,

    /// <summary>A paid generation that succeeded (its price captured; free and dry-run ones do not count).</summary>
    Generation,

    /// <summary>Whichever comes first.</summary>
    Any,
}

/// <summary>The inviter's bonus: once per invited user, keyed by that user, on their first payment of the configured kind.</summary>
public static class Referrals
{
    public static async Task RewardAsync(IBotStore store, BotSettings settings, long userId, ReferralTrigger paidBy, CancellationToken ct)
    {
        if (settings.ReferralBonus <= Credits.Zero || (settings.ReferralTrigger != ReferralTrigger.Any && settings.ReferralTrigger != paidBy))
        {
            return;
        }

        if ((await store.Users.GetAsync(userId, ct).ConfigureAwait(false))?.ReferrerId is { } referrer)
        {
            await store.Ledger.GrantAsync(referrer, settings.ReferralBonus, $"referral:{userId}", GrantReason.Bonus, $"invited {userId}", cancellationToken: ct).ConfigureAwait(false);
        }
    }

    public static ReferralTrigger ParseTrigger(string? text, List<string> problems)
    {
        switch (text?.Trim().ToLowerInvariant())
        {
            case null or "" or "topup":
                return ReferralTrigger.TopUp;
            case "generation":
                return ReferralTrigger.Generation;
            case "any":
                return ReferralTrigger.Any;
            default:
                problems.Add($"REFERRAL_TRIGGER must be topup, generation or any (got '{text}')");
                return ReferralTrigger.TopUp;
        }
    }
}
