using KieBot.Features.Form;
using KieBot.Tests.Bot;
using KieBot.Tests.Storage;
using KieBot.TestSupport.Telegram;
using KieCatalog;

namespace KieBot.Tests.Features.Form;

/// <summary>A combination KIE rejects cannot be bought: the summary turns into the settings screen saying why, and nothing is reserved.</summary>
[Collection("postgres")]
public sealed class RejectedCombinationTests(PostgresFixture postgres)
{
    [Fact]
    public async Task Veo_reference_to_video_at_4_seconds_is_refused_before_anything_is_charged()
    {
        var mode = Models.Veo3_1.Fast;
        var parameters = mode.Params.ToList();
        var generationType = mode.FindParam("generationType")!;
        var duration = mode.FindParam("duration")!;
        await using var h = await BotHarness.StartAsync(postgres.Server);
        var user = new Updates(13_101);
        await FormDriver.OpenAsync(h, user, mode);
        await FormDriver.AnswerAllAsync(h, user, mode);
        var balance = await h.Store.Ledger.GetBalanceAsync(user.UserId);

        await h.PressDataAsync(user, FormButtons.Settings);
        await h.PressDataAsync(user, FormButtons.Ask(parameters.IndexOf(generationType)));
        await h.PressDataAsync(user, generationType.FindValue("REFERENCE_2_VIDEO")!.CallbackData);
        Assert.Contains(h.ScreenOf(user).Buttons, b => BotHarness.IsConfirm(b.Data));

        await h.PressDataAsync(user, FormButtons.Settings);
        await h.PressDataAsync(user, FormButtons.Ask(parameters.IndexOf(duration)));
        await h.PressDataAsync(user, duration.FindValue("4")!.CallbackData);

        var screen = h.ScreenOf(user);
        Assert.Contains("KIE does not offer this combination (Generation type: From reference images, Duration, s: 4)", screen.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("REFERENCE_2_VIDEO", screen.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(screen.Buttons, b => BotHarness.IsConfirm(b.Data));
        Assert.Equal(At.Settings, (await FormDriver.StateAsync(h, user)).Step);

        await h.PressDataAsync(user, FormButtons.Summary);
        Assert.DoesNotContain(h.ScreenOf(user).Buttons, b => BotHarness.IsConfirm(b.Data));
        Assert.Equal(balance, await h.Store.Ledger.GetBalanceAsync(user.UserId));
        Assert.Empty(await h.Store.Generations.ListByUserAsync(user.UserId, 10));

        await h.PressDataAsync(user, FormButtons.Ask(parameters.IndexOf(duration)));
        await h.PressDataAsync(user, duration.FindValue("8")!.CallbackData);
        Assert.Contains(h.ScreenOf(user).Buttons, b => BotHarness.IsConfirm(b.Data));
    }

    [Fact]
    public async Task A_value_KIE_refuses_in_a_mode_gets_no_button_there()
    {
        var mode = Models.Veo3_1.Quality;
        var generationType = mode.FindParam("generationType")!;
        await using var h = await BotHarness.StartAsync(postgres.Server);
        var user = new Updates(13_102);
        await FormDriver.OpenAsync(h, user, mode);
        await FormDriver.AnswerAllAsync(h, user, mode);
        await h.PressDataAsync(user, FormButtons.Settings);
        await h.PressDataAsync(user, FormButtons.Ask(mode.Params.ToList().IndexOf(generationType)));

        var buttons = h.ScreenOf(user).Buttons;
        Assert.Contains(buttons, b => b.Data == generationType.FindValue("TEXT_2_VIDEO")!.CallbackData);
        Assert.DoesNotContain(buttons, b => b.Data == generationType.FindValue("REFERENCE_2_VIDEO")!.CallbackData);

        // An old button for it (or a forged press) buys nothing either: the summary refuses the combination.
        await h.SendAsync(user.Press(generationType.FindValue("REFERENCE_2_VIDEO")!.CallbackData, h.ScreenOf(user).MessageId));
        Assert.DoesNotContain(h.ScreenOf(user).Buttons, b => BotHarness.IsConfirm(b.Data));
    }
}
