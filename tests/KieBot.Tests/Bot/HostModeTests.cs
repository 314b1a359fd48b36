using KieBot.Features.Admin;
using KieBot.Features.Browse;
using KieBot.Features.Form;
using KieBot.Features.History;
using KieBot.Features.Menu;
using KieBot.Tests.Storage;
using KieBot.TestSupport.Telegram;
using KieCatalog;
using KieBot.Conversation;

namespace KieBot.Tests.Bot;

/// <summary>Long polling, and a restart in the middle of a conversation.</summary>
[Collection("postgres")]
public sealed class HostModeTests(PostgresFixture postgres)
{
    [Fact]
    public async Task Without_a_webhook_url_the_bot_long_polls()
    {
        await using var h = await BotHarness.StartAsync(postgres.Server, new Dictionary<string, string> { ["WEBHOOK_URL"] = string.Empty, ["WEBHOOK_SECRET"] = string.Empty });
        var user = new Updates(6_001, "ru");

        h.Api.Enqueue(user.Text("/start"));
        var welcome = await h.Api.WaitForAsync(c => c.Method == "sendMessage");

        Assert.StartsWith("Привет", welcome.Text, StringComparison.Ordinal);
        Assert.Contains(h.Api.Calls, c => c.Method == "deleteWebhook");
        Assert.Contains(h.Api.Calls, c => c.Method == "getUpdates");
        Assert.Null(h.Api.Webhook);
    }

    [Fact]
    public async Task Long_polling_handles_users_at_once_and_each_users_updates_in_order()
    {
        await using var h = await BotHarness.StartAsync(postgres.Server, new Dictionary<string, string> { ["WEBHOOK_URL"] = string.Empty, ["WEBHOOK_SECRET"] = string.Empty });
        var model = Models.ZImage;
        var users = Enumerable.Range(0, 20).Select(i => new Updates(6_100 + i)).ToList();

        // One batch: each user's /start, category and model presses, users interleaved.
        foreach (var step in new Func<Updates, System.Text.Json.Nodes.JsonObject>[] { u => u.Text("/start"), u => u.Press(KieCatalog.CatalogCallbacks.For(model.Category), 0), u => u.Press(model.CallbackData, 0) })
        {
            users.ForEach(u => h.Api.Enqueue(step(u)));
        }

        foreach (var user in users)
        {
            await h.Api.WaitForAsync(c => c.ChatId == user.UserId && c.Method == "editMessageText" && c.Text?.Contains(model.Name, StringComparison.Ordinal) == true && c.Text.Contains(model.Vendor, StringComparison.Ordinal));

            // The card is sent before the conversation is saved: wait for the save, then check the order held.
            var state = await FormDriver.StateAsync(h, user);
            for (var i = 0; i < 50 && state.Step != At.Model; i++)
            {
                await Task.Delay(100);
                state = await FormDriver.StateAsync(h, user);
            }

            Assert.Equal((At.Model, model.Id), (state.Step, state.Model));
        }

        var pipeline = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<KieBot.Telegram.UpdatePipeline>(h.App.Services);
        for (var i = 0; i < 50 && pipeline.ActiveUsers > 0; i++)
        {
            await Task.Delay(100);
        }

        Assert.Equal(0, pipeline.ActiveUsers);
    }

    [Fact]
    public async Task A_restart_mid_conversation_continues_where_the_user_was()
    {
        var mode = Models.Kling2_6.TextToVideo;
        var user = new Updates(6_002);
        string database;
        int question;
        await using (var first = await BotHarness.StartAsync(postgres.Server))
        {
            await FormDriver.OpenAsync(first, user, mode);
            await first.SendAsync(user.Text("A fox in the snow"));
            Assert.Equal("sound", (await FormDriver.StateAsync(first, user)).Asking);
            database = first.Database;
            question = first.Screen.MessageId;
        }

        await using var second = await BotHarness.StartAsync(postgres.Server, database: database);
        await second.SendAsync(user.Press(mode.FindParam("sound")!.ToggleCallbackData!, question));
        await second.SendAsync(user.Press(FormButtons.Next, question));

        var state = await FormDriver.StateAsync(second, user);
        Assert.Equal(At.Summary, state.Step);
        Assert.Equal("\"A fox in the snow\"", state.Values["prompt"]);
        Assert.Equal("true", state.Values["sound"]);
    }
}
