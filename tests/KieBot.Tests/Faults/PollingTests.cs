using KieBot.Tests.Bot;
using KieBot.Tests.Storage;
using KieBot.TestSupport.Kie;
using KieBot.TestSupport.Telegram;
using KieCatalog;

namespace KieBot.Tests.Faults;

/// <summary>Long polling while one user's KIE create is slow (KIE's 429 back-off at peak): nobody else waits for it.</summary>
[Collection("postgres")]
public sealed class PollingTests(PostgresFixture postgres)
{
    private static readonly Dictionary<string, string> Polling = new() { ["WEBHOOK_URL"] = string.Empty, ["WEBHOOK_SECRET"] = string.Empty };

    [Fact]
    public async Task A_held_create_holds_neither_its_button_nor_another_users_answer()
    {
        var mode = Models.ZImage.TextToImage;
        var slow = new Updates(8_600);
        var other = new Updates(8_601);

        // The summary is reached over the webhook; then the same database is served by a long-polling host.
        await using var prepared = await BotHarness.StartAsync(postgres.Server);
        await FormDriver.OpenAsync(prepared, slow, mode);
        await FormDriver.AnswerAllAsync(prepared, slow, mode);
        var summary = prepared.ScreenOf(slow);
        var confirm = summary.Buttons.Single(b => BotHarness.IsConfirm(b.Data)).Data;
        await prepared.StopHostAsync();
        await using var h = await BotHarness.StartAsync(postgres.Server, Polling, shared: prepared);
        var release = new TaskCompletionSource();
        h.Kie.Inject("/api/v1/jobs/createTask", FakeKieFault.Held(release.Task));

        var press = slow.Press(confirm, summary.MessageId);
        var pressId = press["callback_query"]!["id"]!.GetValue<string>();
        h.Api.Enqueue(press);
        h.Api.Enqueue(other.Text("/start"));

        // While KIE still holds the create: the press is answered and the other user is served.
        await h.Api.WaitForAsync(c => c.Method == "answerCallbackQuery" && c.Parameters["callback_query_id"]?.GetValue<string>() == pressId);
        await h.Api.WaitForAsync(c => c.Method == "sendMessage" && c.ChatId == other.UserId);
        await TrackingTests.WaitUntilAsync(() => Task.FromResult(h.Kie.CountOf("/api/v1/jobs/createTask") == 1), TimeSpan.FromSeconds(20), () => "the create never reached KIE");
        Assert.False(release.Task.IsCompleted);

        release.SetResult();
        var generation = Assert.Single(await h.Store.Generations.ListByUserAsync(slow.UserId, 10));
        await TrackingTests.WaitForDeliveryAsync(h, generation.Id);
    }
}
