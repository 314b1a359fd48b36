using System.Globalization;
using KieBot.Conversation;
using KieBot.Generations;
using KieBot.Storage;
using KieBot.Telegram;
using KieBot.TestSupport.Kie;
using KieBot.TestSupport.Telegram;
using KieCatalog;
using KieCatalog.Chat;
using KieCatalog.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Telegram.Bot;

namespace KieBot.Bench;

/// <summary>
/// A streamed chat answer shown to the user: the real KIE client reading the fake KIE server's stream (a delta every
/// 50 ms), <see cref="MeteredChat"/> over an embedded store, and <see cref="StreamedMessage"/> writing through the real
/// Telegram.Bot client to the fake Bot API at Telegram's edit pace (one write a second). Measures the time from the
/// moment KIE flushed its first delta to the moment the Bot API received the message showing it, and the least gap
/// between two writes of one message.
/// </summary>
internal static class ChatStreamBench
{
    public static async Task<int> RunAsync(string[] args)
    {
        await MeasureAsync(new BenchResults(), args.Length > 0 && int.TryParse(args[0], NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 20);
        return 0;
    }

    public static async Task MeasureAsync(BenchResults results, int answers)
    {
        await using var kieServer = await FakeKieServer.StartAsync();
        await using var api = await FakeBotApi.StartAsync();
        kieServer.ChatReply = string.Join(' ', Enumerable.Repeat("A red fox runs through fresh snow at dawn.", 4));
        kieServer.Inject(ChatModels.Gemini2_5Flash.Path, FakeKieFault.StreamSlow(TimeSpan.FromMilliseconds(50)), answers + 1);
        var services = new ServiceCollection().AddLogging();
        services.AddKieClient(kieServer.Configure);
        await using var provider = services.BuildServiceProvider();
        var path = Path.Combine(Path.GetTempPath(), $"kiebot-bench-chat-{Guid.NewGuid():N}.db");
        await using (var store = BotStores.Open(new StorageOptions { SqlitePath = path }))
        {
            await store.MigrateAsync();
            using var http = new HttpClient();
            var surface = new TelegramSurface(new TelegramBotClient(new TelegramBotClientOptions(FakeBotApi.Token, api.BaseUrl.AbsoluteUri), http), new ResultFiles(http), NullLogger<TelegramSurface>.Instance);
            var metered = new MeteredChat(store, provider.GetRequiredService<IKieChat>(), NullLogger<MeteredChat>.Instance);
            var price = new ChatTokenPrice(450m, 2250m);

            // One answer to warm the connections and the JIT, then the measured ones, each in a chat of its own.
            var lags = new List<double>();
            var gaps = new List<double>();
            for (var i = 0; i <= answers; i++)
            {
                var chatId = 5_000 + i;
                await store.Ledger.GrantAsync(chatId, Credits.Whole(100), $"bench:{chatId}", GrantReason.Bonus);
                var request = new ChatRequest(ChatModels.Gemini2_5Flash, [ChatMessage.User("a fox in snow")]) { MaxTokens = 400 };
                var message = new StreamedMessage(surface, chatId, TimeProvider.System);
                await metered.RunAsync(new MeteredChatCall("bench", chatId, chatId, "bench", "a fox in snow", request) { Price = price }, message.WriteAsync, CancellationToken.None);
                if (i == 0)
                {
                    continue;
                }

                var writes = api.Calls.Where(c => c.ChatId == chatId && c.Method is "sendMessage" or "editMessageText").ToList();
                lags.Add((writes[0].At - kieServer.FirstDeltasSent[i]).TotalMilliseconds);
                gaps.AddRange(writes.Zip(writes.Skip(1)).Select(w => (w.Second.At - w.First.At).TotalMilliseconds));
            }

            lags.Sort();
            var p50 = BenchResults.Percentile(lags, 0.5);
            var p95 = BenchResults.Percentile(lags, 0.95);
            results.Add(new(
                "chat stream",
                $"{answers} streamed answers (a KIE delta every 50 ms): KIE's first delta to the Bot API showing it, p50 / p95 / max",
                $"{BenchResults.Ms(p50)} / {BenchResults.Ms(p95)} / {BenchResults.Ms(lags[^1])}",
                "< 300 ms",
                lags[^1] < 300));
            results.Add(new(
                "chat stream",
                "least gap between two writes of one streamed message (Telegram's edit pace)",
                BenchResults.Ms(gaps.Count == 0 ? 0 : gaps.Min()),
                "≥ 1000 ms",
                gaps.Count > 0 && gaps.Min() >= 1000));
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        File.Delete(path);
    }
}
