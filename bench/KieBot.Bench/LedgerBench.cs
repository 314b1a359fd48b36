using System.Diagnostics;
using System.Globalization;
using KieBot.Storage;
using KieBot.TestSupport.Postgres;

namespace KieBot.Bench;

/// <summary>
/// Ledger throughput: concurrent workers each run reserve → capture pairs (two transactions) over many users for a
/// fixed time, on SQLite (WAL) and on a real PostgreSQL with its default durability (fsync on).
/// </summary>
internal static class LedgerBench
{
    private const int Users = 1_000;

    public static async Task<int> RunAsync(string[] args)
    {
        var results = new BenchResults();
        await MeasureAsync(results, Option(args, "--seconds", 10), args.Contains("--workers") ? [Option(args, "--workers", 64)] : [16, 64]);
        return 0;
    }

    /// <summary>Uncontended (random users) rows for each worker count, then one hot user, on SQLite and PostgreSQL.</summary>
    public static async Task MeasureAsync(BenchResults results, int seconds, int[] workerCounts)
    {
        var folder = Directory.CreateTempSubdirectory("kiebot-bench-").FullName;
        foreach (var (workers, hot) in workerCounts.Select(w => (w, false)).Append((workerCounts[^1], true)))
        {
            await using var sqlite = BotStores.Open(new StorageOptions { SqlitePath = Path.Combine(folder, $"bench-{workers}-{hot}.db") });
            await MeasureAsync(results, $"SQLite (WAL, one writer), {workers} workers", sqlite, seconds, workers, hot, goal: false);
        }

        await using (var server = await PostgresServer.StartAsync(durable: true))
        {
            foreach (var (workers, hot) in workerCounts.Select(w => (w, false)).Append((workerCounts[^1], true)))
            {
                await using var postgres = BotStores.Open(new StorageOptions { DatabaseUrl = await server.CreateDatabaseAsync("bench") });
                await MeasureAsync(results, $"PostgreSQL (fsync on), {workers} workers", postgres, seconds, workers, hot, goal: !hot);
            }
        }

        Directory.Delete(folder, recursive: true);
    }

    private static async Task MeasureAsync(BenchResults results, string name, IBotStore store, int seconds, int workers, bool hot, bool goal)
    {
        await store.MigrateAsync();
        for (var user = 1; user <= Users; user++)
        {
            await store.Ledger.GrantAsync(user, Credits.Whole(1_000_000), $"seed:{user}", GrantReason.Admin);
        }

        // Warm the pools and the JIT before timing.
        await RunPairsAsync(store, TimeSpan.FromSeconds(1), workers, "warm", hot);
        var (pairs, latencies, elapsed) = await RunPairsAsync(store, TimeSpan.FromSeconds(seconds), workers, "run", hot);
        latencies.Sort();
        var check = await store.Ledger.CheckAsync();
        var perSecond = pairs / elapsed.TotalSeconds;
        var what = hot ? "one hot user" : $"{Users:N0} users";
        results.Add(new("ledger", $"{name}, {what}: reserve+capture pairs/s", BenchResults.N(perSecond), goal ? "≥ 5,000" : "", goal ? perSecond >= 5_000 : null));
        results.Add(new("ledger", $"{name}, {what}: pair p50 / p99, ledger consistent", $"{BenchResults.Ms(BenchResults.Percentile(latencies, 0.50))} / {BenchResults.Ms(BenchResults.Percentile(latencies, 0.99))}, {(check.IsConsistent ? "yes" : "NO")}", "consistent", check.IsConsistent));
    }

    private static async Task<(long Pairs, List<double> Latencies, TimeSpan Elapsed)> RunPairsAsync(IBotStore store, TimeSpan duration, int workers, string phase, bool hot)
    {
        var stopwatch = Stopwatch.StartNew();
        var all = new List<double>[workers];
        long pairs = 0;
        await Task.WhenAll(Enumerable.Range(0, workers).Select(w => Task.Run(async () =>
        {
            var mine = all[w] = [];
            var random = new Random(w);
            for (var i = 0; stopwatch.Elapsed < duration; i++)
            {
                var started = Stopwatch.GetTimestamp();
                var key = $"{phase}:{w}:{i}";
                var user = hot ? 1 : random.Next(1, Users + 1);
                var reserve = await store.Ledger.ReserveAsync(user, new Credits(550), key);
                if (!reserve.Succeeded || !(await store.Ledger.CaptureAsync(key, key + ":capture")).Succeeded)
                {
                    throw new InvalidOperationException($"pair {key} failed");
                }

                mine.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                Interlocked.Increment(ref pairs);
            }
        })));
        return (pairs, all.SelectMany(l => l).ToList(), stopwatch.Elapsed);
    }

    private static int Option(string[] args, string name, int fallback)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length && int.TryParse(args[at + 1], NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : fallback;
    }
}
