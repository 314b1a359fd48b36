using System.Diagnostics;
using System.Globalization;
using KieBot.Generations;
using KieBot.Features.History;
using KieBot.Storage;
using KieBot.Telegram;
using KieBot.TestSupport.Kie;
using KieBot.TestSupport.Postgres;
using KieCatalog;
using KieCatalog.Catalog;
using KieCatalog.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using KieBot.Conversation;

namespace KieBot.Bench;

/// <summary>
/// Tracking: N generations in flight on PostgreSQL, each a real task on the fake KIE server that finishes after a
/// fixed number of status reads; the tracker follows them to the end. Reports status calls per task against back-off
/// steps, and the CPU of the tracker's process (the fake server runs in a child process; PostgreSQL in its own).
/// </summary>
internal static class TrackingBench
{
    public static async Task<int> RunAsync(string[] args)
    {
        var results = new BenchResults();
        await MeasureAsync(results, args.Length > 0 && int.TryParse(args[0], NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 10_000);
        return 0;
    }

    public static async Task MeasureAsync(BenchResults results, int count)
    {
        const int Steps = 3;
        await using var server = await PostgresServer.StartAsync();

        // The fake KIE server runs in its own process, so that this process's CPU is the tracker's (and its clients').
        using var fake = BenchChild.Start("fake-kie");
        var fakeUrl = new Uri(await fake.ReadAsync());
        await using var store = BotStores.Open(new StorageOptions { DatabaseUrl = await server.CreateDatabaseAsync("tracking") });
        await store.MigrateAsync();

        await using var provider = ChildKieClient.For(fakeUrl);
        var kie = provider.GetRequiredService<IKieGateway>();

        Console.Error.WriteLine($"creating {count:N0} generations…");
        var mode = Models.ZImage.TextToImage;
        var input = new ZImageTextToImageInput { Prompt = "A lighthouse at dusk" };
        for (var user = 1; user <= 100; user++)
        {
            await store.Ledger.GrantAsync(user, Credits.Whole(1_000_000), $"seed:{user}", GrantReason.Admin);
        }

        await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = 32 }, async (i, ct) =>
        {
            var id = $"bench{i:D6}";
            await store.Generations.CreateReservedAsync(
                new Generation
                {
                    Id = id, UserId = 1 + (i % 100), ChatId = 1 + (i % 100), ModelId = mode.Model.Id, ModeId = mode.Id, KieModel = mode.KieModel,
                    Api = mode.Api.ToString(), InputJson = input.ToInputJson(), Price = Credits.Ceiling(input.Price()), ReservationKey = GenerationSubmitter.ReservationKey(id),
                },
                ct);
            var task = await kie.CreateTaskAsync(input, cancellationToken: ct);
            await store.Generations.MoveAsync(id, GenerationState.Submitted, new GenerationChange { KieTaskId = task.TaskId }, ct);
        });

        var surface = new CountingReporter();
        var tracker = new GenerationTracker(store, kie, surface, TimeProvider.System, KieBot.Storage.HostIdentity.New(), NullLogger<GenerationTracker>.Instance);
        var process = Process.GetCurrentProcess();
        var cpuBefore = process.TotalProcessorTime;
        var wall = Stopwatch.StartNew();
        using var stop = new CancellationTokenSource();
        var tracking = tracker.RunAsync(stop.Token);
        while (surface.Delivered < count && wall.Elapsed < TimeSpan.FromMinutes(20))
        {
            await Task.Delay(500);
        }

        await stop.CancelAsync();
        await tracking;
        wall.Stop();
        process.Refresh();
        var cpu = process.TotalProcessorTime - cpuBefore;
        await fake.SendAsync("reads");
        var reads = int.Parse(await fake.ReadAsync(), CultureInfo.InvariantCulture);
        await fake.StopAsync();
        var check = await store.Ledger.CheckAsync();

        var perRead = cpu.TotalMilliseconds / reads;
        var steady = count / tracker.MaxPollInterval.TotalSeconds * perRead / 1000;
        var perTask = (double)reads / count;
        results.Add(new("tracking", $"generations tracked to the end (each needs {Steps} status reads)", $"{surface.Delivered:N0} of {count:N0}", "all", surface.Delivered == count));
        results.Add(new("tracking", "KIE status calls per task", perTask.ToString("0.00", CultureInfo.InvariantCulture), $"≤ {Steps} (1 per back-off step)", perTask <= Steps));
        results.Add(new("tracking", $"wall time; tracker process CPU while all {count:N0} finish at once", $"{wall.Elapsed.TotalSeconds:N1} s; {cpu.TotalSeconds / wall.Elapsed.TotalSeconds:P0}"));
        results.Add(new("tracking", "tracker CPU per status read (delivery and capture included)", $"{perRead:0.00} ms"));
        results.Add(new("tracking", $"{count:N0} long tasks at the {tracker.MaxPollInterval.TotalSeconds:0}-s back-off cap: reads/s × CPU per read", $"{steady:P1} of one core", "< 5 %", steady < 0.05));
        results.Add(new("tracking", "managed heap after the run (GC.GetTotalMemory)", $"{GC.GetTotalMemory(forceFullCollection: true) / 1024.0 / 1024.0:N1} MB"));
        results.Add(new("tracking", "ledger consistent after the run", check.IsConsistent ? "yes" : "NO", "yes", check.IsConsistent));
    }

    /// <summary>
    /// The fake KIE server alone (<c>fake-kie [READS]</c>, a task done after READS status reads, 3 unless given): replies
    /// its URL, then answers "reads" with the number of status reads it served and "complete TASK" by finishing that task
    /// now, until stdin closes.
    /// </summary>
    public static async Task<int> ServeFakeKieAsync(string[] args)
    {
        await using var server = await FakeKieServer.StartAsync();
        server.ReadsToFinish = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 3;
        BenchChild.Reply(server.BaseUrl.AbsoluteUri);
        while (await Console.In.ReadLineAsync() is { } line)
        {
            if (line == "reads")
            {
                BenchChild.Reply(server.CountOf("/api/v1/jobs/recordInfo").ToString(CultureInfo.InvariantCulture));
            }
            else if (line.StartsWith("complete ", StringComparison.Ordinal))
            {
                await server.CompleteAsync(line["complete ".Length..]);
                BenchChild.Reply("done");
            }
        }

        return 0;
    }
}
