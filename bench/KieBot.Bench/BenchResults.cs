using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace KieBot.Bench;

/// <summary>One measured figure: its area, what it is, the value as shown, the goal and whether the value meets it (null: no goal).</summary>
internal sealed record BenchRow(string Area, string Measure, string Value, string Goal = "", bool? Met = null);

/// <summary>The rows of a run, printed as a table and written as JSON and Markdown with the machine they ran on.</summary>
internal sealed class BenchResults
{
    private readonly List<BenchRow> rows = [];

    public IReadOnlyList<BenchRow> Rows => rows;

    public void Add(BenchRow row)
    {
        rows.Add(row);
        Console.WriteLine($"  {row.Area,-10} {row.Measure,-72} {row.Value,16}  {row.Goal}{(row.Met is false ? "  (not met)" : string.Empty)}");
    }

    public static string Machine() =>
        $"{Environment.ProcessorCount} cores, {Environment.OSVersion}, .NET {Environment.Version}, {DateTime.UtcNow.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}";

    public string Markdown()
    {
        var lines = new List<string> { $"Machine: {Machine()}.", string.Empty, "| area | measure | value | goal | met |", "|---|---|---|---|---|" };
        lines.AddRange(rows.Select(r => $"| {r.Area} | {r.Measure} | {r.Value} | {r.Goal} | {(r.Met is null ? string.Empty : r.Met.Value ? "yes" : "**no**")} |"));
        return string.Join("\n", lines) + "\n";
    }

    public string Json() => new JsonObject
    {
        ["machine"] = Machine(),
        ["rows"] = new JsonArray(rows.Select(r => (JsonNode)new JsonObject
        {
            ["area"] = r.Area, ["measure"] = r.Measure, ["value"] = r.Value, ["goal"] = r.Goal, ["met"] = r.Met,
        }).ToArray()),
    }.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });

    /// <summary>Writes results.json and results.md under <paramref name="folder"/>; with <paramref name="docs"/>, replaces the table in docs/performance.md.</summary>
    public void Write(string folder, string? docs)
    {
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "results.json"), Json());
        File.WriteAllText(Path.Combine(folder, "results.md"), Markdown());
        Console.WriteLine($"\nwrote {Path.Combine(folder, "results.json")} and results.md");
        if (docs is null)
        {
            return;
        }

        const string Start = "<!-- bench:start -->";
        const string End = "<!-- bench:end -->";
        var text = File.ReadAllText(docs);
        var from = text.IndexOf(Start, StringComparison.Ordinal);
        var to = text.IndexOf(End, StringComparison.Ordinal);
        if (from < 0 || to < from)
        {
            throw new InvalidOperationException($"{docs} has no {Start} … {End} section");
        }

        File.WriteAllText(docs, text[..(from + Start.Length)] + "\n" + Markdown() + text[to..]);
        Console.WriteLine($"updated {docs}");
    }

    public static string Ms(double ms) => ms.ToString(ms < 10 ? "0.00" : "0.0", CultureInfo.InvariantCulture) + " ms";

    public static string N(double value) => value.ToString("N0", CultureInfo.InvariantCulture);

    public static double Percentile(List<double> sorted, double p) =>
        sorted.Count == 0 ? double.NaN : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];
}
