using Dapper;

namespace KieBot.Storage.Sql;

/// <summary>The ledger's reads: a balance, one entry by key, a user's history, and the consistency check.</summary>
internal partial class SqlLedger
{
    public Task<Balance> GetBalanceAsync(long userId, CancellationToken cancellationToken = default) =>
        db.ReadAsync(
            async c => await c.QuerySingleOrDefaultAsync<BalanceRow>(new CommandDefinition(
                "SELECT available, reserved FROM balances WHERE user_id = @userId", new { userId }, cancellationToken: cancellationToken)).ConfigureAwait(false) is { } b
                ? new Balance(userId, new Credits(b.Available), new Credits(b.Reserved))
                : new Balance(userId, Credits.Zero, Credits.Zero),
            cancellationToken);

    public Task<LedgerEntry?> FindAsync(string key, CancellationToken cancellationToken = default) =>
        db.ReadAsync(
            async c => await c.QuerySingleOrDefaultAsync<SqlLedgerRow>(new CommandDefinition($"SELECT {Columns} FROM ledger WHERE idem_key = @key", new { key = db.Store(key) }, cancellationToken: cancellationToken)).ConfigureAwait(false) is { } row
                ? Map(row)
                : null,
            cancellationToken);

    public Task<IReadOnlyList<LedgerEntry>> HistoryAsync(long userId, int limit, CancellationToken cancellationToken = default) =>
        db.ReadAsync<IReadOnlyList<LedgerEntry>>(
            async c => (await c.QueryAsync<SqlLedgerRow>(new CommandDefinition(
                $"SELECT {Columns} FROM ledger WHERE user_id = @userId ORDER BY id DESC LIMIT @limit", new { userId, limit }, cancellationToken: cancellationToken)).ConfigureAwait(false))
                .Select(Map).ToList(),
            cancellationToken);

    public Task<LedgerCheck> CheckAsync(CancellationToken cancellationToken = default) =>
        db.ReadAsync(
            async c =>
            {
                var mismatched = (await c.QueryAsync<long>(new CommandDefinition(
                    """
                    SELECT b.user_id FROM balances b
                    LEFT JOIN (SELECT user_id, SUM(available_delta) AS available, SUM(reserved_delta) AS reserved
                               FROM ledger WHERE dry_run = @no GROUP BY user_id) l ON l.user_id = b.user_id
                    WHERE b.available <> COALESCE(l.available, 0) OR b.reserved <> COALESCE(l.reserved, 0)
                    UNION
                    SELECT l.user_id FROM ledger l
                    WHERE l.dry_run = @no AND NOT EXISTS (SELECT 1 FROM balances b WHERE b.user_id = l.user_id)
                    GROUP BY l.user_id
                    HAVING SUM(l.available_delta) <> 0 OR SUM(l.reserved_delta) <> 0
                    """,
                    new { no = false },
                    cancellationToken: cancellationToken)).ConfigureAwait(false)).Order().ToList();
                var totals = await c.QuerySingleAsync<TotalsRow>(new CommandDefinition(
                    """
                    SELECT (SELECT COUNT(*) FROM balances WHERE available < 0 OR reserved < 0) AS negative,
                           (SELECT COUNT(*) FROM ledger) AS entries,
                           (SELECT COALESCE(SUM(available), 0) FROM balances) AS available,
                           (SELECT COALESCE(SUM(reserved), 0) FROM balances) AS reserved
                    """,
                    cancellationToken: cancellationToken)).ConfigureAwait(false);
                return new LedgerCheck(mismatched, (int)totals.Negative, totals.Entries, new Credits(totals.Available), new Credits(totals.Reserved));
            },
            cancellationToken);

    private sealed class BalanceRow
    {
        public long Available { get; set; }

        public long Reserved { get; set; }
    }

    private sealed class TotalsRow
    {
        public long Negative { get; set; }

        public long Entries { get; set; }

        public long Available { get; set; }

        public long Reserved { get; set; }
    }
}
