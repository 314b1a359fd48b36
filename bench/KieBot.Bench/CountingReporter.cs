using KieBot.Generations;
using KieBot.Storage;
using KieCatalog.Client;
using KieCatalog.Errors;

namespace KieBot.Bench;

/// <summary>A user who sees everything at once and counts deliveries (and when each chat got its first): the benchmarks measure the tracker, not Telegram.</summary>
internal sealed class CountingReporter(TimeProvider? time = null) : IGenerationReporter
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<long, DateTimeOffset> deliveredAt = new();
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, DateTimeOffset> byId = new(StringComparer.Ordinal);
    private int delivered;

    public int Delivered => Volatile.Read(ref delivered);

    /// <summary>When each chat's first result was delivered.</summary>
    public IReadOnlyDictionary<long, DateTimeOffset> DeliveredAt => deliveredAt;

    /// <summary>When each generation was delivered (on the reporter's clock).</summary>
    public IReadOnlyDictionary<string, DateTimeOffset> DeliveredById => byId;

    public Task<long> StartedAsync(Generation generation, int? confirmedMessageId, CancellationToken cancellationToken) => Task.FromResult(1L);

    public Task ProgressAsync(Generation generation, KieTask task, TimeSpan elapsed, TaskExpectation? expected, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task PreviewAsync(Generation generation, KieTrack preview, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task<IReadOnlyList<string>> DeliverAsync(Generation generation, Func<IReadOnlyList<string>, CancellationToken, Task> accepted, CancellationToken cancellationToken)
    {
        var now = (time ?? TimeProvider.System).GetUtcNow();
        deliveredAt.TryAdd(generation.ChatId, now);
        byId.TryAdd(generation.Id, now);
        Interlocked.Increment(ref delivered);
        return Task.FromResult(generation.ResultUrls);
    }

    public Task FailedAsync(Generation generation, KieError error, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task CapturedAsync(Generation generation, CancellationToken cancellationToken) => Task.CompletedTask;
}
