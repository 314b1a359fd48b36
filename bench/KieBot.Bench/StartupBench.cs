using System.Diagnostics;
using System.Globalization;
using KieBot.Storage;
using KieBot.TestSupport;
using KieBot.TestSupport.Hosting;
using KieBot.TestSupport.Postgres;
using KieBot.TestSupport.Telegram;

namespace KieBot.Bench;

/// <summary>
/// Start-up of the real bot process (webhook mode, PostgreSQL with the schema current, the fake Bot API): time from
/// process start to the first <c>/readyz</c> OK, resident memory idle, and after 10,000 users each sent /start.
/// </summary>
internal static class StartupBench
{
    public static async Task MeasureAsync(BenchResults results, string label, string botDll, int users)
    {
        await using var server = await PostgresServer.StartAsync(durable: true);
        await using var api = await FakeBotApi.StartAsync();
        var database = await server.CreateDatabaseAsync("startup");
        await using (var store = BotStores.Open(new StorageOptions { DatabaseUrl = database }))
        {
            await store.MigrateAsync();
        }

        var port = LoopbackHost.FreePort();
        var start = new ProcessStartInfo("dotnet", $"\"{botDll}\"")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            Environment =
            {
                ["TELEGRAM_BOT_TOKEN"] = FakeBotApi.Token,
                ["TELEGRAM_API_URL"] = api.BaseUrl.AbsoluteUri,
                ["WEBHOOK_URL"] = "https://kiebot.example",
                ["WEBHOOK_SECRET"] = PipelineBench.Secret,
                ["DATABASE_URL"] = database,
                ["DRY_RUN"] = "1",
                ["PORT"] = port.ToString(CultureInfo.InvariantCulture),
                ["CLEANUP_EVERY_HOURS"] = "0",
            },
        };
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 64 }) { Timeout = TimeSpan.FromSeconds(30) };
        var ready = new Uri($"http://127.0.0.1:{port}/readyz");
        var stopwatch = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        var drain = Task.WhenAll(process.StandardOutput.ReadToEndAsync(), process.StandardError.ReadToEndAsync());
        try
        {
            while (!await ReadyAsync(http, ready))
            {
                if (process.HasExited || stopwatch.Elapsed > TimeSpan.FromSeconds(60))
                {
                    throw new InvalidOperationException("the bot did not become ready: " + string.Join("\n", await drain));
                }

                await Task.Delay(5);
            }

            var startUp = stopwatch.Elapsed;
            await Task.Delay(TimeSpan.FromSeconds(3));
            var idle = Rss(process);
            var webhook = new Uri($"http://127.0.0.1:{port}/telegram/webhook");
            await Parallel.ForEachAsync(Enumerable.Range(0, users), new ParallelOptions { MaxDegreeOfParallelism = 32 }, async (i, ct) =>
                await PipelineBench.PostAsync(http, webhook, new Updates(50_000_000 + i).Text("/start")));
            await Task.Delay(TimeSpan.FromSeconds(3));
            var loaded = Rss(process);
            results.Add(new("start-up", $"{label}: process start → /readyz OK", BenchResults.Ms(startUp.TotalMilliseconds), "< 1.5 s", startUp < TimeSpan.FromSeconds(1.5)));
            results.Add(new("start-up", $"{label}: RSS idle", Mb(idle), "< 150 MB", idle < 150L * 1024 * 1024));
            results.Add(new("start-up", $"{label}: RSS after {users:N0} users sent /start", Mb(loaded)));
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }

    /// <summary>The bot as built alongside this bench (Release), for a run without publishing.</summary>
    public static string BuiltBot() =>
        Path.Combine(RepositoryPaths.Root(), "src", "KieBot", "bin", "Release", "net10.0", "KieBot.dll");

    /// <summary>Publishes the bot as the Dockerfile does into a temp folder; returns its dll.</summary>
    public static string PublishedBot(string folder)
    {
        var project = Path.Combine(RepositoryPaths.Root(), "src", "KieBot", "KieBot.csproj");
        using var publish = Process.Start(new ProcessStartInfo("dotnet", $"publish \"{project}\" -c Release -o \"{folder}\" -v q") { RedirectStandardOutput = true, RedirectStandardError = true })!;
        var output = publish.StandardOutput.ReadToEndAsync();
        var error = publish.StandardError.ReadToEndAsync();
        publish.WaitForExit();
        if (publish.ExitCode != 0)
        {
            throw new InvalidOperationException("dotnet publish failed:\n" + output.Result + error.Result);
        }

        using var shutdown = Process.Start(new ProcessStartInfo("dotnet", "build-server shutdown") { RedirectStandardOutput = true, RedirectStandardError = true })!;
        shutdown.WaitForExit();
        return Path.Combine(folder, "KieBot.dll");
    }

    private static async Task<bool> ReadyAsync(HttpClient http, Uri ready)
    {
        try
        {
            using var response = await http.GetAsync(ready);
            return response.IsSuccessStatusCode;
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }

    private static long Rss(Process process)
    {
        process.Refresh();
        return process.WorkingSet64;
    }

    private static string Mb(long bytes) => (bytes / 1024.0 / 1024.0).ToString("N0", CultureInfo.InvariantCulture) + " MB";
}
