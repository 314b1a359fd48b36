namespace KieBot.Storage;

/// <summary>A failure worth reporting: where (source), what (kind, code), the log-safe message and context.</summary>
public sealed record ErrorEvent(long Id, string Source, string Kind, string? Code, string Message, string? Context, DateTimeOffset CreatedAt);

/// <summary>Errors of one source and kind in a period: how many, first and last seen, the most frequent messages.</summary>
public sealed record ErrorSummary(string Source, string Kind, long Count, DateTimeOffset FirstAt, DateTimeOffset LastAt, string LastMessage)
{
    public IReadOnlyList<(string Message, long Count)> TopMessages { get; init; } = [];
}

public interface IErrorLog
{
    Task AddAsync(string source, string kind, string? code, string message, string? context = null, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<ErrorEvent>> RecentAsync(DateTimeOffset since, int limit, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<ErrorSummary>> SummaryAsync(DateTimeOffset since, CancellationToken cancellationToken = default);
}
