using System.Globalization;
using System.Text;
using System.Text.Json;
using KieBot.Storage;

namespace KieBot.Ops;

/// <summary>One group of the error report.</summary>
public sealed record ErrorReportRow(string Source, string Kind, long Count, DateTimeOffset FirstSeen, DateTimeOffset LastSeen, IReadOnlyList<string> TopMessages);

/// <summary><c>errors</c>: persisted error events grouped by source and kind for a window, as a table or JSON (the admin sees the same text).</summary>
public static class ErrorsCommand
{
    public static async Task<IReadOnlyList<ErrorReportRow>> ReportAsync(IBotStore store, DateTimeOffset since, CancellationToken ct)
    {
        var groups = await store.Errors.SummaryAsync(since, ct).ConfigureAwait(false);
        return groups
            .Select(g => new ErrorReportRow(g.Source, g.Kind, g.Count, g.FirstAt, g.LastAt, g.TopMessages.Select(m => $"{m.Count}× {m.Message}").ToList()))
            .ToList();
    }

    public static string Table(IReadOnlyList<ErrorReportRow> rows, TimeSpan window)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"Errors in the last {Window(window)}: {rows.Sum(r => r.Count)} in {rows.Count} group(s)\n");
        foreach (var source in rows.GroupBy(r => r.Source))
        {
            text.Append(CultureInfo.InvariantCulture, $"\n{source.Key}: {source.Sum(r => r.Count)}\n");
            foreach (var row in source)
            {
                text.Append(CultureInfo.InvariantCulture, $"  {row.Kind}: {row.Count} (first {row.FirstSeen:yyyy-MM-dd HH:mm}, last {row.LastSeen:yyyy-MM-dd HH:mm} UTC)\n");
                foreach (var message in row.TopMessages)
                {
                    text.Append("    ").Append(message.Length > 160 ? message[..160] + "…" : message).Append('\n');
                }
            }
        }

        return text.ToString();
    }

    public static async Task<int> RunAsync(StorageOptions storage, TimeSpan window, bool json, TextWriter output, TimeProvider? time = null, CancellationToken ct = default)
    {
        await using var store = BotStores.Open(storage);
        var rows = await ReportAsync(store, (time ?? TimeProvider.System).GetUtcNow() - window, ct).ConfigureAwait(false);
        await output.WriteAsync(json ? JsonSerializer.Serialize(rows, OpsJson.Default.IReadOnlyListErrorReportRow) + "\n" : Table(rows, window)).ConfigureAwait(false);
        return 0;
    }

    private static string Window(TimeSpan window) =>
        window.TotalHours >= 48 && window.TotalDays == Math.Floor(window.TotalDays) ? $"{window.TotalDays:0} d"
        : window.TotalHours >= 1 && window.TotalHours == Math.Floor(window.TotalHours) ? $"{window.TotalHours:0} h"
        : $"{window.TotalMinutes:0} min";
}
