using KieBot.Tests.Storage;
using KieBot.TestSupport.Telegram;
using KieCatalog;
using static KieBot.Tests.Bot.TrackingTests;

namespace KieBot.Tests.Bot;

/// <summary>Generations followed to their end across hosts: a new host resumes what a stopped one left in flight, and two hosts on one database never deliver twice.</summary>
[Collection("postgres")]
public sealed class TrackingAcrossHostsTests(PostgresFixture postgres)
{
    [Fact]
    public async Task A_new_host_resumes_fifty_generations_in_flight_with_correct_money()
    {
        var first = await BotHarness.StartAsync(postgres.Server, new Dictionary<string, string> { ["WELCOME_CREDITS"] = "100" });
        first.Kie.ReadsToFinish = 3;
        var users = Enumerable.Range(0, 10).Select(i => new Updates(8_000 + i)).ToList();
        foreach (var user in users)
        {
            for (var i = 0; i < 5; i++)
            {
                await GenerateAsync(first, user, Models.ZImage.TextToImage);
            }
        }

        await first.StopHostAsync();
        await using (first)
        {
            Assert.True((await CountInFlightAsync(first, users)) > 0, "some generations must still be running at the stop");
            await using var second = await BotHarness.StartAsync(postgres.Server, shared: first);
            await WaitUntilAsync(async () => await SettledAsync(second, users), TimeSpan.FromSeconds(90));

            foreach (var user in users)
            {
                var generations = await second.Store.Generations.ListByUserAsync(user.UserId, 10);
                Assert.Equal(5, generations.Count);
                Assert.All(generations, g => Assert.Equal(GenerationState.Succeeded, g.State));
                var spent = generations.Aggregate(Credits.Zero, (sum, g) => sum + g.Price);
                Assert.Equal(new Balance(user.UserId, Credits.Whole(100) - spent, Credits.Zero), await second.Store.Ledger.GetBalanceAsync(user.UserId));
            }

            var delivered = second.Api.CallsOf("sendPhoto").Select(c => c.Parameters["photo"]!.GetValue<string>()).ToList();
            Assert.Equal(50, delivered.Count);
            Assert.Equal(50, delivered.Distinct().Count());
            Assert.True((await second.Store.Ledger.CheckAsync()).IsConsistent);
        }
    }

    [Fact]
    public async Task Two_hosts_on_one_database_never_deliver_twice()
    {
        await using var first = await BotHarness.StartAsync(postgres.Server, new Dictionary<string, string> { ["WELCOME_CREDITS"] = "100" });
        first.Kie.ReadsToFinish = 2;
        await using var second = await BotHarness.StartAsync(postgres.Server, shared: first);
        var users = Enumerable.Range(0, 6).Select(i => new Updates(9_000 + i)).ToList();
        foreach (var (user, i) in users.Select((u, i) => (u, i)))
        {
            var host = i % 2 == 0 ? first : second;
            for (var n = 0; n < 4; n++)
            {
                await GenerateAsync(host, user, Models.ZImage.TextToImage);
            }
        }

        await WaitUntilAsync(async () => await SettledAsync(first, users), TimeSpan.FromSeconds(90));
        await Task.Delay(1500);

        var delivered = first.Api.CallsOf("sendPhoto").Select(c => c.Parameters["photo"]!.GetValue<string>()).ToList();
        var errors = await first.Store.Errors.RecentAsync(DateTimeOffset.MinValue, 20);
        Assert.True(delivered.Count == 24, $"{delivered.Count} photos; errors: {string.Join(" | ", errors.Select(e => e.Source + " " + e.Kind + " " + e.Message))}");
        Assert.Equal(24, delivered.Distinct().Count());
        var captures = 0;
        foreach (var user in users)
        {
            captures += (await first.Store.Ledger.HistoryAsync(user.UserId, 50)).Count(e => e.Kind == LedgerKind.Capture);
        }

        Assert.Equal(24, captures);
        Assert.True((await first.Store.Ledger.CheckAsync()).IsConsistent);
    }

    /// <summary>Every generation of these users delivered (or refunded) and nothing left reserved.</summary>
    private static async Task<bool> SettledAsync(BotHarness h, IEnumerable<Updates> users)
    {
        foreach (var user in users)
        {
            var generations = await h.Store.Generations.ListByUserAsync(user.UserId, 100);
            if (generations.Any(g => g.State != GenerationState.Refunded && g.Delivered is null)
                || (await h.Store.Ledger.GetBalanceAsync(user.UserId)).Reserved != Credits.Zero)
            {
                return false;
            }
        }

        return true;
    }

    private static async Task<int> CountInFlightAsync(BotHarness h, IEnumerable<Updates> users)
    {
        var total = 0;
        foreach (var user in users)
        {
            total += await h.Store.Generations.CountInFlightAsync(user.UserId);
        }

        return total;
    }
}
