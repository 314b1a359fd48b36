using System.Text.Json;
using Dapper;

namespace KieBot.Storage.Sql;

internal sealed class SqlGenerationStore(SqlDatabase db, SqlLedger ledger) : IGenerationStore
{
    private const string Columns =
        "id, user_id, chat_id, model_id, mode_id, kie_model, api, input_json, price, reservation_key, state, kie_task_id, " +
        "result_urls, result_text, error_kind, error_code, error_message, dry_run, status_message_id, attempts, created_at, updated_at, finished_at, delivered, free_day";

    private static readonly string[] InFlight =
        [GenerationState.Created.Wire(), GenerationState.Submitted.Wire(), GenerationState.Running.Wire()];

    /// <summary>The states in which a free generation uses the quota.</summary>
    private static readonly string[] Counted = [.. InFlight, GenerationState.Succeeded.Wire()];

    public Task CreateAsync(Generation g, CancellationToken cancellationToken = default) =>
        db.WriteAsync(w => InsertAsync(w, g), cancellationToken);

    public Task<LedgerResult> CreateReservedAsync(Generation g, CancellationToken cancellationToken = default) =>
        db.WriteAsync(
            async w =>
            {
                var reserve = await ledger.ReserveInAsync(w, g.UserId, g.Price, g.ReservationKey ?? throw new ArgumentException("A reserved generation needs a reservation key.", nameof(g)), g.ModelId + "/" + g.ModeId, g.DryRun).ConfigureAwait(false);
                if (reserve.Succeeded && !reserve.Replayed && !w.RolledBack)
                {
                    await InsertAsync(w, g).ConfigureAwait(false);
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

    public Task ScheduleAsync(string id, DateTimeOffset due, CancellationToken cancellationToken = default) =>
        db.WriteAsync(
            w => w.Connection.ExecuteAsync(w.Command("UPDATE generations SET locked_until = @due WHERE id = @id", new { id, due = Times.Ms(due) })),
            cancellationToken);

    public Task ScheduleManyAsync(IReadOnlyCollection<KeyValuePair<string, DateTimeOffset>> due, CancellationToken cancellationToken = default) =>
        due.Count == 0
            ? Task.CompletedTask
            : db.WriteAsync(
                w => w.Connection.ExecuteAsync(w.Command(
                    db.Dialect == "postgres"
                        ? "UPDATE generations g SET locked_until = v.due FROM unnest(@ids, @dues) AS v(id, due) WHERE g.id = v.id"
                        : "UPDATE generations SET locked_until = @due WHERE id = @id",
                    db.Dialect == "postgres"
                        ? new { ids = due.Select(d => d.Key).ToArray(), dues = due.Select(d => Times.Ms(d.Value)).ToArray() }
                        : due.Select(d => new { id = d.Key, due = Times.Ms(d.Value) }).ToArray())),
                cancellationToken);

    public async Task<bool> HurryAsync(string id, TimeSpan notLeasedBeyond, CancellationToken cancellationToken = default)
    {
        var now = db.Now();
        return await db.WriteAsync(
            w => w.Connection.ExecuteAsync(w.Command(
                "UPDATE generations SET locked_until = @now WHERE id = @id AND (locked_until IS NULL OR locked_until <= @limit)",
                new { id, now, limit = now + (long)notLeasedBeyond.TotalMilliseconds })),
            cancellationToken).ConfigureAwait(false) == 1;
    }

    private Task<int> InsertAsync(WriteScope w, Generation g)
    {
        var now = db.Now();
        return w.Connection.ExecuteAsync(w.Command(
                $"""
                INSERT INTO generations ({Columns})
                VALUES (@Id, @UserId, @ChatId, @ModelId, @ModeId, @KieModel, @Api, @InputJson, @Price, @ReservationKey, @State, @KieTaskId,
                        @ResultUrls, @ResultText, @ErrorKind, @ErrorCode, @ErrorMessage, @DryRun, @StatusMessageId, @Attempts, @now, @now, NULL, NULL, @FreeDay)
                """,
                new
                {
                    g.Id, g.UserId, g.ChatId, g.ModelId, g.ModeId, g.KieModel, g.Api, InputJson = db.Store(g.InputJson), Price = g.Price.Hundredths,
                    g.ReservationKey, State = g.State.Wire(), g.KieTaskId, ResultUrls = Urls(g.ResultUrls), ResultText = db.Store(g.ResultText),
                    g.ErrorKind, ErrorCode = db.Store(g.ErrorCode), ErrorMessage = db.Store(g.ErrorMessage), g.DryRun, g.StatusMessageId, g.Attempts, now, g.FreeDay,
                }));
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
                    change?.ErrorKind, ErrorCode = db.Store(change?.ErrorCode), ErrorMessage = db.Store(change?.ErrorMessage),
                })),
            cancellationToken).ConfigureAwait(false);
        return rows == 1;
    }

    public Task SetStatusMessageAsync(string id, long messageId, CancellationToken cancellationToken = default) =>
        db.WriteAsync(
            w => w.Connection.ExecuteAsync(w.Command("UPDATE generations SET status_message_id = @messageId, updated_at = @now WHERE id = @id", new { id, messageId, now = db.Now() })),
            cancellationToken);

    public Task SetDeliveredAsync(string id, IReadOnlyList<string> fileIds, CancellationToken cancellationToken = default) =>
        db.WriteAsync(
            w => w.Connection.ExecuteAsync(w.Command("UPDATE generations SET delivered = @delivered, updated_at = @now WHERE id = @id", new { id, delivered = Urls(fileIds), now = db.Now() })),
            cancellationToken);

    public Task<IReadOnlyList<Generation>> ListByUserAsync(long userId, int limit, int offset = 0, CancellationToken cancellationToken = default) =>
        db.ReadAsync<IReadOnlyList<Generation>>(
            async c => (await c.QueryAsync<Row>(new CommandDefinition(
                    $"SELECT {Columns} FROM generations WHERE user_id = @userId ORDER BY created_at DESC, id DESC LIMIT @limit OFFSET @offset",
                    new { userId, limit, offset },
                    cancellationToken: cancellationToken)).ConfigureAwait(false)).Select(Map).ToList(),
            cancellationToken);

    public Task<int> CountInFlightAsync(long userId, CancellationToken cancellationToken = default) =>
        db.ReadAsync(
            c => c.ExecuteScalarAsync<int>(new CommandDefinition(
                $"SELECT COUNT(*) FROM generations WHERE user_id = @userId AND {db.In("state", "@states")}", new { userId, states = InFlight }, cancellationToken: cancellationToken)),
            cancellationToken);

    public Task<IReadOnlyList<Generation>> ClaimInFlightAsync(int max, TimeSpan lease, CancellationToken cancellationToken = default)
    {
        var now = db.Now();
        return db.WriteAsync<IReadOnlyList<Generation>>(
            async w => (await w.Connection.QueryAsync<Row>(w.Command(
                    $"""
                    UPDATE generations SET locked_until = @until, attempts = attempts + 1
                    WHERE id IN (
                        SELECT id FROM generations
                        WHERE ({db.In("state", "@states")} OR state = 'failed' OR (state = 'succeeded' AND delivered IS NULL))
                          AND (locked_until IS NULL OR locked_until < @now)
                        ORDER BY created_at
                        LIMIT @max
                        {db.SkipLocked})
                    AND (locked_until IS NULL OR locked_until < @now)
                    RETURNING {Columns}
                    """,
                    new { states = InFlight, now, until = now + (long)lease.TotalMilliseconds, max })).ConfigureAwait(false)).Select(Map).OrderBy(g => g.CreatedAt).ToList(),
            cancellationToken);
    }

    private Task<Generation?> FindAsync(string where, string value, CancellationToken cancellationToken) =>
        db.ReadAsync(
            async c => await c.QuerySingleOrDefaultAsync<Row>(new CommandDefinition($"SELECT {Columns} FROM generations WHERE {where}", new { value }, cancellationToken: cancellationToken)).ConfigureAwait(false) is { } row
                ? Map(row)
                : null,
            cancellationToken);

    private static string Urls(IReadOnlyList<string> urls) => JsonSerializer.Serialize(urls, StorageJson.Default.IReadOnlyListString);

    private Generation Map(Row r) => new()
    {
        Id = r.Id,
        UserId = r.UserId,
        ChatId = r.ChatId,
        ModelId = r.ModelId,
        ModeId = r.ModeId,
        KieModel = r.KieModel,
        Api = r.Api,
        InputJson = db.Load(r.InputJson)!,
        Price = new Credits(r.Price),
        ReservationKey = r.ReservationKey,
        State = GenerationStates.Parse(r.State),
        KieTaskId = r.KieTaskId,
        ResultUrls = string.IsNullOrEmpty(r.ResultUrls) ? [] : JsonSerializer.Deserialize(r.ResultUrls, StorageJson.Default.IReadOnlyListString) ?? [],
        Delivered = r.Delivered is null ? null : JsonSerializer.Deserialize(r.Delivered, StorageJson.Default.IReadOnlyListString) ?? [],
        ResultText = db.Load(r.ResultText),
        ErrorKind = r.ErrorKind,
        ErrorCode = db.Load(r.ErrorCode),
        ErrorMessage = db.Load(r.ErrorMessage),
        DryRun = r.DryRun,
        StatusMessageId = r.StatusMessageId,
        Attempts = (int)r.Attempts,
        CreatedAt = Times.At(r.CreatedAt),
        UpdatedAt = Times.At(r.UpdatedAt),
        FinishedAt = Times.At(r.FinishedAt),
        FreeDay = r.FreeDay,
    };

    private sealed class Row
    {
        public string Id { get; set; } = string.Empty;

        public long UserId { get; set; }

        public long ChatId { get; set; }

        public string ModelId { get; set; } = string.Empty;

        public string ModeId { get; set; } = string.Empty;

        public string KieModel { get; set; } = string.Empty;

        public string Api { get; set; } = string.Empty;

        public string InputJson { get; set; } = string.Empty;

        public long Price { get; set; }

        public string? ReservationKey { get; set; }

        public string State { get; set; } = string.Empty;

        public string? KieTaskId { get; set; }

        public string? ResultUrls { get; set; }

        public string? ResultText { get; set; }

        public string? ErrorKind { get; set; }

        public string? ErrorCode { get; set; }

        public string? ErrorMessage { get; set; }

        public bool DryRun { get; set; }

        public long? StatusMessageId { get; set; }

        public long Attempts { get; set; }

        public long CreatedAt { get; set; }

        public long UpdatedAt { get; set; }

        public long? FinishedAt { get; set; }

        public string? Delivered { get; set; }

        public string? FreeDay { get; set; }
    }
}
