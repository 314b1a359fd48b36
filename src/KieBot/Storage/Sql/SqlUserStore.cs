using Dapper;

namespace KieBot.Storage.Sql;

internal sealed class SqlUserStore(SqlDatabase db) : IUserStore
{
    internal const string Columns = "id, username, language, blocked, referrer_id, created_at, last_seen_at";

    /// <summary>Creates the user or moves their username and last-seen time; returns the row.</summary>
    internal const string Touch =
        $"""
        INSERT INTO users (id, username, language, blocked, referrer_id, created_at, last_seen_at)
        VALUES (@id, @username, @language, @no, @referrerId, @now, @now)
        ON CONFLICT (id) DO UPDATE SET username = excluded.username, last_seen_at = excluded.last_seen_at
        RETURNING {Columns}
        """;

    public Task<BotUser> TouchAsync(long id, string? username, string? language, long? referrerId = null, CancellationToken cancellationToken = default) =>
        db.WriteRelaxedAsync(
            async w => Map(await w.Connection.QuerySingleAsync<Row>(w.Command(Touch, TouchParameters(id, username, language, referrerId))).ConfigureAwait(false)),
            cancellationToken);

    public Task<BotUser?> GetAsync(long id, CancellationToken cancellationToken = default) =>
        db.ReadAsync(
            async c => await c.QuerySingleOrDefaultAsync<Row>(new CommandDefinition($"SELECT {Columns} FROM users WHERE id = @id", new { id }, cancellationToken: cancellationToken)).ConfigureAwait(false) is { } row ? Map(row) : null,
            cancellationToken);

    public Task SetLanguageAsync(long id, string language, CancellationToken cancellationToken = default) =>
        db.WriteAsync(w => w.Connection.ExecuteAsync(w.Command("UPDATE users SET language = @language WHERE id = @id", new { id, language = db.Store(language) })), cancellationToken);

    public Task SetBlockedAsync(long id, bool blocked, CancellationToken cancellationToken = default) =>
        db.WriteAsync(w => w.Connection.ExecuteAsync(w.Command("UPDATE users SET blocked = @blocked WHERE id = @id", new { id, blocked })), cancellationToken);

    public Task<long> CountAsync(CancellationToken cancellationToken = default) =>
        db.ReadAsync(c => c.ExecuteScalarAsync<long>(new CommandDefinition("SELECT COUNT(*) FROM users", cancellationToken: cancellationToken)), cancellationToken);

    public Task<long> CountReferredAsync(long referrerId, CancellationToken cancellationToken = default) =>
        db.ReadAsync(c => c.ExecuteScalarAsync<long>(new CommandDefinition("SELECT COUNT(*) FROM users WHERE referrer_id = @referrerId", new { referrerId }, cancellationToken: cancellationToken)), cancellationToken);

    public Task<BotUser?> FindByUsernameAsync(string username, CancellationToken cancellationToken = default) =>
        db.ReadAsync(
            async c => await c.QueryFirstOrDefaultAsync<Row>(new CommandDefinition(
                $"SELECT {Columns} FROM users WHERE LOWER(username) = LOWER(@username) ORDER BY last_seen_at DESC", new { username = db.Store(username.TrimStart('@')) }, cancellationToken: cancellationToken)).ConfigureAwait(false) is { } row
                ? Map(row)
                : null,
            cancellationToken);

    public Task<IReadOnlyList<long>> ListReachableAsync(long afterId, int limit, CancellationToken cancellationToken = default) =>
        db.ReadAsync<IReadOnlyList<long>>(
            async c => (await c.QueryAsync<long>(new CommandDefinition(
                "SELECT id FROM users WHERE blocked = @no AND id > @afterId ORDER BY id LIMIT @limit", new { no = false, afterId, limit }, cancellationToken: cancellationToken)).ConfigureAwait(false)).ToList(),
            cancellationToken);

    internal object TouchParameters(long id, string? username, string? language, long? referrerId) =>
        new { id, username = db.Store(username), language = db.Store(language), no = false, referrerId, now = db.Now() };

    internal BotUser Map(Row r) => new(r.Id, db.Load(r.Username), db.Load(r.Language), r.Blocked, r.ReferrerId, Times.At(r.CreatedAt), Times.At(r.LastSeenAt));

    internal sealed class Row
    {
        public long Id { get; set; }

        public string? Username { get; set; }

        public string? Language { get; set; }

        public bool Blocked { get; set; }

        public long? ReferrerId { get; set; }

        public long CreatedAt { get; set; }

        public long LastSeenAt { get; set; }
    }
}
