using System.Text.Json;
using KieBot.Storage;
using KieCatalog;
using KieCatalog.Catalog;

namespace KieBot.Generations;

/// <summary>
/// When to read a task next, from how long tasks of its kind usually take: sparse before the expected finish, dense
/// around it, backing off past the 90th percentile. A kind with too little history keeps the plain back-off.
/// </summary>
public static class ReadSchedule
{
    /// <summary>Durations a kind needs before its schedule follows them.</summary>
    public const int MinSamples = 5;

    /// <summary>
    /// The pause between reads around the usual finish, as a share of the median: 5 %, between 2 and 8 s. Chosen with the
    /// schedule benchmark (docs/performance.md): at most 8 s keeps the 95th percentile of the lag within 8 s for videos
    /// and music, whose finish spreads over minutes, and 5 % rather than 4 % saves reads on the one-to-two-minute kinds.
    /// </summary>
    public const double DensePace = 0.05;

    public static readonly TimeSpan MinDensePause = TimeSpan.FromSeconds(2);

    public static readonly TimeSpan MaxDensePause = TimeSpan.FromSeconds(8);

    /// <summary>The longest pause before the expected finish (a task that fails early is still seen within it).</summary>
    public static readonly TimeSpan MaxEarlyPause = TimeSpan.FromMinutes(2);

    /// <summary>
    /// The kind of a generation's task: its mode, and the values of the parameters its price depends on (resolution,
    /// length, quality: what drives the work), e.g. <c>kling-2.6/text-to-video|duration=10|sound=true</c>.
    /// </summary>
    public static string Key(Generation generation)
    {
        // The mode's key today: a mode the catalog has since moved keeps the durations it gathered under its new key.
        var mode = StoredMode.Of(generation);
        if (mode is null)
        {
            return generation.ModelId + "/" + generation.ModeId;
        }

        var key = mode.Key;

        using var input = JsonDocument.Parse(generation.InputJson);
        foreach (var param in mode.Params.Where(p => p.AffectsPrice && p.Kind is ParamKind.Enum or ParamKind.Boolean).OrderBy(p => p.Name, StringComparer.Ordinal))
        {
            key += "|" + param.Name + "=" + StoredMode.WireValue(input.RootElement, param);
        }

        return key;
    }

    /// <summary>
    /// The pause before the next read of a task <paramref name="elapsed"/> old: with a known <paramref name="expected"/>
    /// (enough samples), the first read near 80 % of the median, then every 5 % of the median (2–8 s) up to the 90th
    /// percentile, then a quarter of the overrun (that far up to a minute); otherwise <paramref name="backoff"/>.
    /// </summary>
    public static TimeSpan Next(TimeSpan elapsed, TaskExpectation? expected, TimeSpan backoff)
    {
        if (Usable(expected) is not { } known)
        {
            return backoff;
        }

        var p50 = known.P50;
        var p90 = known.P90 < p50 ? p50 : known.P90;
        var dense = Clamp(p50 * DensePace, MinDensePause, MaxDensePause);
        var denseFrom = p50 * 0.8;
        if (elapsed < denseFrom)
        {
            return Clamp(denseFrom - elapsed, dense, MaxEarlyPause);
        }

        return elapsed <= p90 ? dense : Clamp((elapsed - p90) * 0.25, dense, TimeSpan.FromMinutes(1));
    }

    /// <summary>The expectation when enough tasks of the kind were seen to go by it; else null.</summary>
    public static TaskExpectation? Usable(TaskExpectation? expected) => expected is { Count: >= MinSamples } ? expected : null;

    private static TimeSpan Clamp(TimeSpan value, TimeSpan min, TimeSpan max) => value < min ? min : value > max ? max : value;
}
