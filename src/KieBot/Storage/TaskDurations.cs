namespace KieBot.Storage;

/// <summary>How long a kind of task usually takes at KIE: from the newest finished tasks of the same mode and profile.</summary>
public sealed record TaskExpectation(int Count, TimeSpan P50, TimeSpan P90);

/// <summary>
/// The time KIE takes from create to done, recorded per key (a mode and the parameters that drive its work) when a
/// generation succeeds; kept in the database, so it survives restarts and every host shares it. Only the newest
/// <see cref="Kept"/> of a key are kept.
/// </summary>
public interface ITaskDurations
{
    /// <summary>How many durations of one key are kept (and read).</summary>
    const int Kept = 200;

    Task RecordAsync(string key, TimeSpan duration, CancellationToken cancellationToken = default);

    /// <summary>The median and 90th percentile of the kept durations of <paramref name="key"/>; null when none is recorded.</summary>
    Task<TaskExpectation?> ReadAsync(string key, CancellationToken cancellationToken = default);
}
