using Dapper;

namespace KieBot.Storage.Sql;

/// <summary>
/// The ledger in portable SQL. Each call is one transaction: a replayed key answers from its row; a balance moves by a
/// conditional UPDATE (PostgreSQL re-checks its WHERE on the locked row, so a balance never goes below zero) or an
/// upsert for credits coming in; a reservation is resolved by a conditional UPDATE of its row, so capture and release
/// exclude each other. When two calls race on one key, the loser's transaction is rolled back and answers from the
/// winner's row.
/// </summary>
internal partial class SqlLedger(SqlDatabase db) : ILedger
{
    protected const string Columns =
        "id, idem_key, user_id, kind, amount, available_delta, reserved_delta, reservation_key, resolution, reason, note, dry_run, created_at";

    public Task<LedgerResult> GrantAsync(long userId, Credits amount, string key, GrantReason reason, string? note = null, bool dryRun = false, CancellationToken cancellationToken = default) =>
        MoveAsync(new Movement(userId, LedgerKind.Grant, Positive(amount), amount, Credits.Zero, key, reason.ToString().ToLowerInvariant(), note, dryRun), cancellationToken);

    public Task<LedgerResult> TopUpAsync(long userId, Credits amount, string key, string? paymentId = null, CancellationToken cancellationToken = default) =>
        MoveAsync(new Movement(userId, LedgerKind.TopUp, Positive(amount), amount, Credits.Zero, key, "payment", paymentId, false), cancellationToken);

    public Task<LedgerResult> ReserveAsync(long userId, Credits amount, string key, string? note = null, bool dryRun = false, CancellationToken cancellationToken = default) =>
        MoveAsync(new Movement(userId, LedgerKind.Reserve, Positive(amount), -amount, amount, key, null, note, dryRun), cancellationToken);

    public Task<LedgerResult> AdjustAsync(long userId, Credits delta, string key, string note, CancellationToken cancellationToken = default) =>
        MoveAsync(new Movement(userId, LedgerKind.Adjust, delta >= Credits.Zero ? delta : -delta, delta, Credits.Zero, key, "admin", note, false), cancellationToken);

    public Task<LedgerResult> CaptureAsync(string reservationKey, string key, CancellationToken cancellationToken = default) =>
        ResolveAsync(reservationKey, key, LedgerKind.Capture, null, cancellationToken);

    public Task<LedgerResult> CaptureAsync(string reservationKey, string key, Credits amount, CancellationToken cancellationToken = default) =>
        ResolveAsync(reservationKey, key, LedgerKind.Capture, amount < Credits.Zero ? throw new ArgumentOutOfRangeException(nameof(amount), amount, "A capture is not negative.") : amount, cancellationToken);

    public Task<LedgerResult> ReleaseAsync(string reservationKey, string key, CancellationToken cancellationToken = default) =>
        ResolveAsync(reservationKey, key, LedgerKind.Release, null, cancellationToken);

    private Task<LedgerResult> MoveAsync(Movement m, CancellationToken cancellationToken)
    {
        RequireKey(m.Key);
        return MoveCoreAsync(m, cancellationToken);
    }

    private Task<LedgerResult> ResolveAsync(string reservationKey, string key, LedgerKind kind, Credits? capture, CancellationToken cancellationToken)
    {
        RequireKey(key);
        RequireKey(reservationKey);
        return ResolveCoreAsync(reservationKey, key, kind, capture, cancellationToken);
    }

    /// <summary>Writes one movement row and moves the balance, in one transaction.</summary>
    protected virtual Task<LedgerResult> MoveCoreAsync(Movement m, CancellationToken cancellationToken) =>
        db.WriteAsync(w => MoveInAsync(w, m), cancellationToken);

    /// <summary>
    /// A reservation inside a transaction the caller owns (used to reserve and record a generation together). When it
    /// is refused or replayed, the caller must not go on as if it had been applied.
    /// </summary>
    internal Task<LedgerResult> ReserveInAsync(WriteScope w, long userId, Credits amount, string key, string? note, bool dryRun)
    {
        RequireKey(key);
        return MoveInAsync(w, new Movement(userId, LedgerKind.Reserve, Positive(amount), -amount, amount, key, null, note, dryRun));
    }

    /// <summary>A grant inside a transaction the caller owns (a promo code's counter and its credit move together).</summary>
    internal Task<LedgerResult> GrantInAsync(WriteScope w, long userId, Credits amount, string key, GrantReason reason, string? note)
    {
        RequireKey(key);
        return MoveInAsync(w, new Movement(userId, LedgerKind.Grant, Positive(amount), amount, Credits.Zero, key, reason.ToString().ToLowerInvariant(), note, false));
    }

    /// <summary>A top-up inside a transaction the caller owns (an approved transfer and its credit move together).</summary>
    internal Task<LedgerResult> TopUpInAsync(WriteScope w, long userId, Credits amount, string key, string? paymentId)
    {
        RequireKey(key);
        return MoveInAsync(w, new Movement(userId, LedgerKind.TopUp, Positive(amount), amount, Credits.Zero, key, "payment", paymentId, false));
    }

    /// <summary>One movement on <paramref name="w"/>: replay, or move the balance and write the row.</summary>
    protected virtual async Task<LedgerResult> MoveInAsync(WriteScope w, Movement m)
    {
        if (await ExistingAsync(w, m.Key).ConfigureAwait(false) is { } replay)
        {
            return Replay(replay, m.UserId);
        }

        var allowed = m.DryRun ? await CouldMoveAsync(w, m).ConfigureAwait(false) : await ApplyBalanceAsync(w, m).ConfigureAwait(false);
        var kind = allowed ? m.Kind : LedgerKind.Rejected;
        var entry = await InsertAsync(w, m.Key, m.UserId, kind, m.Amount, allowed ? m.Available : Credits.Zero, allowed ? m.Reserved : Credits.Zero, null, m.Reason, m.Note, m.DryRun).ConfigureAwait(false);
        if (entry is null)
        {
            // Another call with this key committed first: undo ours and answer with theirs.
            await w.RollbackAsync().ConfigureAwait(false);
            return Replay(await FindAsync(m.Key, CancellationToken.None).ConfigureAwait(false) ?? throw Lost(m.Key), m.UserId);
        }

        return new LedgerResult(allowed ? LedgerStatus.Applied : LedgerStatus.Insufficient, entry, Replayed: false);
    }

    /// <summary>
    /// Captures (all, or <paramref name="capture"/> with the rest given back) or releases a reservation at most once, in
    /// one transaction. A capture above the reservation is refused (<see cref="LedgerStatus.Insufficient"/>) and
    /// resolves nothing.
    /// </summary>
    protected virtual Task<LedgerResult> ResolveCoreAsync(string reservationKey, string key, LedgerKind kind, Credits? capture, CancellationToken cancellationToken) =>
        db.WriteAsync(
            async w =>
            {
                if (await ExistingAsync(w, key).ConfigureAwait(false) is { } replay)
                {
                    return Replay(replay, replay.UserId);
                }

                var reservation = await w.Connection.QuerySingleOrDefaultAsync<SqlLedgerRow>(w.Command(
                    $"""
                    UPDATE ledger SET resolution = @kind
                    WHERE idem_key = @reservationKey AND kind = @reserve AND resolution IS NULL
                    RETURNING {Columns}
                    """,
                    new { kind = Wire(kind), reservationKey = db.Store(reservationKey), reserve = Wire(LedgerKind.Reserve) })).ConfigureAwait(false);
                if (reservation is null)
                {
                    await w.RollbackAsync().ConfigureAwait(false);
                    if (await FindAsync(key, CancellationToken.None).ConfigureAwait(false) is { } raced)
                    {
                        return Replay(raced, raced.UserId);
                    }

                    var existing = await FindAsync(reservationKey, CancellationToken.None).ConfigureAwait(false);
                    return existing is { Kind: LedgerKind.Reserve }
                        ? new LedgerResult(LedgerStatus.AlreadyResolved, existing, Replayed: false)
                        : new LedgerResult(LedgerStatus.NotFound, null, Replayed: false);
                }

                var reserved = new Credits(reservation.Amount);
                if (capture > reserved)
                {
                    await w.RollbackAsync().ConfigureAwait(false);
                    return new LedgerResult(LedgerStatus.Insufficient, Map(reservation), Replayed: false);
                }

                var amount = kind == LedgerKind.Capture && capture is { } part ? part : reserved;
                var available = kind == LedgerKind.Release ? reserved : reserved - amount;
                var held = -reserved;
                if (!reservation.DryRun)
                {
                    await w.Connection.ExecuteAsync(w.Command(
                        "UPDATE balances SET available = available + @available, reserved = reserved + @held, updated_at = @now WHERE user_id = @userId",
                        new { available = available.Hundredths, held = held.Hundredths, now = db.Now(), userId = reservation.UserId })).ConfigureAwait(false);
                }

                var entry = await InsertAsync(w, key, reservation.UserId, kind, amount, available, held, reservationKey, null, null, reservation.DryRun).ConfigureAwait(false);
                if (entry is null)
                {
                    await w.RollbackAsync().ConfigureAwait(false);
                    return Replay(await FindAsync(key, CancellationToken.None).ConfigureAwait(false) ?? throw Lost(key), reservation.UserId);
                }

                return new LedgerResult(LedgerStatus.Applied, entry, Replayed: false);
            },
            cancellationToken);

    /// <summary>Moves the balance; false when it would go below zero. Credits coming in create the balance row.</summary>
    private async Task<bool> ApplyBalanceAsync(WriteScope w, Movement m)
    {
        var parameters = new { userId = m.UserId, available = m.Available.Hundredths, reserved = m.Reserved.Hundredths, now = db.Now() };
        if (m.Available >= Credits.Zero && m.Reserved >= Credits.Zero)
        {
            await w.Connection.ExecuteAsync(w.Command(
                """
                INSERT INTO balances (user_id, available, reserved, updated_at) VALUES (@userId, @available, @reserved, @now)
                ON CONFLICT (user_id) DO UPDATE SET available = balances.available + excluded.available,
                    reserved = balances.reserved + excluded.reserved, updated_at = excluded.updated_at
                """,
                parameters)).ConfigureAwait(false);
            return true;
        }

        return await w.Connection.ExecuteAsync(w.Command(
            """
            UPDATE balances SET available = available + @available, reserved = reserved + @reserved, updated_at = @now
            WHERE user_id = @userId AND available + @available >= 0 AND reserved + @reserved >= 0
            """,
            parameters)).ConfigureAwait(false) == 1;
    }

    /// <summary>A dry run moves nothing but is refused exactly when the real call would be.</summary>
    private static async Task<bool> CouldMoveAsync(WriteScope w, Movement m)
    {
        if (m.Available >= Credits.Zero && m.Reserved >= Credits.Zero)
        {
            return true;
        }

        return await w.Connection.ExecuteScalarAsync<long>(w.Command(
            "SELECT COUNT(*) FROM balances WHERE user_id = @userId AND available + @available >= 0 AND reserved + @reserved >= 0",
            new { userId = m.UserId, available = m.Available.Hundredths, reserved = m.Reserved.Hundredths })).ConfigureAwait(false) == 1;
    }

    private async Task<LedgerEntry?> InsertAsync(WriteScope w, string key, long userId, LedgerKind kind, Credits amount, Credits available, Credits reserved, string? reservationKey, string? reason, string? note, bool dryRun) =>
        await w.Connection.QuerySingleOrDefaultAsync<SqlLedgerRow>(w.Command(
            $"""
            INSERT INTO ledger (idem_key, user_id, kind, amount, available_delta, reserved_delta, reservation_key, resolution, reason, note, dry_run, created_at)
            VALUES (@key, @userId, @kind, @amount, @available, @reserved, @reservationKey, NULL, @reason, @note, @dryRun, @now)
            ON CONFLICT (idem_key) DO NOTHING
            RETURNING {Columns}
            """,
            new
            {
                key = db.Store(key), userId, kind = Wire(kind), amount = amount.Hundredths, available = available.Hundredths, reserved = reserved.Hundredths,
                reservationKey = db.Store(reservationKey), reason, note = db.Store(note), dryRun, now = db.Now(),
            })).ConfigureAwait(false) is { } row
            ? Map(row)
            : null;

    private async Task<LedgerEntry?> ExistingAsync(WriteScope w, string key) =>
        await w.Connection.QuerySingleOrDefaultAsync<SqlLedgerRow>(w.Command($"SELECT {Columns} FROM ledger WHERE idem_key = @key", new { key = db.Store(key) })).ConfigureAwait(false) is { } row
            ? Map(row)
            : null;

    /// <summary>The first answer for a key. A key reused for another user is a caller bug, not a replay.</summary>
    protected static LedgerResult Replay(LedgerEntry entry, long userId)
    {
        if (entry.UserId != userId)
        {
            throw new InvalidOperationException($"Ledger key '{entry.Key}' was already used for another user.");
        }

        var status = entry.Kind == LedgerKind.Rejected ? LedgerStatus.Insufficient : LedgerStatus.Applied;
        return new LedgerResult(status, entry, Replayed: true);
    }

    private static Credits Positive(Credits amount) =>
        amount > Credits.Zero ? amount : throw new ArgumentOutOfRangeException(nameof(amount), amount, "The amount must be positive.");

    private static void RequireKey(string key)
    {
        if (string.IsNullOrWhiteSpace(key) || key.Length > 200)
        {
            throw new ArgumentException("An idempotency key of 1–200 characters is required.", nameof(key));
        }
    }

    private static InvalidOperationException Lost(string key) => new($"Ledger row '{key}' vanished after it was written.");

    protected static string Wire(LedgerKind kind) => kind switch
    {
        LedgerKind.TopUp => "topup",
        _ => kind.ToString().ToLowerInvariant(),
    };

    private static LedgerKind Kind(string wire) => wire == "topup" ? LedgerKind.TopUp : Enum.Parse<LedgerKind>(wire, ignoreCase: true);

    protected LedgerEntry Map(SqlLedgerRow r) => new(
        r.Id, db.Load(r.IdemKey)!, r.UserId, Kind(r.Kind), new Credits(r.Amount), new Credits(r.AvailableDelta), new Credits(r.ReservedDelta),
        db.Load(r.ReservationKey), r.Resolution is null ? null : Kind(r.Resolution), r.Reason, db.Load(r.Note), r.DryRun, Times.At(r.CreatedAt));

    protected sealed record Movement(long UserId, LedgerKind Kind, Credits Amount, Credits Available, Credits Reserved, string Key, string? Reason, string? Note, bool DryRun);
}
