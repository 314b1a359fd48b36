using Dapper;

namespace KieBot.Storage.Sql;

internal sealed class SqlSettingsStore(SqlDatabase db) : ISettingsStore
{
    public Task<string?> GetAsync(string key, CancellationToken cancellationToken = default) =>
        db.ReadAsync(
            async c => db.Load(await c.QuerySingleOrDefaultAsync<string>(new CommandDefinition("SELECT value FROM settings WHERE key = @key", new { key = db.Store(key) }, cancellationToken: cancellationToken)).ConfigureAwait(false)),
            cancellationToken);

    public Task SetAsync(string key, string value, CancellationToken cancellationToken = default) =>
        db.WriteAsync(
            w => w.Connection.ExecuteAsync(w.Command(
                """
                INSERT INTO settings (key, value, updated_at) VALUES (@key, @value, @now)
                ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at
                """,
                new { key = db.Store(key), value = db.Store(value), now = db.Now() })),
            cancellationToken);

    public async Task<bool> DeleteAsync(string key, CancellationToken cancellationToken = default) =>
        await db.WriteAsync(w => w.Connection.ExecuteAsync(w.Command("DELETE FROM settings WHERE key = @key", new { key = db.Store(key) })), cancellationToken).ConfigureAwait(false) == 1;

    public Task<IReadOnlyDictionary<string, string>> AllAsync(CancellationToken cancellationToken = default) =>
        db.ReadAsync<IReadOnlyDictionary<string, string>>(
            async c => (await c.QueryAsync<(string Key, string Value)>(new CommandDefinition("SELECT key, value FROM settings ORDER BY key", cancellationToken: cancellationToken)).ConfigureAwait(false))
                .ToDictionary(r => db.Load(r.Key)!, r => db.Load(r.Value)!, StringComparer.Ordinal),
            cancellationToken);
}
