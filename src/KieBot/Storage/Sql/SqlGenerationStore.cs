using System.Text.Json;
using Dapper;

namespace KieBot.Storage.Sql;

internal sealed partial class SqlGenerationStore(SqlDatabase db, SqlLedger ledger) : IGenerationStore
{
    private const string Columns =
        "id, user_id, chat_id, model_id, mode_id, kie_model, api, input_json, price, reservation_key, state, kie_task_id, " +
        "result_urls, result_text, error_kind, error_code, error_message, dry_run, status_message_id, attempts, created_at, updated_at, finished_at, delivered, free_day, summary_key, sent_parts, result_tracks, previewed, callback_fail_code, parent_id";

    private static readonly string[] InFlight =
        [GenerationState.Created.Wire(), GenerationState.Submitted.Wire(), GenerationState.Running.Wire()];

    /// <summary>The states in which a free generation uses the quota.</summary>
    private static readonly string[] Counted = [.. InFlight, GenerationState.Succeeded.Wire()];

    public Task CreateAsync(Generation g, CancellationToken cancellationToken = default) =>
        db.WriteAsync(
            async w =>
            {
                await InsertAsync(w, g).ConfigureAwait(false);
                return true;
            },
            cancellationToken);

    public Task<LedgerResult> CreateReservedAsync(Generation g, CancellationToken cancellationToken = default) =>
        db.WriteAsync(
            async w =>
            {
                var key = g.ReservationKey ?? throw new ArgumentException("A reserved generation needs a reservation key.", nameof(g));

                // The row first: it claims the summary, so a second confirmation (on any host) waits here and finds it taken.
                await InsertAsync(w, g).ConfigureAwait(false);
                var reserve = await ledger.ReserveInAsync(w, g.UserId, g.Price, key, g.ModelId + "/" + g.ModeId, g.DryRun).ConfigureAwait(false);
                if ((!reserve.Succeeded || reserve.Replayed) && !w.RolledBack)
                {
                    await w.RollbackAsync().ConfigureAwait(false);
                }

                return reserve;
            },
            cancellationToken);

    public Task<bool> CreateFreeAsync(Generation g, int dailyQuota, CancellationToken cancellationToken = default)
    {
        if (g.FreeDay is null || g.ReservationKey is not null)
        {
            throw new ArgumentException("A free generation has a free day and no reservation.", nameof(g));
        }

        return db.WriteAsync(
            async w =>
            {
                if (db.UserLock is { } userLock)
                {
                    await w.Connection.ExecuteAsync(w.Command(userLock, new { userId = g.UserId })).ConfigureAwait(false);
                }

                var used = await w.Connection.ExecuteScalarAsync<int>(w.Command(FreeCount, new { userId = g.UserId, day = g.FreeDay, states = Counted })).ConfigureAwait(false);
                if (used >= dailyQuota)
                {
                    return false;
                }

                await InsertAsync(w, g).ConfigureAwait(false);
                return true;
            },
            cancellationToken);
    }

    public Task<int> CountFreeAsync(long userId, string day, CancellationToken cancellationToken = default) =>
        db.ReadAsync(
            c => c.ExecuteScalarAsync<int>(new CommandDefinition(FreeCount, new { userId, day, states = Counted }, cancellationToken: cancellationToken)),
            cancellationToken);

    private string FreeCount => $"SELECT COUNT(*) FROM generations WHERE user_id = @userId AND free_day = @day AND {db.In("state", "@states")}";

    public Task ScheduleAsync(string id, DateTimeOffset due, string holder = "", CancellationToken cancellationToken = default) =>
        ScheduleManyAsync([KeyValuePair.Create(id, due)], holder, cancellationToken);

    public Task ScheduleManyAsync(IReadOnlyCollection<KeyValuePair<string, DateTimeOffset>> due, string holder = "", CancellationToken cancellationToken = default)
    {
        if (due.Count == 0)
        {
            return Task.CompletedTask;
        }

        // A callback that came while the row was held (hurried) makes it due at once instead of after its back-off.
        const string Set = "locked_until = CASE WHEN hurried = 1 THEN @now ELSE {0} END, leased_by = NULL, hurried = 0";
        var now = db.Now();
        return db.WriteAsync(
            w => w.Connection.ExecuteAsync(w.Command(
                db.Dialect == "postgres"
                    ? $"UPDATE generations g SET {string.Format(System.Globalization.CultureInfo.InvariantCulture, Set, "v.due")} FROM unnest(@ids, @dues) AS v(id, due) WHERE g.id = v.id AND g.leased_by = @holder"
                    : $"UPDATE generations SET {string.Format(System.Globalization.CultureInfo.InvariantCulture, Set, "@due")} WHERE id = @id AND leased_by = @holder",
                db.Dialect == "postgres"
                    ? new { ids = due.Select(d => d.Key).ToArray(), dues = due.Select(d => Times.Ms(d.Value)).ToArray(), holder, now }
                    : due.Select(d => new { id = d.Key, due = Times.Ms(d.Value), holder, now }).ToArray())),
            cancellationToken);
    }

    public Task RenewAsync(IReadOnlyCollection<string> ids, TimeSpan lease, string holder = "", CancellationToken cancellationToken = default)
    {
        if (ids.Count == 0)
        {
            return Task.CompletedTask;
        }

        return db.WriteRelaxedAsync(
            w => w.Connection.ExecuteAsync(w.Command(
                $"UPDATE generations SET locked_until = @until WHERE {db.In("id", "@ids")} AND leased_by = @holder",
                new { ids = ids.ToArray(), holder, until = db.Now() + (long)lease.TotalMilliseconds })),
            cancellationToken);
    }

    public async Task<bool> HurryAsync(string id, TimeSpan notLeasedBeyond, CancellationToken cancellationToken = default)
    {
        var now = db.Now();

        // Every right-hand side reads the row as it was: held by a live worker (a lease beyond the limit) → marked; else due now.
        const string Held = "leased_by IS NOT NULL AND locked_until > @limit";
        var madeDue = await db.WriteAsync(
            w => w.Connection.ExecuteScalarAsync<long?>(w.Command(
                $"""
                UPDATE generations SET
                    hurried = CASE WHEN {Held} THEN 1 ELSE 0 END,
                    locked_until = CASE WHEN {Held} THEN locked_until ELSE @now END,
                    leased_by = CASE WHEN {Held} THEN leased_by ELSE NULL END
                WHERE id = @id
                RETURNING CASE WHEN leased_by IS NULL THEN 1 ELSE 0 END
                """,
                new { id, now, limit = now + (long)notLeasedBeyond.TotalMilliseconds })),
            cancellationToken).ConfigureAwait(false);
        return madeDue == 1;
    }

    /// <summary>Inserts the row; throws <see cref="SummaryTakenException"/> when its summary has a generation already.</summary>
    private async Task InsertAsync(WriteScope w, Generation g)
    {
        var now = db.Now();
        var inserted = await w.Connection.ExecuteAsync(w.Command(
                $"""
                INSERT INTO generations ({Columns})
                VALUES (@Id, @UserId, @ChatId, @ModelId, @ModeId, @KieModel, @Api, @InputJson, @Price, @ReservationKey, @State, @KieTaskId,
                        @ResultUrls, @ResultText, @ErrorKind, @ErrorCode, @ErrorMessage, @DryRun, @StatusMessageId, @Attempts, @now, @now, NULL, NULL, @FreeDay, @SummaryKey, NULL, NULL, @Previewed, NULL, @ParentId)
                ON CONFLICT (summary_key) WHERE summary_key IS NOT NULL DO NOTHING
                """,
                new
                {
                    g.Id, g.UserId, g.ChatId, g.ModelId, g.ModeId, g.KieModel, g.Api, InputJson = db.Store(g.InputJson), Price = g.Price.Hundredths,
                    g.ReservationKey, State = g.State.Wire(), g.KieTaskId, ResultUrls = Urls(g.ResultUrls), ResultText = db.Store(g.ResultText),
                    g.ErrorKind, ErrorCode = db.Store(g.ErrorCode), ErrorMessage = db.Store(g.ErrorMessage), g.DryRun, g.StatusMessageId, g.Attempts, now, g.FreeDay, g.SummaryKey, Previewed = false, g.ParentId,
                })).ConfigureAwait(false);
        if (inserted == 0)
        {
            throw new SummaryTakenException(g.SummaryKey!);
        }
    }

    public Task<Generation?> GetAsync(string id, CancellationToken cancellationToken = default) => FindAsync("id = @value", id, cancellationToken);

    public Task<Generation?> FindByTaskIdAsync(string kieTaskId, CancellationToken cancellationToken = default) => FindAsync("kie_task_id = @value", kieTaskId, cancellationToken);

    public async Task<bool> MoveAsync(string id, GenerationState to, GenerationChange? change = null, CancellationToken cancellationToken = default)
    {
        var from = GenerationStates.Before(to).Select(s => s.Wire()).ToArray();
        var terminal = !to.IsInFlight();
        var rows = await db.WriteAsync(
            w => w.Connection.ExecuteAsync(w.Command(
                $"""
                UPDATE generations SET
                    state = @to,
                    kie_task_id = COALESCE(@KieTaskId, kie_task_id),
                    result_urls = COALESCE(@ResultUrls, result_urls),
                    result_text = COALESCE(@ResultText, result_text),
                    result_tracks = COALESCE(@ResultTracks, result_tracks),
                    error_kind = COALESCE(@ErrorKind, error_kind),
                    error_code = COALESCE(@ErrorCode, error_code),
                    error_message = COALESCE(@ErrorMessage, error_message),
                    updated_at = @now,
                    finished_at = CASE WHEN @terminal THEN @now ELSE finished_at END
                WHERE id = @id AND {db.In("state", "@from")}
                """,
                new
                {
                    id, to = to.Wire(), from, terminal, now = db.Now(),
                    change?.KieTaskId, ResultUrls = change?.ResultUrls is { } urls ? Urls(urls) : null, ResultText = db.Store(change?.ResultText),
                    ResultTracks = db.Store(GenerationRow.TracksJson(change?.Tracks)),
                    change?.ErrorKind, ErrorCode = db.Store(change?.ErrorCode), ErrorMessage = db.Store(change?.ErrorMessage),
                })),
            cancellationToken).ConfigureAwait(false);
        return rows == 1;
    }

    public async Task<bool> StartCreateAsync(string id, CancellationToken cancellationToken = default) =>
        await db.WriteAsync(
            w => w.Connection.ExecuteAsync(w.Command(
                "UPDATE generations SET updated_at = @now WHERE id = @id AND state = 'created' AND kie_task_id IS NULL", new { id, now = db.Now() })),
            cancellationToken).ConfigureAwait(false) == 1;

    public async Task<bool> FailUnsentAsync(string id, DateTimeOffset untouchedSince, GenerationChange change, CancellationToken cancellationToken = default) =>
        await db.WriteAsync(
            w => w.Connection.ExecuteAsync(w.Command(
                """
                UPDATE generations SET state = 'failed', error_kind = @ErrorKind, error_code = @ErrorCode, error_message = @ErrorMessage, updated_at = @now, finished_at = @now
                WHERE id = @id AND state = 'created' AND kie_task_id IS NULL AND updated_at < @since
                """,
                new { id, since = Times.Ms(untouchedSince), now = db.Now(), change.ErrorKind, ErrorCode = db.Store(change.ErrorCode), ErrorMessage = db.Store(change.ErrorMessage) })),
            cancellationToken).ConfigureAwait(false) == 1;

    public Task SetStatusMessageAsync(string id, long messageId, CancellationToken cancellationToken = default) =>
        db.WriteAsync(
            w => w.Connection.ExecuteAsync(w.Command("UPDATE generations SET status_message_id = @messageId, updated_at = @now WHERE id = @id", new { id, messageId, now = db.Now() })),
            cancellationToken);

    public async Task<bool> DetachStatusMessageAsync(string id, CancellationToken cancellationToken = default) =>
        await db.WriteAsync(
            w => w.Connection.ExecuteAsync(w.Command(
                "UPDATE generations SET status_message_id = NULL, updated_at = @now WHERE id = @id AND state IN ('created', 'submitted', 'running')", new { id, now = db.Now() })),
            cancellationToken).ConfigureAwait(false) == 1;

    public Task SetDeliveredAsync(string id, IReadOnlyList<string> fileIds, CancellationToken cancellationToken = default) =>
        db.WriteAsync(
            w => w.Connection.ExecuteAsync(w.Command("UPDATE generations SET delivered = @delivered, updated_at = @now WHERE id = @id", new { id, delivered = Urls(fileIds), now = db.Now() })),
            cancellationToken);

    public Task SetSentPartsAsync(string id, IReadOnlyList<string> sentParts, CancellationToken cancellationToken = default) =>
        db.WriteAsync(
            w => w.Connection.ExecuteAsync(w.Command("UPDATE generations SET sent_parts = @parts, updated_at = @now WHERE id = @id", new { id, parts = Urls(sentParts), now = db.Now() })),
            cancellationToken);

    public Task<IReadOnlyList<Generation>> ListByUserAsync(long userId, int limit, int offset = 0, CancellationToken cancellationToken = default) =>
        db.ReadAsync<IReadOnlyList<Generation>>(
            async c => (await c.QueryAsync<GenerationRow>(new CommandDefinition(
                    $"SELECT {Columns} FROM generations WHERE user_id = @userId ORDER BY created_at DESC, id DESC LIMIT @limit OFFSET @offset",
                    new { userId, limit, offset },
                    cancellationToken: cancellationToken)).ConfigureAwait(false)).Select(Map).ToList(),
            cancellationToken);

    public Task<int> CountInFlightAsync(long userId, CancellationToken cancellationToken = default) =>
        db.ReadAsync(
            c => c.ExecuteScalarAsync<int>(new CommandDefinition(
                $"SELECT COUNT(*) FROM generations WHERE user_id = @userId AND {db.In("state", "@states")}", new { userId, states = InFlight }, cancellationToken: cancellationToken)),
            cancellationToken);

    public Task<IReadOnlyList<Generation>> ClaimInFlightAsync(int max, TimeSpan lease, string holder = "", CancellationToken cancellationToken = default, TimeSpan liveLease = default)
    {
        var now = db.Now();
        return db.WriteAsync<IReadOnlyList<Generation>>(
            async w => (await w.Connection.QueryAsync<GenerationRow>(w.Command(
                    $"""
                    UPDATE generations SET locked_until = @until, leased_by = @holder, hurried = 0, attempts = attempts + 1
                    WHERE id IN (
                        SELECT id FROM generations
                        WHERE ({db.In("state", "@states")} OR state = 'failed' OR (state = 'succeeded' AND delivered IS NULL))
                          AND (locked_until IS NULL OR locked_until <= @now OR (hurried = 1 AND locked_until < @stale))
                        ORDER BY created_at
                        LIMIT @max
                        {db.SkipLocked})
                    AND (locked_until IS NULL OR locked_until <= @now OR (hurried = 1 AND locked_until < @stale))
                    RETURNING {Columns}
                    """,
                    new { states = InFlight, now, until = now + (long)lease.TotalMilliseconds, max, holder, stale = now + (long)liveLease.TotalMilliseconds })).ConfigureAwait(false)).Select(Map).OrderBy(g => g.CreatedAt).ToList(),
            cancellationToken);
    }

    private Task<Generation?> FindAsync(string where, string value, CancellationToken cancellationToken) =>
        db.ReadAsync(
            async c => await c.QuerySingleOrDefaultAsync<GenerationRow>(new CommandDefinition($"SELECT {Columns} FROM generations WHERE {where}", new { value }, cancellationToken: cancellationToken)).ConfigureAwait(false) is { } row
                ? Map(row)
                : null,
            cancellationToken);

    private static string Urls(IReadOnlyList<string> urls) => GenerationRow.Urls(urls);

    private Generation Map(GenerationRow r) => r.ToGeneration(db);
}
