using Dapper;

namespace KieBot.Storage.Sql;

internal sealed class SqlConversationStore(SqlDatabase db) : IConversationStore
{
    internal const string Select = "SELECT user_id, state, updated_at FROM conversations WHERE user_id = @userId";

    /// <summary>
    /// Saves <c>@state</c> for <c>@userId</c> as of update <c>@updateId</c>, unless a newer update saved it already. A
    /// negative id is a press made outside Telegram (the gallery's, for its user): it saves the state and leaves the
    /// update id as it was, so the user's next Telegram update is still newer.
    /// </summary>
    internal const string Upsert =
        """
        INSERT INTO conversations (user_id, state, updated_at, update_id) VALUES (@userId, @state, @now, CASE WHEN @updateId < 0 THEN 0 ELSE @updateId END)
        ON CONFLICT (user_id) DO UPDATE SET state = excluded.state, updated_at = excluded.updated_at,
            update_id = CASE WHEN @updateId < 0 THEN conversations.update_id ELSE excluded.update_id END
        WHERE conversations.update_id <= excluded.update_id OR @updateId < 0
        """;

    internal Conversation? Map(Row? r) => r is null ? null : new Conversation(r.UserId, db.Load(r.State)!, Times.At(r.UpdatedAt));

    public Task<Conversation?> GetAsync(long userId, CancellationToken cancellationToken = default) =>
        db.ReadAsync(
            async c => Map(await c.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(Select, new { userId }, cancellationToken: cancellationToken)).ConfigureAwait(false)),
            cancellationToken);

    public Task SaveAsync(long userId, string state, CancellationToken cancellationToken = default) =>
        db.WriteRelaxedAsync(
            w => w.Connection.ExecuteAsync(w.Command(
                """
                INSERT INTO conversations (user_id, state, updated_at) VALUES (@userId, @state, @now)
                ON CONFLICT (user_id) DO UPDATE SET state = excluded.state, updated_at = excluded.updated_at
                """,
                new { userId, state = db.Store(state), now = db.Now() })),
            cancellationToken);

    public Task DeleteAsync(long userId, CancellationToken cancellationToken = default) =>
        db.WriteAsync(w => w.Connection.ExecuteAsync(w.Command("DELETE FROM conversations WHERE user_id = @userId", new { userId })), cancellationToken);

    internal sealed class Row
    {
        public long UserId { get; set; }

        public string State { get; set; } = string.Empty;

        public long UpdatedAt { get; set; }
    }
}
