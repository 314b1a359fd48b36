namespace KieBot.Storage;

public enum PromoOutcome
{
    Redeemed,
    AlreadyUsed,
    Invalid,
}

public interface IPromoCodeStore
{
    /// <summary>Creates a code (upper-cased); false when it exists.</summary>
    Task<bool> CreateAsync(string code, Credits credits, int maxUses, DateTimeOffset? expiresAt, long createdBy, CancellationToken cancellationToken = default);

    /// <summary>
    /// In one transaction: the user's redemption row, the use counter (only below its limit and before expiry) and the
    /// grant (key <c>promo:CODE:user</c>). Under any concurrency the limit is never exceeded and a user redeems once.
    /// </summary>
    Task<(PromoOutcome Outcome, Credits Credits)> RedeemAsync(string code, long userId, CancellationToken cancellationToken = default);
}
