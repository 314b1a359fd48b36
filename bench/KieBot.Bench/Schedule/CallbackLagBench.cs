using System.Collections.Concurrent;
using System.Globalization;
using KieBot.Generations;
using KieBot.Storage;
using KieBot.TestSupport.Kie;
using KieBot.TestSupport.Postgres;
using KieCatalog;
using KieCatalog.Catalog;
using KieCatalog.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace KieBot.Bench.Schedule;

/// <summary>
/// The callback path in real time: N generations on PostgreSQL, each a task on the fake KIE server in a child process,
/// with the tracker running; the kind's history says 10 minutes, so the schedule's own next read is two minutes away and
/// any delivery is the callback's. KIE finishes the tasks one after another (10 a second); as each is done, what the
/// callback endpoint does with a valid callback (find the row by task id, make it due, wake the tracker) runs, and the
/// tracker's verifying status read over HTTP delivers it. Measures delivered − callback arrival.
/// </summary>
internal static class CallbackLagBench
{
    public static async Task MeasureAsync(BenchResults results, int count)
    {
        await using var server = await PostgresServer.StartAsync();
        using var fake = BenchChild.Start("fake-kie 1000000");
        var fakeUrl = new Uri(await fake.ReadAsync());
        await using var store = BotStores.Open(new StorageOptions { DatabaseUrl = await server.CreateDatabaseAsync("callbacks") });
        await store.MigrateAsync();
        await using var provider = ChildKieClient.For(fakeUrl);
        var kie = provider.GetRequiredService<IKieGateway>();

        var mode = Models.ZImage.TextToImage;
        var input = new ZImageTextToImageInput { Prompt = "A lighthouse at dusk" };
        var rows = new List<(string Id, string TaskId)>();
        for (var i = 0; i < count; i++)
        {
            var generation = new Generation
            {
                Id = $"cb{i:D4}", UserId = 1 + i, ChatId = 1 + i, ModelId = mode.Model.Id, ModeId = mode.Id, KieModel = mode.KieModel,
                Api = mode.Api.ToString(), InputJson = input.ToInputJson(), Price = Credits.Zero,
            };
            if (i == 0)
            {
                for (var s = 0; s < 20; s++)
                {
                    await store.Durations.RecordAsync(ReadSchedule.Key(generation), TimeSpan.FromMinutes(10));
                }
            }

            await store.Generations.CreateAsync(generation);
            var task = await kie.CreateTaskAsync(input);
            await store.Generations.MoveAsync(generation.Id, GenerationState.Submitted, new GenerationChange { KieTaskId = task.TaskId });
            rows.Add((generation.Id, task.TaskId));
        }

        var surface = new CountingReporter();
        var tracker = new GenerationTracker(store, kie, surface, TimeProvider.System, HostIdentity.New(), NullLogger<GenerationTracker>.Instance);
        using var stop = new CancellationTokenSource();
        var tracking = tracker.RunAsync(stop.Token);

        // Every task's first read (at once after its submission) is done before KIE finishes any.
        while (await ReadsAsync(fake) < count)
        {
            await Task.Delay(100);
        }

        var arrived = new ConcurrentDictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        var endpoint = new List<Task>();
        var random = new Random(21);
        foreach (var (id, taskId) in rows)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(random.Next(50, 150)));
            await fake.SendAsync("complete " + taskId);
            await fake.ReadAsync();
            arrived[id] = DateTimeOffset.UtcNow;
            endpoint.Add(Task.Run(async () =>
            {
                var generation = await store.Generations.FindByTaskIdAsync(taskId);
                if (generation is not null && await store.Generations.HurryAsync(generation.Id, tracker.LiveLease))
                {
                    tracker.Wake();
                }
            }));
        }

        await Task.WhenAll(endpoint);
        var waited = DateTimeOffset.UtcNow;
        while (surface.Delivered < count && DateTimeOffset.UtcNow - waited < TimeSpan.FromMinutes(1))
        {
            await Task.Delay(20);
        }

        await stop.CancelAsync();
        await tracking;
        var reads = await ReadsAsync(fake);
        await fake.StopAsync();
        var lags = surface.DeliveredById.Select(d => (d.Value - arrived[d.Key]).TotalSeconds).Order().ToList();
        var p99 = BenchResults.Percentile(lags, 0.99);
        results.Add(new(
            "schedule",
            $"real time, PostgreSQL, fake KIE in a child process, {count} callbacks at ~10/s: lag after the callback arrives p50 / p99 / max; status calls per task",
            $"{S(BenchResults.Percentile(lags, 0.5))} / {S(p99)} / {S(lags.LastOrDefault())} s; {(double)reads / count:0.00} ({surface.Delivered} delivered)",
            "p99 ≤ 1 s",
            surface.Delivered == count && p99 <= 1));
    }

    private static async Task<int> ReadsAsync(BenchChild fake)
    {
        await fake.SendAsync("reads");
        return int.Parse(await fake.ReadAsync(), CultureInfo.InvariantCulture);
    }

    private static string S(double seconds) => seconds.ToString("0.00", CultureInfo.InvariantCulture);
}
