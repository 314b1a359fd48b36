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
        using var fake = StartFakeKie(out var fakeUrl);
        await using var store = BotStores.Open(new StorageOptions { DatabaseUrl = await server.CreateDatabaseAsync("tracking") });
        await store.MigrateAsync();

        var services = new ServiceCollection().AddLogging();
        services.AddKieClient(o =>
        {
            o.BaseUrl = fakeUrl;
            o.UploadBaseUrl = fakeUrl;
            o.ApiKey = FakeKieServer.DefaultApiKey;
        });
        await using var provider = services.BuildServiceProvider();
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
        await fake.StandardInput.WriteLineAsync("reads");
        var reads = int.Parse((await fake.StandardOutput.ReadLineAsync())!, CultureInfo.InvariantCulture);
        fake.StandardInput.Close();
        await fake.WaitForExitAsync();
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
    /// The fake KIE server alone (<c>fake-kie</c>): prints its URL, then answers each "reads" line on stdin with the
    /// number of status reads it served, until stdin closes.
    /// </summary>
    public static async Task<int> ServeFakeKieAsync()
    {
        await using var server = await FakeKieServer.StartAsync();
        server.ReadsToFinish = 3;
        Console.WriteLine(server.BaseUrl.AbsoluteUri);
        while (await Console.In.ReadLineAsync() is { } line)
        {
            if (line == "reads")
            {
                Console.WriteLine(server.CountOf("/api/v1/jobs/recordInfo").ToString(CultureInfo.InvariantCulture));
            }
        }

        return 0;
    }

    private static Process StartFakeKie(out Uri url)
    {
        var start = new ProcessStartInfo("dotnet", $"\"{typeof(TrackingBench).Assembly.Location}\" fake-kie")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        var process = Process.Start(start)!;
        url = new Uri(process.StandardOutput.ReadLine()!);
        return process;
    }
}
