using Dapper;

namespace KieBot.Storage.Sql;

internal sealed class SqlTaskDurations(SqlDatabase db) : ITaskDurations
{
    public Task RecordAsync(string key, TimeSpan duration, CancellationToken cancellationToken = default)
    {
        if (duration <= TimeSpan.Zero)
        {
            return Task.CompletedTask;
        }

        // A statistic, not money: a relaxed write; the oldest beyond the kept window go in the same round trip.
        return db.WriteRelaxedAsync(
            async w =>
            {
                await w.Connection.ExecuteAsync(w.Command(
                    "INSERT INTO task_durations (key, seconds, finished_at) VALUES (@key, @seconds, @now)",
                    new { key = db.Store(key), seconds = duration.TotalSeconds, now = db.Now() })).ConfigureAwait(false);
                return await w.Connection.ExecuteAsync(w.Command(
                    $"""
                    DELETE FROM task_durations WHERE key = @key AND finished_at < (
                        SELECT finished_at FROM task_durations WHERE key = @key ORDER BY finished_at DESC LIMIT 1 OFFSET {ITaskDurations.Kept - 1})
                    """,
                    new { key = db.Store(key) })).ConfigureAwait(false);
            },
            cancellationToken);
    }

    public Task<TaskExpectation?> ReadAsync(string key, CancellationToken cancellationToken = default) =>
        db.ReadAsync(
            async c =>
            {
                var seconds = (await c.QueryAsync<double>(new CommandDefinition(
                    $"SELECT seconds FROM task_durations WHERE key = @key ORDER BY finished_at DESC LIMIT {ITaskDurations.Kept}",
                    new { key = db.Store(key) },
                    cancellationToken: cancellationToken)).ConfigureAwait(false)).Order().ToList();
                return seconds.Count == 0 ? null : new TaskExpectation(seconds.Count, Quantile(seconds, 0.5), Quantile(seconds, 0.9));
            },
            cancellationToken);

    /// <summary>The nearest-rank quantile of sorted values.</summary>
    private static TimeSpan Quantile(List<double> sorted, double q) =>
        TimeSpan.FromSeconds(sorted[Math.Clamp((int)Math.Ceiling(q * sorted.Count) - 1, 0, sorted.Count - 1)]);
}
