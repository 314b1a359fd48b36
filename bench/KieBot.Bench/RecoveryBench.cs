using System.Globalization;
using KieBot.Generations;
using KieBot.Features.History;
using KieBot.Storage;
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
/// A host killed mid-work: it had leased N in-flight generations (the production lease) and renews them no more; KIE
/// finishes all of them at that moment; a second host (a fresh tracker) delivers them. Measures the seconds from KIE
/// done to delivered without callbacks (the lease runs out) and with KIE's callbacks arriving a second after the crash.
/// Real time, PostgreSQL, the fake KIE server in this process (the figure is a wait, not CPU).
/// </summary>
internal static class RecoveryBench
{
    public static async Task<int> RunAsync(string[] args)
    {
        await MeasureAsync(new BenchResults(), args.Length > 0 && int.TryParse(args[0], NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 50);
        return 0;
    }

    public static async Task MeasureAsync(BenchResults results, int count)
    {
        await using var server = await PostgresServer.StartAsync();
        await using var kieServer = await FakeKieServer.StartAsync();
        kieServer.ReadsToFinish = 1_000_000;
        var services = new ServiceCollection().AddLogging();
        services.AddKieClient(kieServer.Configure);
        await using var provider = services.BuildServiceProvider();
        var kie = provider.GetRequiredService<IKieGateway>();

        foreach (var callbacks in new[] { false, true })
        {
            await using var store = BotStores.Open(new StorageOptions { DatabaseUrl = await server.CreateDatabaseAsync("recovery") });
            await store.MigrateAsync();
            var surface = new CountingReporter();
            var tracker = new GenerationTracker(store, kie, surface, TimeProvider.System, KieBot.Storage.HostIdentity.New(), NullLogger<GenerationTracker>.Instance);
            var ids = await CreateAsync(store, kie, count);

            // The crash: every row leased by a host that will never renew, and KIE done with all of them right then.
            var held = await store.Generations.ClaimInFlightAsync(count, tracker.WorkLease, "killed-host");
            foreach (var generation in held)
            {
                await kieServer.CompleteAsync(generation.KieTaskId!);
            }

            var done = DateTimeOffset.UtcNow;
            using var stop = new CancellationTokenSource();
            var tracking = tracker.RunAsync(stop.Token);
            if (callbacks)
            {
                // What the callback endpoint does for each of KIE's callbacks, a second after the crash.
                await Task.Delay(TimeSpan.FromSeconds(1));
                foreach (var id in ids)
                {
                    await store.Generations.HurryAsync(id, tracker.LiveLease);
                }

                tracker.Wake();
            }

            while (surface.Delivered < count && DateTimeOffset.UtcNow - done < TimeSpan.FromMinutes(2))
            {
                await Task.Delay(50);
            }

            await stop.CancelAsync();
            await tracking;
            var lags = surface.DeliveredAt.Values.Select(at => (at - done).TotalSeconds).Order().ToList();
            var what = callbacks ? "with KIE's callbacks 1 s after the crash" : "without callbacks";
            results.Add(new(
                "recovery",
                $"{count} results KIE finished as their host was killed ({tracker.WorkLease.TotalSeconds:0}-s lease, renewed every {tracker.RenewEvery.TotalSeconds:0} s), {what}: seconds from KIE done to delivered p50 / max",
                $"{BenchResults.Percentile(lags, 0.5):0.0} / {lags.LastOrDefault():0.0} s ({surface.Delivered} delivered)",
                callbacks ? $"≤ {(2 * tracker.RenewEvery).TotalSeconds + 2:0} s" : $"≤ {tracker.WorkLease.TotalSeconds + 2:0} s",
                surface.Delivered == count && lags.LastOrDefault() <= (callbacks ? (2 * tracker.RenewEvery).TotalSeconds : tracker.WorkLease.TotalSeconds) + 2));
        }
    }

    private static async Task<List<string>> CreateAsync(IBotStore store, IKieGateway kie, int count)
    {
        var mode = Models.ZImage.TextToImage;
        var input = new ZImageTextToImageInput { Prompt = "A lighthouse at dusk" };
        var ids = new List<string>();
        for (var i = 0; i < count; i++)
        {
            var id = $"rec{i:D4}";
            await store.Generations.CreateAsync(new Generation
            {
                Id = id, UserId = 1 + i, ChatId = 1 + i, ModelId = mode.Model.Id, ModeId = mode.Id, KieModel = mode.KieModel,
                Api = mode.Api.ToString(), InputJson = input.ToInputJson(), Price = Credits.Zero,
            });
            var task = await kie.CreateTaskAsync(input);
            await store.Generations.MoveAsync(id, GenerationState.Submitted, new GenerationChange { KieTaskId = task.TaskId });
            ids.Add(id);
        }

        return ids;
    }
}
