using System.Globalization;

namespace KieBot.Bench.Schedule;

/// <summary>
/// Delivery lag after KIE finishes and status calls per task, in simulated time, for a realistic mix of tasks
/// (<see cref="TaskMix"/>): today's back-off without history, fixed 6-s polling, and the expectation schedule with history
/// warmed from the same distribution; each without and with KIE's callbacks. The real tracker runs every read
/// (<see cref="ScheduleSimulation"/>); the callback path's real cost is measured apart (<see cref="CallbackLagBench"/>).
/// </summary>
internal static class ScheduleBench
{
    private const int Seed = 20261201;

    public static readonly ScheduleScenario[] Scenarios =
    [
        new("today's back-off, no history (3 s ×1.5 to 60 s)", Warm: false, Callbacks: false, TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(60)),
        new("fixed 6-s polling", Warm: false, Callbacks: false, TimeSpan.FromSeconds(6), TimeSpan.FromSeconds(6)),
        new("expectation schedule, history warmed", Warm: true, Callbacks: false, TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(60)),
    ];

    public static async Task<int> RunAsync(string[] args)
    {
        var results = new BenchResults();
        await MeasureAsync(results, args.Length > 0 && int.TryParse(args[0], NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 2_000);
        return 0;
    }

    public static async Task MeasureAsync(BenchResults results, int count)
    {
        Console.Error.WriteLine($"schedule: {count:N0} tasks per run in SIMULATED time (the real tracker on a fake clock, KIE simulated in process)…");
        foreach (var callbacks in new[] { false, true })
        {
            foreach (var scenario in Scenarios)
            {
                var run = scenario with { Callbacks = callbacks };
                var tasks = await ScheduleSimulation.RunAsync(run, count, Seed);
                Report(results, run, tasks, count);
                if (run.Warm && !callbacks)
                {
                    foreach (var category in new[] { "image", "video", "music" })
                    {
                        Report(results, run, tasks.Where(t => t.Kind.Category == category).ToList(), count, category);
                    }
                }
            }
        }

        await CallbackLagBench.MeasureAsync(results, 200);
    }

    private static void Report(BenchResults results, ScheduleScenario run, IReadOnlyList<SimulatedTask> tasks, int count, string? category = null)
    {
        var delivered = tasks.Where(t => t.Delivered is not null).ToList();
        var lags = delivered.Select(t => (t.Delivered!.Value - t.Done).TotalSeconds).Order().ToList();
        var calls = tasks.Average(t => t.Reads);
        var (p50, p95, p99) = (BenchResults.Percentile(lags, 0.5), BenchResults.Percentile(lags, 0.95), BenchResults.Percentile(lags, 0.99));
        var what = $"simulated, {(run.Callbacks ? "with callbacks" : "no callbacks")}, {run.Name}{(category is null ? string.Empty : $", {(category == "music" ? category : category + "s")} only ({tasks.Count:N0})")}";
        var all = category is null && delivered.Count == count;
        var lagValue = $"{S(p50)} / {S(p95)} / {S(p99)} s";
        if (run.Callbacks)
        {
            var afterCallback = delivered.Select(t => (t.Delivered!.Value - t.CallbackAt!.Value).TotalSeconds).Order().ToList();
            var p99Callback = BenchResults.Percentile(afterCallback, 0.99);
            results.Add(new("schedule", $"{what}: lag after KIE done p50 / p95 / p99", lagValue));
            results.Add(new("schedule", $"{what}: lag after the callback arrives p99; status calls per task (the verifying read included)", $"{S(p99Callback)} s; {calls:0.00}", "p99 ≤ 1 s", all && p99Callback <= 1));
            return;
        }

        results.Add(new("schedule", $"{what}: lag after KIE done p50 / p95 / p99", lagValue, category is null ? "p50 ≤ 2 s, p95 ≤ 8 s" : "", category is null ? all && p50 <= 2 && p95 <= 8 : null));
        results.Add(new("schedule", $"{what}: status calls per task; delivered", $"{calls:0.00}; {delivered.Count:N0} of {tasks.Count:N0}", category is null ? "≤ 6" : "", category is null ? all && calls <= 6 : null));
    }

    private static string S(double seconds) => seconds.ToString("0.0", CultureInfo.InvariantCulture);
}
