using System.Globalization;
using KieBot.Storage;
using KieCatalog.Catalog;

namespace KieBot.Generations;

/// <summary>
/// Free daily generations: the modes in <see cref="GenerationOptions.FreeModes"/> cost nothing for the first
/// <see cref="GenerationOptions.FreeDaily"/> generations of each user per day, the day taken in <see cref="GenerationOptions.FreeTimeZone"/>.
/// A free generation uses the quota while it runs and when it succeeds; a failed one gives it back.
/// </summary>
public sealed class FreeQuota(IBotStore store, GenerationOptions settings, TimeProvider time)
{
    public bool Enabled => settings.FreeDaily > 0 && settings.FreeModes.Count > 0;

    public int Daily => settings.FreeDaily;

    public bool Covers(ModeDescriptor mode) => settings.FreeDaily > 0 && settings.FreeModes.Contains(mode.Key);

    /// <summary>Today in the quota's time zone, as the generations table stores it.</summary>
    public string Today() =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(time.GetUtcNow(), settings.FreeTimeZone).DateTime).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Free generations the user has left today (0 when the quota is off).</summary>
    public async Task<int> LeftAsync(long userId, CancellationToken ct) =>
        Enabled ? Math.Max(0, settings.FreeDaily - await store.Generations.CountFreeAsync(userId, Today(), ct).ConfigureAwait(false)) : 0;

    /// <summary>Mode keys from <c>FREE_MODES</c> ("model/mode,…"); each must name a visible mode of the catalog.</summary>
    public static IReadOnlySet<string> ParseModes(string? text, List<string> problems)
    {
        var modes = new HashSet<string>(StringComparer.Ordinal);
        foreach (var key in (text ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var mode = KieCatalog.Models.All.SelectMany(m => m.Modes).FirstOrDefault(m => m.Key == key);
            if (mode is null || !mode.IsVisible)
            {
                problems.Add($"FREE_MODES: '{key}' is not a visible mode of the catalog (write model/mode, as `catalog` lists them)");
                continue;
            }

            modes.Add(key);
        }

        return modes;
    }

    /// <summary>The time zone from <c>FREE_TIMEZONE</c> (an IANA name such as Europe/Moscow; UTC when unset).</summary>
    public static TimeZoneInfo ParseTimeZone(string? text, List<string> problems)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return TimeZoneInfo.Utc;
        }

        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(text.Trim());
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            problems.Add($"FREE_TIMEZONE must be a time zone name such as Europe/Moscow or UTC (got '{text}')");
            return TimeZoneInfo.Utc;
        }
    }
}
