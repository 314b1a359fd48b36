using KieBot.Storage.Sql;

namespace KieBot.Storage.Postgres;

/// <summary>
/// The ledger's writes through the <c>ledger_move</c> / <c>ledger_resolve</c> functions of the PostgreSQL schema,
/// grouped by <see cref="LedgerBatcher"/> into one transaction per batch: the same rules as <see cref="SqlLedger"/>,
/// one round trip and one commit for every call waiting at that moment. Reads are shared with <see cref="SqlLedger"/>.
/// </summary>
internal sealed class PostgresLedger(SqlDatabase db, LedgerBatcher batcher) : SqlLedger(db)
{
    private readonly SqlDatabase db = db;

    protected override async Task<LedgerResult> MoveCoreAsync(Movement m, CancellationToken cancellationToken)
    {
        var call = new LedgerCall("move", db.Store(m.Key)!, m.UserId, Wire(m.Kind), m.Amount.Hundredths, m.Available.Hundredths, m.Reserved.Hundredths, m.Reason, db.Store(m.Note), m.DryRun, null)
        {
            Cancellation = cancellationToken,
        };
        return Answer(await batcher.SubmitAsync(call).ConfigureAwait(false), m.UserId);
    }

    protected override async Task<LedgerResult> ResolveCoreAsync(string reservationKey, string key, LedgerKind kind, Credits? capture, CancellationToken cancellationToken)
    {
        // The amount of a resolve is the part captured; -1 the whole reservation.
        var call = new LedgerCall("resolve", db.Store(key)!, 0, Wire(kind), capture?.Hundredths ?? -1, 0, 0, null, null, false, db.Store(reservationKey))
        {
            Cancellation = cancellationToken,
        };
        return Answer(await batcher.SubmitAsync(call).ConfigureAwait(false), userId: null);
    }

    /// <summary>Inside a caller's transaction the batcher cannot be used: the function is called on that transaction.</summary>
    protected override async Task<LedgerResult> MoveInAsync(WriteScope w, Movement m)
    {
        var row = await Dapper.SqlMapper.QuerySingleAsync<LedgerCallResult>(w.Connection, w.Command(
            "SELECT 1 AS ord, f.outcome, (f.entry).* FROM ledger_move(@key, @userId, @kind, @amount, @available, @reserved, @reason, @note, @dryRun, @now) f",
            new
            {
                key = db.Store(m.Key), userId = m.UserId, kind = Wire(m.Kind), amount = m.Amount.Hundredths, available = m.Available.Hundredths,
                reserved = m.Reserved.Hundredths, reason = m.Reason, note = db.Store(m.Note), dryRun = m.DryRun, now = db.Now(),
            })).ConfigureAwait(false);
        return Answer(row, m.UserId);
    }

    private LedgerResult Answer(LedgerCallResult row, long? userId) => row.Outcome switch
    {
        "applied" => new LedgerResult(LedgerStatus.Applied, Map(row), Replayed: false),
        "rejected" => new LedgerResult(LedgerStatus.Insufficient, Map(row), Replayed: false),
        "replayed" => Replay(Map(row), userId ?? row.UserId),
        "resolved" => new LedgerResult(LedgerStatus.AlreadyResolved, Map(row), Replayed: false),
        "missing" => new LedgerResult(LedgerStatus.NotFound, null, Replayed: false),
        var other => throw new InvalidOperationException($"Unknown ledger outcome '{other}'."),
    };
}
