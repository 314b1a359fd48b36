using Dapper;

namespace KieBot.Storage.Sql;

internal sealed class SqlErrorLog(SqlDatabase db) : IErrorLog
{
    public Task AddAsync(string source, string kind, string? code, string message, string? context = null, CancellationToken cancellationToken = default) =>
        db.WriteAsync(
            w => w.Connection.ExecuteAsync(w.Command(
                "INSERT INTO error_events (source, kind, code, message, context, created_at) VALUES (@source, @kind, @code, @message, @context, @now)",
                new { source = db.Store(source), kind = db.Store(kind), code = db.Store(code), message = db.Store(message), context = db.Store(context), now = db.Now() })),
            cancellationToken);

    public Task<IReadOnlyList<ErrorEvent>> RecentAsync(DateTimeOffset since, int limit, CancellationToken cancellationToken = default) =>
        db.ReadAsync<IReadOnlyList<ErrorEvent>>(
            async c => (await c.QueryAsync<Row>(new CommandDefinition(
                    "SELECT id, source, kind, code, message, context, created_at FROM error_events WHERE created_at >= @since ORDER BY created_at DESC, id DESC LIMIT @limit",
                    new { since = Times.Ms(since), limit },
                    cancellationToken: cancellationToken)).ConfigureAwait(false))
                .Select(r => new ErrorEvent(r.Id, db.Load(r.Source)!, db.Load(r.Kind)!, db.Load(r.Code), db.Load(r.Message)!, db.Load(r.Context), Times.At(r.CreatedAt)))
                .ToList(),
            cancellationToken);

    public Task<IReadOnlyList<ErrorSummary>> SummaryAsync(DateTimeOffset since, CancellationToken cancellationToken = default) =>
        db.ReadAsync<IReadOnlyList<ErrorSummary>>(
            async c => (await c.QueryAsync<SummaryRow>(new CommandDefinition(
                    """
                    SELECT e.source, e.kind, COUNT(*) AS count, MAX(e.created_at) AS last_at,
                           (SELECT l.message FROM error_events l
                            WHERE l.source = e.source AND l.kind = e.kind AND l.created_at >= @since
                            ORDER BY l.created_at DESC, l.id DESC LIMIT 1) AS last_message
                    FROM error_events e
                    WHERE e.created_at >= @since
                    GROUP BY e.source, e.kind
                    ORDER BY count DESC, e.source, e.kind
                    """,
                    new { since = Times.Ms(since) },
                    cancellationToken: cancellationToken)).ConfigureAwait(false))
                .Select(r => new ErrorSummary(db.Load(r.Source)!, db.Load(r.Kind)!, r.Count, Times.At(r.LastAt), db.Load(r.LastMessage)!))
                .ToList(),
            cancellationToken);

    public Task<int> PruneAsync(DateTimeOffset before, CancellationToken cancellationToken = default) =>
        db.WriteAsync(w => w.Connection.ExecuteAsync(w.Command("DELETE FROM error_events WHERE created_at < @before", new { before = Times.Ms(before) })), cancellationToken);

    private sealed class Row
    {
        public long Id { get; set; }

        public string Source { get; set; } = string.Empty;

        public string Kind { get; set; } = string.Empty;

        public string? Code { get; set; }

        public string Message { get; set; } = string.Empty;

        public string? Context { get; set; }

        public long CreatedAt { get; set; }
    }

    private sealed class SummaryRow
    {
        public string Source { get; set; } = string.Empty;

        public string Kind { get; set; } = string.Empty;

        public long Count { get; set; }

        public long LastAt { get; set; }

        public string LastMessage { get; set; } = string.Empty;
    }
}
