using Dapper;

namespace KieBot.Storage.Sql;

internal sealed class SqlUpdateLog(SqlDatabase db) : IUpdateLog
{
    public async Task<bool> TryMarkAsync(long updateId, CancellationToken cancellationToken = default) =>
        await db.WriteRelaxedAsync(
            w => w.Connection.ExecuteAsync(w.Command(
                "INSERT INTO processed_updates (update_id, processed_at) VALUES (@updateId, @now) ON CONFLICT (update_id) DO NOTHING",
                new { updateId, now = db.Now() })),
            cancellationToken).ConfigureAwait(false) == 1;
}
