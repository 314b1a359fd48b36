using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using KieBot.Features.Form;
using KieBot.TestSupport.Telegram;
using KieCatalog;
using KieCatalog.Catalog;

namespace KieBot.Bench;

/// <summary>What one closed-loop run measured: updates answered, for how long, and each update's latency (ms) by kind.</summary>
internal sealed record PipelineRun(long Updates, double ElapsedMs, List<double> Navigation, List<double> Form, long Unanswered = 0);

/// <summary>
/// The pipeline benchmark's load side, in its own process (<c>pipeline-load</c>): the fake Bot API the bot replies to
/// (and, for long polling, takes updates from) and the chats that send the updates. Prints <c>@url</c> with the fake Bot
/// API's address, then answers each <c>run URL WEBHOOK CHATS MS USERBASE</c> line with <c>@</c> and the run as JSON.
/// </summary>
internal static class PipelineLoad
{
    public static async Task<int> ServeAsync()
    {
        await using var api = await FakeBotApi.StartAsync();
        BenchChild.Reply(api.BaseUrl.AbsoluteUri);
        while (await Console.In.ReadLineAsync() is { } line)
        {
            var parts = line.Split(' ');
            if (parts is ["run", var url, var webhook, var chats, var ms, var userBase])
            {
                var run = await RunLoopAsync(
                    api, new Uri(url), webhook == "1", Parse(chats), TimeSpan.FromMilliseconds(Parse(ms)), long.Parse(userBase, CultureInfo.InvariantCulture));
                BenchChild.Reply(JsonSerializer.Serialize(run));
            }
        }

        return 0;
    }

    private static int Parse(string text) => int.Parse(text, CultureInfo.InvariantCulture);

    private static async Task<PipelineRun> RunLoopAsync(FakeBotApi api, Uri url, bool webhook, int chats, TimeSpan duration, long userBase)
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
            long unanswered = 0;
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
                        await PipelineBench.PostAsync(http, url, update);
                    }
                    else
                    {
                        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                        waiting[update["callback_query"] is { } press ? "cb:" + press["id"] : "chat:" + user.UserId] = done;
                        api.Enqueue(update);
                        try
                        {
                            await done.Task.WaitAsync(TimeSpan.FromSeconds(30));
                        }
                        catch (TimeoutException)
                        {
                            // No reply seen within 30 s: counted and reported, and the chat goes on.
                            Interlocked.Increment(ref unanswered);
                            continue;
                        }
                    }

                    (steps[step].Form ? form : navigation).Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                    Interlocked.Increment(ref updates);
                }

                return (navigation, form);
            })));
            var elapsed = stopwatch.Elapsed;
            return new PipelineRun(updates, elapsed.TotalMilliseconds, lists.SelectMany(l => l.navigation).ToList(), lists.SelectMany(l => l.form).ToList(), unanswered);
        }
        finally
        {
            api.Recorded -= OnCall;
        }
    }
}
