using System.Net;
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

/// <summary>Menus, back and cancel, wrong inputs, forged and stale buttons, duplicates and the webhook secret.</summary>
[Collection("postgres")]
public sealed class NavigationTests(PostgresFixture postgres)
{
    [Fact]
    public async Task Every_visible_mode_is_reachable_from_the_main_menu()
    {
        await using var h = await BotHarness.StartAsync(postgres.Server);
        var user = new Updates(5_001);
        await h.SendAsync(user.Text("/start"));
        var menu = h.Screen;
        var reached = new HashSet<string>(StringComparer.Ordinal);
        foreach (var category in menu.Buttons.Where(b => b.Data.StartsWith("c:", StringComparison.Ordinal)).Select(b => b.Data).ToList())
        {
            await h.SendAsync(user.Text("/start"));
            await h.PressDataAsync(user, category);
            while (true)
            {
                var list = h.Screen;
                foreach (var model in list.Buttons.Where(b => b.Data.StartsWith("m:", StringComparison.Ordinal)).ToList())
                {
                    await h.PressDataAsync(user, model.Data);
                    foreach (var mode in h.Screen.Buttons.Where(b => b.Data.StartsWith("o:", StringComparison.Ordinal)))
                    {
                        reached.Add(mode.Data);
                    }

                    await h.PressDataAsync(user, BotCallbacks.Back);
                }

                var next = h.Screen.Buttons.FirstOrDefault(b => b.Data.StartsWith(BrowseFeature.PagePrefix, StringComparison.Ordinal) && b.Text.Contains('▶'));
                if (next == default)
                {
                    break;
                }

                await h.PressDataAsync(user, next.Data);
            }
        }

        // A follow-up (extend, upscale…) is offered under a result, not on its card (FollowUpTests).
        var visible = Models.AllModes.Where(m => m.IsVisible && !KieBot.Generations.FollowUps.OnlyContinues(m)).Select(m => m.CallbackData).ToHashSet(StringComparer.Ordinal);
        Assert.Equal(visible.Order(), reached.Order());
        Assert.All(h.Api.Calls.SelectMany(c => c.Buttons), b => Assert.True(Telegram.TelegramLimits.FitsCallback(b.Data), b.Data));
    }

    [Fact]
    public async Task Back_steps_out_one_screen_at_a_time_and_cancel_returns_to_the_menu()
    {
        var mode = Models.Kling2_6.TextToVideo;
        await using var h = await BotHarness.StartAsync(postgres.Server);
        var user = new Updates(5_002);
        await FormDriver.OpenAsync(h, user, mode);
        await FormDriver.AnswerAllAsync(h, user, mode);
        var asked = FormDriver.Asked(mode).Select(p => p.Name).ToList();

        for (var i = asked.Count - 1; i >= 0; i--)
        {
            await h.PressDataAsync(user, BotCallbacks.Back);
            var state = await FormDriver.StateAsync(h, user);
            Assert.Equal((At.Form, asked[i]), (state.Step, state.Asking));
            Assert.False(state.Values.ContainsKey(asked[i]));
        }

        await h.PressDataAsync(user, BotCallbacks.Back);
        Assert.Equal(At.Model, (await FormDriver.StateAsync(h, user)).Step);
        await h.PressDataAsync(user, BotCallbacks.Back);
        Assert.Equal(At.Category, (await FormDriver.StateAsync(h, user)).Step);
        await h.PressDataAsync(user, BotCallbacks.Back);
        Assert.Equal(At.Menu, (await FormDriver.StateAsync(h, user)).Step);

        await FormDriver.OpenAsync(h, user, mode);
        await h.PressDataAsync(user, BotCallbacks.Cancel);
        Assert.StartsWith("Cancelled.", h.Screen.Text, StringComparison.Ordinal);
        Assert.Equal(At.Menu, (await FormDriver.StateAsync(h, user)).Step);
        Assert.Empty(h.Kie.Tasks);
    }

    [Fact]
    public async Task Cancel_at_every_step_returns_to_the_menu_and_creates_nothing()
    {
        var mode = Models.Kling2_6.TextToVideo;
        await using var h = await BotHarness.StartAsync(postgres.Server);
        var user = new Updates(5_009);
        var asked = FormDriver.Asked(mode).Count();
        var steps = new List<string>();
        for (var step = 0; ; step++)
        {
            await FormDriver.OpenAsync(h, user, mode);
            var reached = 0;
            while (reached < step && (await FormDriver.StateAsync(h, user)).Step == At.Form)
            {
                var state = await FormDriver.StateAsync(h, user);
                await FormDriver.AnswerAsync(h, user, mode.FindParam(state.Asking!)!, state, "A fox");
                reached++;
            }

            var before = await FormDriver.StateAsync(h, user);
            if (step == asked + 1)
            {
                await h.PressDataAsync(user, FormButtons.Settings);
                before = await FormDriver.StateAsync(h, user);
            }

            steps.Add(before.Step + ":" + before.Asking);
            await h.PressDataAsync(user, BotCallbacks.Cancel);
            Assert.StartsWith("Cancelled.", h.Screen.Text, StringComparison.Ordinal);
            Assert.Equal(At.Menu, (await FormDriver.StateAsync(h, user)).Step);
            if (step == asked + 1)
            {
                break;
            }
        }

        Assert.Contains(At.Summary + ":", steps);
        Assert.Contains(At.Settings + ":", steps);
        Assert.Equal(asked, steps.Count(s => s.StartsWith(At.Form + ":", StringComparison.Ordinal)));
        Assert.Empty(h.Kie.Tasks);
        Assert.Equal(Credits.Zero, (await h.Store.Ledger.GetBalanceAsync(user.UserId)).Reserved);
    }

    [Fact]
    public async Task Text_where_a_photo_is_expected_and_a_photo_where_text_is_expected_are_refused()
    {
        var mode = Models.AllModes.First(m => m.IsVisible && FormDriver.Asked(m).FirstOrDefault()?.Kind == KieCatalog.Catalog.ParamKind.ImageList);
        await using var h = await BotHarness.StartAsync(postgres.Server);
        var user = new Updates(5_003);
        await FormDriver.OpenAsync(h, user, mode);
        var asking = (await FormDriver.StateAsync(h, user)).Asking;

        await h.SendAsync(user.Text("a photo of a cat"));
        Assert.Contains(h.Api.Calls, c => c.Text?.Contains("waiting for a file", StringComparison.Ordinal) == true);
        Assert.Equal(asking, (await FormDriver.StateAsync(h, user)).Asking);

        var text = Models.ZImage.TextToImage;
        await FormDriver.OpenAsync(h, user, text);
        h.Api.AddFile("stray", [1, 2, 3]);
        await h.SendAsync(user.Photo("stray"));
        Assert.Contains(h.Api.Calls, c => c.Text?.Contains("waiting for text", StringComparison.Ordinal) == true);
        Assert.Equal("prompt", (await FormDriver.StateAsync(h, user)).Asking);
    }

    [Fact]
    public async Task An_over_long_prompt_and_an_out_of_range_number_are_refused_with_the_limit()
    {
        var mode = Models.ZImage.TextToImage;
        var prompt = mode.FindParam("prompt")!;
        await using var h = await BotHarness.StartAsync(postgres.Server);
        var user = new Updates(5_004);
        await FormDriver.OpenAsync(h, user, mode);

        await h.SendAsync(user.Text(new string('x', prompt.MaxLength!.Value + 1)));
        Assert.Contains(h.Api.Calls, c => c.Text?.Contains($"at most {prompt.MaxLength} characters", StringComparison.Ordinal) == true);
        Assert.Equal("prompt", (await FormDriver.StateAsync(h, user)).Asking);

        var numeric = Models.AllModes.First(m => m.IsVisible && m.Params.Any(p => p.Kind is KieCatalog.Catalog.ParamKind.Integer or KieCatalog.Catalog.ParamKind.Number && p.Max is not null));
        var param = numeric.Params.First(p => p.Kind is KieCatalog.Catalog.ParamKind.Integer or KieCatalog.Catalog.ParamKind.Number && p.Max is not null);
        await FormDriver.OpenAsync(h, user, numeric);
        await FormDriver.AnswerAllAsync(h, user, numeric);
        await h.PressDataAsync(user, FormButtons.Settings);
        await h.PressDataAsync(user, FormButtons.Ask(numeric.Params.ToList().IndexOf(param)));
        await h.SendAsync(user.Text((param.Max!.Value + 1).ToString(System.Globalization.CultureInfo.InvariantCulture)));

        Assert.Contains(h.Api.Calls, c => c.Text?.StartsWith("❌ Send a number from", StringComparison.Ordinal) == true);
        Assert.Equal(param.Name, (await FormDriver.StateAsync(h, user)).Asking);
    }

    [Fact]
    public async Task Forged_and_stale_buttons_get_an_alert_and_the_menu()
    {
        var mode = Models.Kling2_6.TextToVideo;
        var other = Models.ZImage.TextToImage;
        await using var h = await BotHarness.StartAsync(postgres.Server);
        var user = new Updates(5_005);
        await FormDriver.OpenAsync(h, user, mode);

        await h.SendAsync(user.Press("e:kling-2.6/text-to-video/duration=99", h.Screen.MessageId));
        await h.SendAsync(user.Press(other.FindParam("aspect_ratio")!.Values[0].CallbackData, h.Screen.MessageId));
        // A Generate button of a version before summary ids: outdated like any unknown button.
        await h.SendAsync(user.Press("confirm", h.Screen.MessageId));

        var alerts = h.Api.CallsOf("answerCallbackQuery").Where(c => c.Parameters["show_alert"]?.GetValue<bool>() == true).ToList();
        Assert.Equal(3, alerts.Count);
        Assert.All(alerts, a => Assert.Equal("This button is outdated.", a.Parameters["text"]!.GetValue<string>()));
        Assert.Equal(At.Menu, (await FormDriver.StateAsync(h, user)).Step);
        Assert.Empty(h.Kie.Tasks);
    }

    [Fact]
    public async Task A_duplicated_update_acts_once()
    {
        await using var h = await BotHarness.StartAsync(postgres.Server);
        var user = new Updates(5_006);
        var start = user.Text("/start");

        await h.SendAsync(start);
        await h.SendAsync(start);

        Assert.Single(h.Api.CallsOf("sendMessage"));
    }

    [Fact]
    public async Task The_webhook_refuses_a_wrong_or_missing_secret_and_registered_itself()
    {
        await using var h = await BotHarness.StartAsync(postgres.Server);
        var user = new Updates(5_007);

        Assert.Equal(HttpStatusCode.Unauthorized, await h.PostAsync(user.Text("/start"), secret: "wrong"));
        Assert.Equal(HttpStatusCode.Unauthorized, await h.PostAsync(user.Text("/start"), secret: null));
        Assert.Empty(h.Api.CallsOf("sendMessage"));
        Assert.Equal("https://kiebot.example/telegram/webhook", h.Api.Webhook!["url"]!.GetValue<string>());
        Assert.Equal(BotHarness.Secret, h.Api.Webhook["secret_token"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_double_tapped_confirm_starts_one_generation()
    {
        var mode = Models.ZImage.TextToImage;
        await using var h = await BotHarness.StartAsync(postgres.Server);
        var user = new Updates(5_008);
        await FormDriver.OpenAsync(h, user, mode);
        await FormDriver.AnswerAllAsync(h, user, mode);
        var summary = h.Screen.MessageId;
        var confirm = h.ScreenOf(user).Buttons.Single(b => BotHarness.IsConfirm(b.Data)).Data;

        await Task.WhenAll(h.SendAsync(user.Press(confirm, summary)), h.SendAsync(user.Press(confirm, summary)));

        var generation = Assert.Single(await h.Store.Generations.ListByUserAsync(user.UserId, 10));
        await TrackingTests.WaitForDeliveryAsync(h, generation.Id);
        Assert.Single(h.Kie.Tasks);
    }
}
