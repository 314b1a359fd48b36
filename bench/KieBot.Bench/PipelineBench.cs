using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using KieBot.Hosting;
using KieBot.Storage;
using KieBot.TestSupport.Hosting;
using KieBot.TestSupport.Postgres;
using KieBot.TestSupport.Telegram;
using KieCatalog;
using KieCatalog.Catalog;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using KieBot.Conversation;

namespace KieBot.Bench;

/// <summary>
/// The update pipeline end to end: real Bot API update JSON → the host (webhook over loopback HTTP, or long polling of
/// the fake Bot API) → flows → PostgreSQL (fsync on) → replies to the fake Bot API. Each chat runs a closed loop of menu
/// navigation (/start, category, model, mode) and form steps (prompt, settings, a parameter, its value); latency is one
/// update from sending it to its answer. The chats and the fake Bot API run in a child process (<see cref="PipelineLoad"/>),
/// over loopback HTTP, so the host's process and CPU figures are the bot's own (PostgreSQL and the load still share the 2 cores).
/// </summary>
internal static class PipelineBench
{
    /// <summary>The webhook secret the benchmarked hosts are configured with.</summary>
    public const string Secret = "bench-secret";

    public static async Task RunAsync(BenchResults results, TimeSpan duration, int[] concurrency, bool[]? transports = null)
    {
        await using var server = await PostgresServer.StartAsync(durable: true);
        foreach (var webhook in transports ?? [true, false])
        {
            // The chats and the fake Bot API run in a child process: this process's CPU is the bot's alone.
            using var load = BenchChild.Start("pipeline-load");
            var api = new Uri(await load.ReadAsync());
            var database = await server.CreateDatabaseAsync("pipeline");
            var (app, url) = await StartHostAsync(api, database, webhook);
            var quiet = Console.Out;
            try
            {
                var userBase = 10_000_000L;
                foreach (var chats in concurrency)
                {
                    Console.SetOut(TextWriter.Null);
                    await RunLoopAsync(load, url, webhook, chats, TimeSpan.FromSeconds(2), userBase);
                    userBase += 1_000;
                    var run = await RunLoopAsync(load, url, webhook, chats, duration, userBase);
                    userBase += 1_000;
                    Console.SetOut(quiet);
                    Report(results, webhook ? "webhook" : "polling", chats, run);
                }
            }
            finally
            {
                Console.SetOut(quiet);
                await app.StopAsync();
                await app.DisposeAsync();
                await load.StopAsync();
            }
        }
    }

    /// <summary>One closed-loop run of the load child against the host.</summary>
    private static async Task<PipelineRun> RunLoopAsync(BenchChild load, Uri url, bool webhook, int chats, TimeSpan duration, long userBase)
    {
        await load.SendAsync(string.Create(CultureInfo.InvariantCulture, $"run {url.AbsoluteUri} {(webhook ? 1 : 0)} {chats} {(long)duration.TotalMilliseconds} {userBase}"));
        return JsonSerializer.Deserialize<PipelineRun>(await load.ReadAsync()) ?? throw new InvalidOperationException("the load child sent no run");
    }

    private static void Report(BenchResults results, string transport, int chats, PipelineRun run)
    {
        var perSecond = run.Updates / (run.ElapsedMs / 1000);
        var all = run.Navigation.Concat(run.Form).Order().ToList();
        var nav = run.Navigation.Order().ToList();
        var form = run.Form.Order().ToList();
        var p99 = BenchResults.Percentile(all, 0.99);
        results.Add(new("pipeline", $"{transport}, {chats} chat{(chats == 1 ? "" : "s")}: updates/s", BenchResults.N(perSecond) + (run.Unanswered > 0 ? $" ({run.Unanswered} unanswered in 30 s)" : ""), chats >= 10 ? "≥ 2,000" : "", chats >= 10 ? perSecond >= 2_000 : null));
        results.Add(new("pipeline", $"{transport}, {chats} chat{(chats == 1 ? "" : "s")}: p50 / p99 (all updates)", $"{BenchResults.Ms(BenchResults.Percentile(all, 0.5))} / {BenchResults.Ms(p99)}", "p99 < 25 ms", p99 < 25));
        results.Add(new("pipeline", $"{transport}, {chats} chat{(chats == 1 ? "" : "s")}: navigation p50 / p99, form steps p50 / p99",
            $"{BenchResults.Ms(BenchResults.Percentile(nav, 0.5))} / {BenchResults.Ms(BenchResults.Percentile(nav, 0.99))}, {BenchResults.Ms(BenchResults.Percentile(form, 0.5))} / {BenchResults.Ms(BenchResults.Percentile(form, 0.99))}"));
    }

    private static async Task<(WebApplication App, Uri Url)> StartHostAsync(Uri api, string database, bool webhook)
    {
        var port = LoopbackHost.FreePort();
        var env = new Dictionary<string, string>
        {
            ["TELEGRAM_BOT_TOKEN"] = FakeBotApi.Token,
            ["TELEGRAM_API_URL"] = api.AbsoluteUri,
            ["DRY_RUN"] = "1",
            ["DATABASE_URL"] = database,
            ["PORT"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["CLEANUP_EVERY_HOURS"] = "0",
        };
        if (webhook)
        {
            env["WEBHOOK_URL"] = "https://kiebot.example";
            env["WEBHOOK_SECRET"] = Secret;
        }

        var options = BotOptions.Read(name => env.GetValueOrDefault(name), out var errors);
        if (errors.Count > 0)
        {
            throw new InvalidOperationException(string.Join("; ", errors));
        }

        var app = TelegramHost.Build(options);
        await app.Services.GetRequiredService<IBotStore>().MigrateAsync();
        await app.StartAsync();
        return (app, new Uri($"http://127.0.0.1:{port}{TelegramHost.WebhookPath}"));
    }

    /// <summary>Posts one update to a webhook the way Telegram does (with the secret header); fails unless it is answered 2xx.</summary>
    public static async Task PostAsync(HttpClient http, Uri url, JsonObject update)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new StringContent(update.ToJsonString(), Encoding.UTF8, new MediaTypeHeaderValue("application/json")) };
        request.Headers.Add("X-Telegram-Bot-Api-Secret-Token", Secret);
        using var response = await http.SendAsync(request);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"webhook answered {(int)response.StatusCode}");
        }
    }
}
