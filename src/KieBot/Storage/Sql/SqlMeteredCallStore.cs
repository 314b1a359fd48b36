using Dapper;

namespace KieBot.Storage.Sql;

/// <summary>
/// Metered chat calls in portable SQL. Money moves only through the ledger, under keys derived from the call's id
/// (<c>chat:&lt;id&gt;:capture</c>, <c>chat:&lt;id&gt;:release</c>), so settling or refunding a call again replays the first
/// answer; the row's state is moved after the ledger by a compare-and-set, so a host that dies in between leaves a row
/// the next sweep finishes.
/// </summary>
internal sealed class SqlMeteredCallStore(SqlDatabase db, SqlLedger ledger) : IMeteredCallStore
{
    private const string Columns =
        "id, user_id, chat_id, purpose, thread, chat_model, prompt, reservation_key, reserved, free_day, state, input_tokens, output_tokens, charge, answer, error, dry_run, created_at, updated_at";

    private static readonly string[] UsingAllowance = ["started", "answered", "settled"];

    public static string CaptureKey(string id) => $"chat:{id}:capture";

    public static string ReleaseKey(string id) => $"chat:{id}:release";

    public Task<LedgerResult> StartReservedAsync(MeteredCall call, CancellationToken cancellationToken = default) =>
        db.WriteAsync(
            async w =>
            {
                var key = call.ReservationKey ?? throw new ArgumentException("A reserved call needs a reservation key.", nameof(call));
                await InsertAsync(w, call).ConfigureAwait(false);
                var reserve = await ledger.ReserveInAsync(w, call.UserId, call.Reserved, key, call.Purpose + "/" + call.ChatModel, call.DryRun).ConfigureAwait(false);
                if ((!reserve.Succeeded || reserve.Replayed) && !w.RolledBack)
                {
                    await w.RollbackAsync().ConfigureAwait(false);
                }

                return reserve;
            },
            cancellationToken);

    public Task<bool> StartFreeAsync(MeteredCall call, int dailyAllowance, CancellationToken cancellationToken = default)
    {
        if (call.FreeDay is null || call.ReservationKey is not null || call.Reserved != Credits.Zero)
        {
            throw new ArgumentException("A free call has a free day and no reservation.", nameof(call));
        }

        return db.WriteAsync(
            async w =>
            {
                if (db.UserLock is { } userLock)
                {
                    await w.Connection.ExecuteAsync(w.Command(userLock, new { userId = call.UserId })).ConfigureAwait(false);
                }

                var used = await w.Connection.ExecuteScalarAsync<int>(w.Command(FreeCount, new { userId = call.UserId, purpose = call.Purpose, day = call.FreeDay, states = UsingAllowance })).ConfigureAwait(false);
                if (used >= dailyAllowance)
                {
                    return false;
                }

                await InsertAsync(w, call).ConfigureAwait(false);
                return true;
            },
            cancellationToken);
    }

    public Task<int> CountFreeAsync(long userId, string purpose, string day, CancellationToken cancellationToken = default) =>
        db.ReadAsync(
            c => c.ExecuteScalarAsync<int>(new CommandDefinition(FreeCount, new { userId, purpose, day, states = UsingAllowance }, cancellationToken: cancellationToken)),
            cancellationToken);

    private string FreeCount => $"SELECT COUNT(*) FROM metered_calls WHERE user_id = @userId AND purpose = @purpose AND free_day = @day AND {db.In("state", "@states")}";

    public Task<bool> AnswerAsync(string id, int inputTokens, int outputTokens, Credits charge, string answer, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(inputTokens);
        ArgumentOutOfRangeException.ThrowIfNegative(outputTokens);
        ArgumentOutOfRangeException.ThrowIfLessThan(charge.Hundredths, 0, nameof(charge));
        return db.WriteAsync(
            async w => await w.Connection.ExecuteAsync(w.Command(
                """
                UPDATE metered_calls
                SET state = 'answered', input_tokens = @inputTokens, output_tokens = @outputTokens,
                    charge = CASE WHEN @charge < reserved THEN @charge ELSE reserved END, answer = @answer, updated_at = @now
                WHERE id = @id AND state = 'started'
                """,
                new { id, inputTokens, outputTokens, charge = charge.Hundredths, answer = db.Store(answer), now = db.Now() })).ConfigureAwait(false) == 1,
            cancellationToken);
    }

    public async Task<LedgerResult?> SettleAsync(string id, CancellationToken cancellationToken = default)
    {
        var call = await GetAsync(id, cancellationToken).ConfigureAwait(false);
        if (call is not { State: MeteredCallState.Answered or MeteredCallState.Settled, Charge: { } charge })
        {
            return null;
        }

        LedgerResult? capture = null;
        if (call.ReservationKey is { } reservation)
        {
            // The same key again answers the first capture: a retry or a second host charges nothing more.
            capture = await ledger.CaptureAsync(reservation, CaptureKey(id), charge, cancellationToken).ConfigureAwait(false);
        }

        await MoveAsync(id, MeteredCallState.Answered, MeteredCallState.Settled, cancellationToken).ConfigureAwait(false);
        return capture;
    }

    public async Task<bool> RefundAsync(string id, string error, CancellationToken cancellationToken = default)
    {
        await db.WriteAsync(
            w => w.Connection.ExecuteAsync(w.Command(
                "UPDATE metered_calls SET state = 'failed', error = @error, updated_at = @now WHERE id = @id AND state = 'started'",
                new { id, error = db.Store(error), now = db.Now() })),
            cancellationToken).ConfigureAwait(false);
        var call = await GetAsync(id, cancellationToken).ConfigureAwait(false);
        if (call is not { State: MeteredCallState.Failed or MeteredCallState.Refunded })
        {
            return false;
        }

        if (call.ReservationKey is { } reservation)
        {
            await ledger.ReleaseAsync(reservation, ReleaseKey(id), cancellationToken).ConfigureAwait(false);
        }

        await MoveAsync(id, MeteredCallState.Failed, MeteredCallState.Refunded, cancellationToken).ConfigureAwait(false);
        return true;
    }

    public Task<MeteredCall?> GetAsync(string id, CancellationToken cancellationToken = default) =>
        db.ReadAsync(
            async c => (await c.QuerySingleOrDefaultAsync<MeteredCallRow>(new CommandDefinition($"SELECT {Columns} FROM metered_calls WHERE id = @id", new { id }, cancellationToken: cancellationToken)).ConfigureAwait(false))?.ToCall(db),
            cancellationToken);

    public Task<IReadOnlyList<MeteredCall>> ListUnsettledAsync(DateTimeOffset staleBefore, int max, CancellationToken cancellationToken = default) =>
        QueryAsync(
            $"SELECT {Columns} FROM metered_calls WHERE state IN ('answered', 'failed') OR (state = 'started' AND updated_at < @stale) ORDER BY updated_at LIMIT @max",
            new { stale = Times.Ms(staleBefore), max },
            cancellationToken);

    public async Task<IReadOnlyList<MeteredCall>> ListThreadAsync(long userId, string thread, int limit, CancellationToken cancellationToken = default)
    {
        var newest = await QueryAsync(
            $"SELECT {Columns} FROM metered_calls WHERE user_id = @userId AND thread = @thread AND state IN ('answered', 'settled') ORDER BY created_at DESC, id DESC LIMIT @limit",
            new { userId, thread, limit },
            cancellationToken).ConfigureAwait(false);
        return [.. newest.Reverse()];
    }

    public Task<IReadOnlyList<MeteredCall>> ListByUserAsync(long userId, string purpose, int limit, int offset = 0, CancellationToken cancellationToken = default) =>
        QueryAsync(
            $"SELECT {Columns} FROM metered_calls WHERE user_id = @userId AND purpose = @purpose ORDER BY created_at DESC, id DESC LIMIT @limit OFFSET @offset",
            new { userId, purpose, limit, offset },
            cancellationToken);

    private Task<IReadOnlyList<MeteredCall>> QueryAsync(string sql, object parameters, CancellationToken cancellationToken) =>
        db.ReadAsync<IReadOnlyList<MeteredCall>>(
            async c => [.. (await c.QueryAsync<MeteredCallRow>(new CommandDefinition(sql, parameters, cancellationToken: cancellationToken)).ConfigureAwait(false)).Select(r => r.ToCall(db))],
            cancellationToken);

    private Task MoveAsync(string id, MeteredCallState from, MeteredCallState to, CancellationToken cancellationToken) =>
        db.WriteAsync(
            w => w.Connection.ExecuteAsync(w.Command(
                "UPDATE metered_calls SET state = @to, updated_at = @now WHERE id = @id AND state = @from",
                new { id, from = Wire(from), to = Wire(to), now = db.Now() })),
            cancellationToken);

    private async Task InsertAsync(WriteScope w, MeteredCall c)
    {
        var now = db.Now();
        await w.Connection.ExecuteAsync(w.Command(
            $"""
            INSERT INTO metered_calls ({Columns})
            VALUES (@Id, @UserId, @ChatId, @Purpose, @Thread, @ChatModel, @Prompt, @ReservationKey, @Reserved, @FreeDay, 'started', NULL, NULL, NULL, NULL, NULL, @DryRun, @now, @now)
            """,
            new { c.Id, c.UserId, c.ChatId, c.Purpose, c.Thread, c.ChatModel, Prompt = db.Store(c.Prompt), c.ReservationKey, Reserved = c.Reserved.Hundredths, c.FreeDay, c.DryRun, now })).ConfigureAwait(false);
    }

    internal static string Wire(MeteredCallState state) => state.ToString().ToLowerInvariant();
}

/// <summary>A <c>metered_calls</c> row as Dapper reads it.</summary>
internal sealed class MeteredCallRow
{
    public string Id { get; set; } = "";

    public long UserId { get; set; }

    public long ChatId { get; set; }

    public string Purpose { get; set; } = "";

    public string Thread { get; set; } = "";

    public string ChatModel { get; set; } = "";

    public string Prompt { get; set; } = "";

    public string? ReservationKey { get; set; }

    public long Reserved { get; set; }

    public string? FreeDay { get; set; }

    public string State { get; set; } = "";

    public int? InputTokens { get; set; }

    public int? OutputTokens { get; set; }

    public long? Charge { get; set; }

    public string? Answer { get; set; }

    public string? Error { get; set; }

    public bool DryRun { get; set; }

    public long CreatedAt { get; set; }

    public long UpdatedAt { get; set; }

    public MeteredCall ToCall(SqlDatabase db) => new()
    {
        Id = Id,
        UserId = UserId,
        ChatId = ChatId,
        Purpose = Purpose,
        Thread = Thread,
        ChatModel = ChatModel,
        Prompt = db.Load(Prompt) ?? "",
        ReservationKey = ReservationKey,
        Reserved = new Credits(Reserved),
        FreeDay = FreeDay,
        State = Enum.Parse<MeteredCallState>(State, ignoreCase: true),
        InputTokens = InputTokens,
        OutputTokens = OutputTokens,
        Charge = Charge is { } charge ? new Credits(charge) : null,
        Answer = db.Load(Answer),
        Error = db.Load(Error),
        DryRun = DryRun,
        CreatedAt = Times.At(CreatedAt),
        UpdatedAt = Times.At(UpdatedAt),
    };
}
