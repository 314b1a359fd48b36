using Dapper;

namespace KieBot.Storage.Sql;

internal sealed class SqlErrorLog(SqlDatabase db) : IErrorLog
{
    public Task AddAsync(string source, string kind, string? code, string message, string? context = null, CancellationToken cancellationToken = default) =>
        db.WriteRelaxedAsync(
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

    public async Task<IReadOnlyList<ErrorSummary>> SummaryAsync(DateTimeOffset since, CancellationToken cancellationToken = default)
    {
        var groups = await db.ReadAsync<IReadOnlyList<ErrorSummary>>(
            async c => (await c.QueryAsync<SummaryRow>(new CommandDefinition(
                    """
                    SELECT e.source, e.kind, COUNT(*) AS count, MIN(e.created_at) AS first_at, MAX(e.created_at) AS last_at,
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
                .Select(r => new ErrorSummary(db.Load(r.Source)!, db.Load(r.Kind)!, r.Count, Times.At(r.FirstAt), Times.At(r.LastAt), db.Load(r.LastMessage)!))
                .ToList(),
            cancellationToken).ConfigureAwait(false);
        return await WithTopMessagesAsync(groups, since, cancellationToken).ConfigureAwait(false);
    }

    private Task<IReadOnlyList<ErrorSummary>> WithTopMessagesAsync(IReadOnlyList<ErrorSummary> groups, DateTimeOffset since, CancellationToken cancellationToken) =>
        db.ReadAsync<IReadOnlyList<ErrorSummary>>(
            async c =>
            {
                var rows = (await c.QueryAsync<(string Source, string Kind, string Message, long Count)>(new CommandDefinition(
                    "SELECT source, kind, message, COUNT(*) AS count FROM error_events WHERE created_at >= @since GROUP BY source, kind, message ORDER BY count DESC, message",
                    new { since = Times.Ms(since) },
                    cancellationToken: cancellationToken)).ConfigureAwait(false)).ToList();
                return groups.Select(g => g with
                {
                    TopMessages = rows.Where(r => db.Load(r.Source) == g.Source && db.Load(r.Kind) == g.Kind).Take(3).Select(r => (db.Load(r.Message)!, r.Count)).ToList(),
                }).ToList();
            },
            cancellationToken);

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

        public long FirstAt { get; set; }

        public long LastAt { get; set; }

        public string LastMessage { get; set; } = string.Empty;
    }
}
