using KieBot.Storage;
using KieCatalog.Client;

namespace KieBot.Generations;

/// <summary>How long tasks of a kind take: recorded when one succeeds, read (cached a few minutes) to schedule the next read.</summary>
public sealed partial class GenerationTracker
{
    private static readonly TimeSpan ExpectationsFresh = TimeSpan.FromMinutes(5);

    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, (TaskExpectation? Expected, DateTimeOffset ReadAt)> expectations = new(StringComparer.Ordinal);

    /// <summary>How long the generation's kind of task usually takes, when enough of them were seen (cached a few minutes).</summary>
    private async Task<TaskExpectation?> ExpectedAsync(Generation generation, CancellationToken ct)
    {
        var key = ReadSchedule.Key(generation);
        var now = time.GetUtcNow();
        if (expectations.TryGetValue(key, out var known) && now - known.ReadAt < ExpectationsFresh)
        {
            return known.Expected;
        }

        var expected = ReadSchedule.Usable(await store.Durations.ReadAsync(key, ct).ConfigureAwait(false));
        expectations[key] = (expected, now);
        return expected;
    }

    /// <summary>KIE's own create-to-done time when it reports both, else ours from the reservation to now; never fails the delivery.</summary>
    private async Task RecordDurationAsync(Generation generation, KieTask task, CancellationToken ct)
    {
        var duration = task is { CreatedAt: { } created, UpdatedAt: { } done } && done > created ? done - created : time.GetUtcNow() - generation.CreatedAt;
        try
        {
            await store.Durations.RecordAsync(ReadSchedule.Key(generation), duration, ct).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogRenewFailed(e.Message);
        }
    }
}
