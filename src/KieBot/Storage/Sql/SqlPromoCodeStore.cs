using Dapper;

namespace KieBot.Storage.Sql;

internal sealed class SqlPromoCodeStore(SqlDatabase db, SqlLedger ledger) : IPromoCodeStore
{
    public async Task<bool> CreateAsync(string code, Credits credits, int maxUses, DateTimeOffset? expiresAt, long createdBy, CancellationToken cancellationToken = default) =>
        await db.WriteAsync(
            w => w.Connection.ExecuteAsync(w.Command(
                "INSERT INTO promo_codes (code, credits, max_uses, uses, expires_at, created_by, created_at) VALUES (@code, @credits, @maxUses, 0, @expires, @createdBy, @now) ON CONFLICT (code) DO NOTHING",
                new { code = Normalize(code), credits = credits.Hundredths, maxUses, expires = expiresAt is { } at ? Times.Ms(at) : (long?)null, createdBy, now = db.Now() })),
            cancellationToken).ConfigureAwait(false) == 1;

    public Task<(PromoOutcome Outcome, Credits Credits)> RedeemAsync(string code, long userId, CancellationToken cancellationToken = default)
    {
        var normalized = Normalize(code);
        return db.WriteAsync<(PromoOutcome, Credits)>(
            async w =>
            {
                var first = await w.Connection.ExecuteAsync(w.Command(
                    "INSERT INTO promo_redemptions (code, user_id, created_at) VALUES (@code, @userId, @now) ON CONFLICT (code, user_id) DO NOTHING",
                    new { code = normalized, userId, now = db.Now() })).ConfigureAwait(false) == 1;
                if (!first)
                {
                    await w.RollbackAsync().ConfigureAwait(false);
                    return (PromoOutcome.AlreadyUsed, Credits.Zero);
                }

                var credits = await w.Connection.QuerySingleOrDefaultAsync<long?>(w.Command(
                    "UPDATE promo_codes SET uses = uses + 1 WHERE code = @code AND uses < max_uses AND (expires_at IS NULL OR expires_at > @now) RETURNING credits",
                    new { code = normalized, now = db.Now() })).ConfigureAwait(false);
                if (credits is null)
                {
                    await w.RollbackAsync().ConfigureAwait(false);
                    return (PromoOutcome.Invalid, Credits.Zero);
                }

                var amount = new Credits(credits.Value);
                await ledger.GrantInAsync(w, userId, amount, $"promo:{normalized}:{userId}", GrantReason.Promo, normalized).ConfigureAwait(false);
                return (PromoOutcome.Redeemed, amount);
            },
            cancellationToken);
    }

    private static string Normalize(string code) => code.Trim().ToUpperInvariant();
}
