using KieBot.Features.Form;
using KieBot.Features.Form.Lists;
using KieBot.Storage;
using KieBot.Tests.Bot;
using KieBot.Tests.Storage;
using KieBot.TestSupport.Telegram;
using KieCatalog;

namespace KieBot.Tests.Features.Form;

/// <summary>
/// A list of objects collected in the chat: Kling 3.0's shots added, edited and removed on the list's screen, priced
/// by their seconds, sent to KIE in its documented shape, delivered and captured.
/// </summary>
[Collection("postgres")]
public sealed class ListFormTests(PostgresFixture postgres)
{
    private const string ThreeShotInput =
        """{"prompt":"A red fox in the snow","sound":false,"duration":"5","aspect_ratio":"16:9","mode":"pro","multi_shots":true,"multi_prompt":[{"prompt":"a fox runs through fresh snow","duration":3},{"prompt":"the fox stops and looks back","duration":4},{"prompt":"the fox leaps into a drift","duration":5}],"kling_elements":[]}""";

    [Fact]
    public async Task A_three_shot_kling_video_is_collected_priced_sent_delivered_and_captured()
    {
        var mode = Models.Kling3_0.Video;
        var shots = mode.FindParam("multi_prompt")!;
        await using var h = await BotHarness.StartAsync(postgres.Server);
        h.Kie.ReadsToFinish = 1;
        var user = new Updates(13_401);
        await FormDriver.OpenAsync(h, user, mode);
        await h.SendAsync(user.Text("A red fox in the snow"));

        // One shot of the default 5 s, pro, no sound: 18 credits a second on KIE, 1.5 times that in the bot.
        Assert.Contains("Price: <b>135 cr</b>", h.ScreenOf(user).Text, StringComparison.Ordinal);
        await h.PressDataAsync(user, FormButtons.Settings);
        await h.PressDataAsync(user, FormButtons.Ask(mode.Params.ToList().IndexOf(mode.FindParam("multi_shots")!)));
        await h.PressDataAsync(user, mode.FindParam("multi_shots")!.ToggleCallbackData!);
        await h.PressDataAsync(user, FormButtons.Next);

        // Multi-shot on and no shot yet: the shots are asked before the summary.
        var empty = h.ScreenOf(user);
        Assert.Equal(shots.Name, (await FormDriver.StateAsync(h, user)).Asking);
        Assert.Contains("Shots: 0 (at least 1).", empty.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(empty.Buttons, b => b.Data.StartsWith("li:done", StringComparison.Ordinal));

        await AddShotAsync(h, user, "a fox runs through fresh snow", 3);
        await AddShotAsync(h, user, "the fox stops and looks back", 2);
        await AddShotAsync(h, user, "a shot that goes", 6);
        var removeThird = h.ScreenOf(user).Buttons.Single(b => b.Text == "🗑 Remove 3").Data;

        await h.PressAsync(user, b => b.Text == "✏️ Edit 2");
        Assert.Contains("Shots #2: press a field to change it.", h.ScreenOf(user).Text, StringComparison.Ordinal);
        await h.PressAsync(user, b => b.Text.StartsWith("Duration, s: 2", StringComparison.Ordinal));
        Assert.Contains("Shots #2 · Duration, s", h.ScreenOf(user).Text, StringComparison.Ordinal);
        await h.SendAsync(user.Text("4"));
        await h.PressDataAsync(user, "back");
        await h.PressDataAsync(user, removeThird);
        await AddShotAsync(h, user, "the fox leaps into a drift", 5);

        var list = h.ScreenOf(user);
        Assert.Contains("1. Prompt: a fox runs through fresh snow · Duration, s: 3", list.Text, StringComparison.Ordinal);
        Assert.Contains("2. Prompt: the fox stops and looks back · Duration, s: 4", list.Text, StringComparison.Ordinal);
        Assert.Contains("3. Prompt: the fox leaps into a drift · Duration, s: 5", list.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("a shot that goes", list.Text, StringComparison.Ordinal);
        await h.PressAsync(user, b => b.Data.StartsWith("li:done:", StringComparison.Ordinal));

        // 3 + 4 + 5 seconds of shots: 18 × 12 = 216 credits on KIE, 324 in the bot; the summary lists the shots.
        var summary = h.ScreenOf(user).Text!;
        Assert.Contains("Price: <b>324 cr</b>", summary, StringComparison.Ordinal);
        Assert.Contains("• Shots: 3 pcs\n   1. Prompt: a fox runs through fresh snow · Duration, s: 3", summary, StringComparison.Ordinal);
        await h.ConfirmAsync(user);
        var generation = (await h.Store.Generations.ListByUserAsync(user.UserId, 1))[0];
        var done = await TrackingTests.WaitForDeliveryAsync(h, generation.Id);

        Assert.Equal(ThreeShotInput, h.Kie.Tasks[done.KieTaskId!].Request["input"]!.ToJsonString());
        Assert.Equal("kling-3.0/video", h.Kie.Tasks[done.KieTaskId!].Request["model"]!.GetValue<string>());
        Assert.Single(h.Api.CallsOf("sendVideo"));
        Assert.Equal(Credits.Whole(324), done.Price);
        Assert.Equal(Credits.Whole(324), (await h.Store.Ledger.FindAsync(done.ReservationKey + ":capture"))!.Amount);
        Assert.Equal(new Balance(user.UserId, Credits.Whole(500 - 324), Credits.Zero), await h.Store.Ledger.GetBalanceAsync(user.UserId));
    }

    [Fact]
    public async Task A_button_of_a_list_that_has_changed_since_is_refused_where_the_user_is()
    {
        var mode = Models.Elevenlabs.TextToDialogueV3;
        await using var h = await BotHarness.StartAsync(postgres.Server);
        var user = new Updates(13_402);
        await FormDriver.OpenAsync(h, user, mode);

        // The dialogue needs a line whatever else is chosen: its list is the first question.
        Assert.Contains("Lines: 0 (at least 1).", h.ScreenOf(user).Text, StringComparison.Ordinal);
        await h.PressAsync(user, b => b.Text == "➕ Add");
        await h.SendAsync(user.Text("Hello, is anyone there?"));
        await h.PressDataAsync(user, mode.FindParam("dialogue")!.FindField("voice")!.FindValue("Z3R5wn05IrDiVCyEkUrK")!.CallbackData);
        var first = h.ScreenOf(user);
        var remove = first.Buttons.Single(b => b.Text == "🗑 Remove 1").Data;
        await h.PressAsync(user, b => b.Text == "➕ Add another");
        await h.SendAsync(user.Text("Only me."));
        await h.PressDataAsync(user, mode.FindParam("dialogue")!.FindField("voice")!.FindValue("EkK5I93UQWFDigLMpZcX")!.CallbackData);

        Assert.Equal(System.Net.HttpStatusCode.OK, await h.PostAsync(user.Press(remove, first.MessageId)));

        Assert.Equal("This list has changed since: use the buttons of the latest one.", h.Api.CallsOf("answerCallbackQuery").Last().Parameters["text"]!.GetValue<string>());
        var state = await FormDriver.StateAsync(h, user);
        Assert.Equal(2, ListValues.Count(state.Values["dialogue"]));
        Assert.Contains("Arabella", h.ScreenOf(user).Text, StringComparison.Ordinal);
        Assert.True(ListButtons.Remove(state.Form!.ListRevision, 0).Length <= 64);
        await h.PressAsync(user, b => b.Data.StartsWith("li:done:", StringComparison.Ordinal));

        // 23 + 8 characters: one started thousand, 14 credits on KIE, 21 in the bot.
        Assert.Contains("Price: <b>21 cr</b>", h.ScreenOf(user).Text, StringComparison.Ordinal);
    }

    private static async Task AddShotAsync(BotHarness h, Updates user, string prompt, int seconds)
    {
        await h.PressAsync(user, b => b.Text is "➕ Add" or "➕ Add another");
        Assert.Contains("Send Shots #", h.ScreenOf(user).Text, StringComparison.Ordinal);
        await h.SendAsync(user.Text(prompt));
        await h.SendAsync(user.Text(seconds.ToString(System.Globalization.CultureInfo.InvariantCulture)));
    }
}
