using System.Diagnostics;
using System.Net.Http.Headers;
using KieBot.Features.Gallery;
using KieBot.Hosting;
using KieBot.Storage;
using KieBot.TestSupport.Postgres;
using KieBot.TestSupport.Telegram;

namespace KieBot.Bench;

/// <summary>
/// The gallery's first page (GET /gallery/api/items: initData checked, the user read, 24 cards with signed links) on the
/// real host over HTTP, PostgreSQL, for a user with 5,000 generations and for one with 5: keyset paging makes them equal.
/// </summary>
internal static class GalleryBench
{
    private const long Many = 501;
    private const long Few = 502;

    public static async Task<int> RunAsync(string[] args)
    {
        await MeasureAsync(new BenchResults(), 2_000);
        return 0;
    }

    public static async Task MeasureAsync(BenchResults results, int requests)
    {
        await using var server = await PostgresServer.StartAsync();
        await using var api = await FakeBotApi.StartAsync();
        var database = await server.CreateDatabaseAsync("gallery");
        await using (var store = BotStores.Open(new StorageOptions { DatabaseUrl = database }))
        {
            await store.MigrateAsync();
            await SeedAsync(store, Many, 5_000);
            await SeedAsync(store, Few, 5);
        }

        var port = KieBot.TestSupport.Hosting.LoopbackHost.FreePort();
        var env = new Dictionary<string, string>
        {
            ["TELEGRAM_BOT_TOKEN"] = FakeBotApi.Token,
            ["TELEGRAM_API_URL"] = api.BaseUrl.AbsoluteUri,
            ["WEBHOOK_URL"] = "https://kiebot.example",
            ["WEBHOOK_SECRET"] = "bench-secret",
            ["DATABASE_URL"] = database,
            ["PORT"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["GALLERY_RATE_PER_MINUTE"] = "100000",
        };
        var options = BotOptions.Read(name => env.GetValueOrDefault(name), out _);
        var app = TelegramHost.Build(options);
        await app.StartAsync();
        try
        {
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/") };
            foreach (var (user, label) in new[] { (Many, "5,000"), (Few, "5") })
            {
                var sorted = await TimeAsync(http, user, requests);
                results.Add(new BenchRow("gallery", $"API first page, {label} generations (PostgreSQL, HTTP) p50", BenchResults.Ms(BenchResults.Percentile(sorted, 0.50))));
                var p99 = BenchResults.Percentile(sorted, 0.99);
                results.Add(new BenchRow("gallery", $"API first page, {label} generations (PostgreSQL, HTTP) p99", BenchResults.Ms(p99), "< 20 ms", p99 < 20));
            }
        }
        finally
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }

    private static async Task<List<double>> TimeAsync(HttpClient http, long user, int requests)
    {
        var initData = InitData.For(user, "en", DateTimeOffset.UtcNow, FakeBotApi.Token);
        var times = new List<double>(requests);
        for (var i = 0; i < requests + 100; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "gallery/api/items");
            request.Headers.Authorization = new AuthenticationHeaderValue("tma", initData);
            var started = Stopwatch.GetTimestamp();
            using var response = await http.SendAsync(request);
            await response.Content.ReadAsByteArrayAsync();
            response.EnsureSuccessStatusCode();
            if (i >= 100)
            {
                times.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
        }

        times.Sort();
        return times;
    }

    private static async Task SeedAsync(IBotStore store, long user, int count)
    {
        await store.Users.TouchAsync(user, "bench", "en");
        var mode = KieCatalog.Models.FindMode("z-image", "text-to-image")!;
        await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, ct) =>
        {
            // Succeeded and delivered (the host's tracker has nothing to do): each card carries its signed link.
            var id = Guid.NewGuid().ToString("N");
            await store.Generations.CreateAsync(
                new Generation
                {
                    Id = id,
                    UserId = user,
                    ChatId = user,
                    ModelId = mode.Model.Id,
                    ModeId = mode.Id,
                    KieModel = mode.KieModel,
                    Api = mode.Api.ToString(),
                    InputJson = $$"""{"prompt":"A lighthouse in fog, take {{i}}","aspect_ratio":"16:9"}""",
                    Price = Credits.Whole(3),
                    State = GenerationState.Succeeded,
                    ResultUrls = [$"https://tempfile.aiquickdraw.com/{i}.png"],
                },
                ct);
            await store.Generations.SetDeliveredAsync(id, ["file-" + id], ct);
        });
    }
}
