using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using KieBot.Features.Form;
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
/// update from sending it to its answer.
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
            await using var api = await FakeBotApi.StartAsync();
            var database = await server.CreateDatabaseAsync("pipeline");
            var (app, url) = await StartHostAsync(api, database, webhook);
            var quiet = Console.Out;
            try
            {
                var userBase = 10_000_000L;
                foreach (var chats in concurrency)
                {
                    Console.SetOut(TextWriter.Null);
                    await RunLoopAsync(api, url, webhook, chats, TimeSpan.FromSeconds(2), userBase);
                    userBase += 1_000;
                    var run = await RunLoopAsync(api, url, webhook, chats, duration, userBase);
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
            }
        }
    }

    private static void Report(BenchResults results, string transport, int chats, Run run)
    {
        var perSecond = run.Updates / run.Elapsed.TotalSeconds;
        var all = run.Navigation.Concat(run.Form).Order().ToList();
        var nav = run.Navigation.Order().ToList();
        var form = run.Form.Order().ToList();
        var p99 = BenchResults.Percentile(all, 0.99);
        results.Add(new("pipeline", $"{transport}, {chats} chat{(chats == 1 ? "" : "s")}: updates/s", BenchResults.N(perSecond), chats >= 10 ? "≥ 2,000" : "", chats >= 10 ? perSecond >= 2_000 : null));
        results.Add(new("pipeline", $"{transport}, {chats} chat{(chats == 1 ? "" : "s")}: p50 / p99 (all updates)", $"{BenchResults.Ms(BenchResults.Percentile(all, 0.5))} / {BenchResults.Ms(p99)}", "p99 < 25 ms", p99 < 25));
        results.Add(new("pipeline", $"{transport}, {chats} chat{(chats == 1 ? "" : "s")}: navigation p50 / p99, form steps p50 / p99",
            $"{BenchResults.Ms(BenchResults.Percentile(nav, 0.5))} / {BenchResults.Ms(BenchResults.Percentile(nav, 0.99))}, {BenchResults.Ms(BenchResults.Percentile(form, 0.5))} / {BenchResults.Ms(BenchResults.Percentile(form, 0.99))}"));
    }

    private sealed record Run(long Updates, TimeSpan Elapsed, List<double> Navigation, List<double> Form);

    private static async Task<(WebApplication App, Uri Url)> StartHostAsync(FakeBotApi api, string database, bool webhook)
    {
        var port = LoopbackHost.FreePort();
        var env = new Dictionary<string, string>
        {
            ["TELEGRAM_BOT_TOKEN"] = FakeBotApi.Token,
            ["TELEGRAM_API_URL"] = api.BaseUrl.AbsoluteUri,
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

    private static async Task<Run> RunLoopAsync(FakeBotApi api, Uri url, bool webhook, int chats, TimeSpan duration, long userBase)
    {
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 256, PooledConnectionLifetime = TimeSpan.FromMinutes(5) });
        var lastMessage = new ConcurrentDictionary<long, int>();
        var waiting = new ConcurrentDictionary<string, TaskCompletionSource>(StringComparer.Ordinal);
        void OnCall(BotApiCall call)
        {
            if (call.Method is "sendMessage" or "editMessageText" && call.ChatId is { } chat)
            {
                lastMessage[chat] = call.MessageId;
                if (waiting.TryRemove("chat:" + chat, out var text))
                {
                    text.TrySetResult();
                }
            }
            else if (call.Method == "answerCallbackQuery" && waiting.TryRemove("cb:" + call.Parameters["callback_query_id"], out var press))
            {
                press.TrySetResult();
            }
        }

        api.Recorded += OnCall;
        try
        {
            var mode = Models.ZImage.TextToImage;
            var aspect = mode.Params.ToList().FindIndex(p => p.Name == "aspect_ratio");
            var value = mode.Params[aspect].Values[1].CallbackData;
            var stopwatch = Stopwatch.StartNew();
            var deadline = stopwatch.Elapsed + duration;
            long updates = 0;
            var lists = await Task.WhenAll(Enumerable.Range(0, chats).Select(i => Task.Run(async () =>
            {
                var user = new Updates(userBase + i);
                var navigation = new List<double>();
                var form = new List<double>();
                var steps = new (bool Form, Func<JsonObject> Update)[]
                {
                    (false, () => user.Text("/start")),
                    (false, () => user.Press(CatalogCallbacks.For(mode.Model.Category), lastMessage.GetValueOrDefault(user.UserId))),
                    (false, () => user.Press(mode.Model.CallbackData, lastMessage.GetValueOrDefault(user.UserId))),
                    (false, () => user.Press(mode.CallbackData, lastMessage.GetValueOrDefault(user.UserId))),
                    (true, () => user.Text("A red fox running through snow")),
                    (true, () => user.Press(FormButtons.Settings, lastMessage.GetValueOrDefault(user.UserId))),
                    (true, () => user.Press(FormButtons.Ask(aspect), lastMessage.GetValueOrDefault(user.UserId))),
                    (true, () => user.Press(value, lastMessage.GetValueOrDefault(user.UserId))),
                };
                for (var step = 0; stopwatch.Elapsed < deadline; step = (step + 1) % steps.Length)
                {
                    var update = steps[step].Update();
                    var started = Stopwatch.GetTimestamp();
                    if (webhook)
                    {
                        await PostAsync(http, url, update);
                    }
                    else
                    {
                        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                        waiting[update["callback_query"] is { } press ? "cb:" + press["id"] : "chat:" + user.UserId] = done;
                        api.Enqueue(update);
                        await done.Task.WaitAsync(TimeSpan.FromSeconds(30));
                    }

                    (steps[step].Form ? form : navigation).Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                    Interlocked.Increment(ref updates);
                }

                return (navigation, form);
            })));
            var elapsed = stopwatch.Elapsed;
            return new Run(updates, elapsed, lists.SelectMany(l => l.navigation).ToList(), lists.SelectMany(l => l.form).ToList());
        }
        finally
        {
            api.Recorded -= OnCall;
        }
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
