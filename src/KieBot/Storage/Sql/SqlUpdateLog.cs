using Dapper;

namespace KieBot.Storage.Sql;

internal sealed class SqlUpdateLog(SqlDatabase db, SqlUserStore users, SqlConversationStore conversations) : IUpdateLog
{
    // A new update is claimed; an unfinished one is claimed again by its own holder or once its claim has expired.
    private const string Claim =
        """
        INSERT INTO processed_updates (update_id, processed_at, done, holder, attempts) VALUES (@updateId, @now, 0, @holder, 1)
        ON CONFLICT (update_id) DO UPDATE SET processed_at = excluded.processed_at, holder = excluded.holder, attempts = processed_updates.attempts + 1
        WHERE processed_updates.done = 0 AND (processed_updates.holder = excluded.holder OR processed_updates.processed_at < @expired)
        RETURNING attempts;
        SELECT done FROM processed_updates WHERE update_id = @updateId
        """;

    public async Task<bool> TryMarkAsync(long updateId, CancellationToken cancellationToken = default) =>
        await db.WriteRelaxedAsync(
            w => w.Connection.ExecuteAsync(w.Command(
                "INSERT INTO processed_updates (update_id, processed_at, done) VALUES (@updateId, @now, 1) ON CONFLICT (update_id) DO NOTHING",
                new { updateId, now = db.Now() })),
            cancellationToken).ConfigureAwait(false) == 1;

    public Task<UpdateStart> StartAsync(UpdateClaimRequest request, CancellationToken cancellationToken = default) =>
        db.WriteRelaxedAsync(
            async w =>
            {
                var sql = Claim + ";\n" + SqlUserStore.Touch + ";\n" + SqlConversationStore.Select;
                var now = db.Now();
                var parameters = new DynamicParameters(users.TouchParameters(request.UserId, request.Username, request.Language, request.ReferrerId));
                parameters.Add("updateId", request.UpdateId);
                parameters.Add("userId", request.UserId);
                parameters.Add("holder", request.Holder);
                parameters.Add("expired", now - (long)request.ClaimExpiry.TotalMilliseconds);
                using var results = await w.Connection.QueryMultipleAsync(w.Command(sql, parameters)).ConfigureAwait(false);
                var attempts = (await results.ReadAsync<long>().ConfigureAwait(false)).ToList();
                var done = await results.ReadSingleAsync<long>().ConfigureAwait(false) == 1;
                var user = users.Map(await results.ReadSingleAsync<SqlUserStore.Row>().ConfigureAwait(false));
                var conversation = conversations.Map(await results.ReadSingleOrDefaultAsync<SqlConversationStore.Row>().ConfigureAwait(false));
                var claim = attempts.Count > 0 ? UpdateClaim.Claimed : done ? UpdateClaim.Done : UpdateClaim.Busy;
                return new UpdateStart(claim, user, conversation, attempts is [> 1]);
            },
            cancellationToken);

    public Task FinishAsync(long updateId, long userId, string? state, CancellationToken cancellationToken = default) =>
        db.WriteRelaxedAsync(
            w => w.Connection.ExecuteAsync(w.Command(
                "UPDATE processed_updates SET done = 1, holder = NULL WHERE update_id = @updateId"
                    + (state is null ? string.Empty : ";\n" + SqlConversationStore.Upsert),
                new { updateId, userId, state = db.Store(state), now = db.Now() })),
            cancellationToken);

    public Task ReleaseAsync(long updateId, string holder, CancellationToken cancellationToken = default) =>
        db.WriteRelaxedAsync(
            w => w.Connection.ExecuteAsync(w.Command(
                "UPDATE processed_updates SET holder = NULL, processed_at = 0 WHERE update_id = @updateId AND done = 0 AND holder = @holder",
                new { updateId, holder })),
            cancellationToken);
}
