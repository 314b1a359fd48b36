using Dapper;

namespace KieBot.Storage.Sql;

internal sealed class SqlUpdateLog(SqlDatabase db, SqlUserStore users, SqlConversationStore conversations) : IUpdateLog
{
    public async Task<bool> TryMarkAsync(long updateId, CancellationToken cancellationToken = default) =>
        await db.WriteRelaxedAsync(
            w => w.Connection.ExecuteAsync(w.Command(
                "INSERT INTO processed_updates (update_id, processed_at) VALUES (@updateId, @now) ON CONFLICT (update_id) DO NOTHING",
                new { updateId, now = db.Now() })),
            cancellationToken).ConfigureAwait(false) == 1;

    public Task<UpdateStart?> StartAsync(long updateId, long userId, string? username, string? language, long? referrerId = null, CancellationToken cancellationToken = default) =>
        db.WriteRelaxedAsync(
            async w =>
            {
                var sql = "INSERT INTO processed_updates (update_id, processed_at) VALUES (@updateId, @now) ON CONFLICT (update_id) DO NOTHING RETURNING update_id;\n"
                    + SqlUserStore.Touch + ";\n" + SqlConversationStore.Select;
                var parameters = new DynamicParameters(users.TouchParameters(userId, username, language, referrerId));
                parameters.Add("updateId", updateId);
                parameters.Add("userId", userId);
                using var results = await w.Connection.QueryMultipleAsync(w.Command(sql, parameters)).ConfigureAwait(false);
                var fresh = (await results.ReadAsync<long>().ConfigureAwait(false)).Any();
                var user = users.Map(await results.ReadSingleAsync<SqlUserStore.Row>().ConfigureAwait(false));
                var conversation = conversations.Map(await results.ReadSingleOrDefaultAsync<SqlConversationStore.Row>().ConfigureAwait(false));
                return fresh ? new UpdateStart(user, conversation) : null;
            },
            cancellationToken);
}
