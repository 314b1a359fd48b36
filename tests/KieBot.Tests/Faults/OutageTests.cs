using System.Net;
using System.Text.Json.Nodes;
using KieBot.Features.Admin;
using KieBot.Features.Browse;
using KieBot.Features.Form;
using KieBot.Features.History;
using KieBot.Features.Menu;
using KieBot.Storage;
using KieBot.Tests.Bot;
using KieBot.TestSupport.Postgres;
using KieBot.TestSupport.Telegram;
using KieBot.Conversation;

namespace KieBot.Tests.Faults;

/// <summary>The database or the Bot API failing under an update: nothing acknowledged is lost, nothing is done twice.</summary>
public sealed class OutageTests
{
    private static readonly Dictionary<string, string> Packages = new() { ["STARS_PACKAGES"] = "300:140" };

    [Fact]
    public async Task A_payment_and_fifty_updates_during_a_database_outage_are_refused_then_each_handled_once()
    {
        // A server of its own, since this test crashes it, and durable as in production: a crash loses no commit that
        // waited for its flush (the test servers' fsync=off would lose the invoice written just before).
        await using var server = await PostgresServer.StartAsync(durable: true);
        await using var h = await BotHarness.StartAsync(server, Packages);
        var payer = new Updates(8_001);
        await h.SendAsync(payer.Text("/balance"));
        await h.PressDataAsync(payer, KieBot.Features.Payments.Stars.StarsFeature.TopUp);
        await h.PressAsync(payer, b => b.Text.StartsWith("300 cr", StringComparison.Ordinal));
        var payload = Assert.Single(h.Api.CallsOf("sendInvoice")).Parameters["payload"]!.GetValue<string>();
        await h.SendAsync(payer.PreCheckout(payload, 140));
        var users = Enumerable.Range(0, 50).Select(i => new Updates(8_100 + i)).ToList();
        var paid = payer.Paid("stx_outage_1", payload, 140);
        var ordinary = users.Select(u => u.Text("/help")).ToList();

        server.Crash();
        var during = await Task.WhenAll(ordinary.Prepend(paid).Select(u => h.PostAsync(u)));

        // Not acknowledged, so Telegram delivers each again.
        Assert.All(during, status => Assert.Equal(HttpStatusCode.ServiceUnavailable, status));
        server.Restart();
        foreach (var update in ordinary.Prepend(paid))
        {
            await RedeliverAsync(h, update);
        }

        // And once more, as Telegram may after a timeout: repeats change nothing.
        Assert.Equal(HttpStatusCode.OK, await h.PostAsync(paid));
        Assert.Equal(HttpStatusCode.OK, await h.PostAsync(ordinary[0]));
        Assert.Equal(Credits.Whole(500 + 300), (await h.Store.Ledger.GetBalanceAsync(payer.UserId)).Available);
        Assert.Single(h.Api.CallsOf("sendMessage"), c => c.Text?.StartsWith("✅ Payment received: 300 cr added.", StringComparison.Ordinal) == true);
        var help = Texts.Get("en", "help");
        foreach (var user in users)
        {
            Assert.Single(h.Api.CallsOf("sendMessage"), c => c.ChatId == user.UserId && c.Text == help);
        }

        Assert.True((await h.Store.Ledger.CheckAsync()).IsConsistent);
    }

    [Fact]
    public async Task Long_polling_through_a_database_outage_answers_every_update_once_after_it()
    {
        await using var server = await PostgresServer.StartAsync(durable: true);
        await using var h = await BotHarness.StartAsync(server, new Dictionary<string, string> { ["WEBHOOK_URL"] = string.Empty, ["WEBHOOK_SECRET"] = string.Empty });
        var first = new Updates(8_060);
        h.Api.Enqueue(first.Text("/start"));
        await h.Api.WaitForAsync(c => c.Method == "sendMessage" && c.ChatId == first.UserId);
        var users = Enumerable.Range(0, 10).Select(i => new Updates(8_070 + i)).ToList();

        server.Crash();
        users.ForEach(u => h.Api.Enqueue(u.Text("/help")));
        await Task.Delay(1500);
        Assert.DoesNotContain(h.Api.CallsOf("sendMessage"), c => users.Any(u => u.UserId == c.ChatId));
        server.Restart();

        var help = Texts.Get("en", "help");
        foreach (var user in users)
        {
            await h.Api.WaitForAsync(c => c.Method == "sendMessage" && c.ChatId == user.UserId && c.Text == help, TimeSpan.FromSeconds(60));
        }

        await Task.Delay(500);
        foreach (var user in users)
        {
            Assert.Single(h.Api.CallsOf("sendMessage"), c => c.ChatId == user.UserId && c.Text == help);
        }
    }

    [Fact]
    public async Task A_one_off_bot_api_500_on_a_reply_still_gets_the_user_their_screen()
    {
        await using var server = await PostgresServer.StartAsync();
        await using var h = await BotHarness.StartAsync(server);
        var user = new Updates(8_050);
        h.Api.FailFor(user.UserId, 500, "Internal Server Error: restart");

        await h.SendAsync(user.Text("/start"));

        var sends = h.Api.CallsOf("sendMessage").Where(c => c.ChatId == user.UserId).ToList();
        Assert.Equal(2, sends.Count);
        Assert.Equal(sends[0].Text, sends[1].Text);
        Assert.StartsWith("Hi,", sends[1].Text, StringComparison.Ordinal);
        Assert.DoesNotContain(h.Api.Calls, c => c.Text?.Contains("Something went wrong", StringComparison.Ordinal) == true);
    }

    /// <summary>Delivers an update again until it is acknowledged, as Telegram does after a non-2xx answer.</summary>
    private static async Task RedeliverAsync(BotHarness h, JsonObject update)
    {
        for (var attempt = 0; attempt < 40; attempt++)
        {
            if (await h.PostAsync(update) == HttpStatusCode.OK)
            {
                return;
            }

            await Task.Delay(250);
        }

        Assert.Fail($"update {update["update_id"]} was never acknowledged");
    }
}
