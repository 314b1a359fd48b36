using KieBot.Features.Admin;
using KieBot.Features.Browse;
using KieBot.Features.Form;
using KieBot.Features.History;
using KieBot.Features.Menu;
using KieBot.Tests.Storage;
using KieBot.TestSupport.Hosting;
using KieBot.TestSupport.Telegram;
using KieCatalog;
using KieBot.Conversation;

namespace KieBot.Tests.Bot;

/// <summary>Free daily generations: shown on the menu, the card and the summary; used on success, given back on failure; a new quota at the configured midnight.</summary>
[Collection("postgres")]
public sealed class FreeQuotaTests(PostgresFixture postgres)
{
    private static readonly Dictionary<string, string> FreeSettings = new()
    {
        ["FREE_MODES"] = Models.ZImage.TextToImage.Key,
        ["FREE_DAILY"] = "1",
        ["FREE_TIMEZONE"] = "Europe/Moscow",
    };

    [Fact]
    public async Task The_quota_is_used_on_success_given_back_on_failure_and_renewed_at_midnight_in_its_time_zone()
    {
        // 20:50 UTC is 23:50 in Moscow: ten minutes to the quota's midnight, three hours to UTC's.
        var clock = new ShiftedClock(new DateTimeOffset(2026, 11, 24, 20, 50, 0, TimeSpan.Zero));
        await using var h = await BotHarness.StartAsync(postgres.Server, FreeSettings, time: clock);
        h.Kie.ReadsToFinish = 1;
        var user = new Updates(9_101);
        var mode = Models.ZImage.TextToImage;

        await FormDriver.OpenAsync(h, user, mode);
        Assert.Contains(h.Api.Calls, c => c.Text?.Contains("🎁 Free generations today: 1 of 1.", StringComparison.Ordinal) == true);
        Assert.Contains(h.Api.Calls, c => c.Text?.Contains("🎁 Free: 1 of 1 left today.", StringComparison.Ordinal) == true
            && c.Buttons.Any(b => b.Data == mode.CallbackData && b.Text.EndsWith("· free", StringComparison.Ordinal)));
        await FormDriver.AnswerAllAsync(h, user, mode);
        Assert.Contains("Price: <b>free</b> (1 of 1 free generations left today)", h.Screen.Text, StringComparison.Ordinal);
        Assert.Contains(h.ScreenOf(user).Buttons, b => BotHarness.IsConfirm(b.Data) && b.Text == "✅ Generate for free");

        // A failed free generation is not counted.
        h.Kie.FailNextTask("500", "Internal error");
        await h.ConfirmAsync(user);
        var failed = (await h.Store.Generations.ListByUserAsync(user.UserId, 1))[0];
        Assert.Null(failed.ReservationKey);
        await TrackingTests.WaitForAsync(h, failed.Id, GenerationState.Refunded);
        await h.Api.WaitForAsync(c => c.Text?.Contains("This free generation was not counted", StringComparison.Ordinal) == true);

        // A successful one is, and costs nothing.
        var free = await TrackingTests.GenerateAsync(h, user, mode);
        Assert.Equal("2026-11-24", free.FreeDay);
        Assert.Equal(Credits.Zero, free.Price);
        await TrackingTests.WaitForDeliveryAsync(h, free.Id);
        Assert.Equal(new Balance(user.UserId, Credits.Whole(500), Credits.Zero), await h.Store.Ledger.GetBalanceAsync(user.UserId));

        // Used up until Moscow's midnight: the summary shows the price again.
        await FormDriver.OpenAsync(h, user, mode);
        Assert.Contains("🎁 Free generations today: 0 of 1.", h.Api.Calls.Last(c => c.Text?.Contains("🎁 Free generations", StringComparison.Ordinal) == true).Text, StringComparison.Ordinal);
        await FormDriver.AnswerAllAsync(h, user, mode);
        Assert.Contains("Price: <b>", h.Screen.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("free", h.Screen.Text, StringComparison.Ordinal);

        clock.Advance(TimeSpan.FromMinutes(15));
        await h.PressDataAsync(user, FormButtons.Settings);
        await h.PressDataAsync(user, FormButtons.Summary);
        Assert.Contains("Price: <b>free</b> (1 of 1 free generations left today)", h.Screen.Text, StringComparison.Ordinal);
        var next = await ConfirmAsync(h, user);
        Assert.Equal("2026-11-25", next.FreeDay);
        await TrackingTests.WaitForDeliveryAsync(h, next.Id);
        Assert.Equal(new Balance(user.UserId, Credits.Whole(500), Credits.Zero), await h.Store.Ledger.GetBalanceAsync(user.UserId));
        Assert.True((await h.Store.Ledger.CheckAsync()).IsConsistent);
    }

    [Fact]
    public async Task A_summary_that_promised_free_never_charges_when_the_quota_went_in_between()
    {
        await using var h = await BotHarness.StartAsync(postgres.Server, FreeSettings);
        var user = new Updates(9_102);
        var mode = Models.ZImage.TextToImage;
        await FormDriver.OpenAsync(h, user, mode);
        await FormDriver.AnswerAllAsync(h, user, mode);
        Assert.Contains("Price: <b>free</b>", h.Screen.Text, StringComparison.Ordinal);

        // Another confirmation takes today's only free generation first.
        var today = (await h.Store.Generations.ListByUserAsync(user.UserId, 1)).Count;
        Assert.Equal(0, today);
        var other = StoreContract.NewGeneration("other", user.UserId) with
        {
            ModelId = mode.Model.Id, ModeId = mode.Id, Price = Credits.Zero, ReservationKey = null, FreeDay = FreeDay(),
        };
        Assert.True(await h.Store.Generations.CreateFreeAsync(other, 1));

        await h.ConfirmAsync(user);

        Assert.Equal("Today's free generations are used up: the price is shown now.", h.Api.CallsOf("answerCallbackQuery").Last().Parameters["text"]!.GetValue<string>());
        Assert.Contains("Price: <b>", h.Screen.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("free", h.Screen.Text, StringComparison.Ordinal);
        Assert.Single(await h.Store.Generations.ListByUserAsync(user.UserId, 10));
        Assert.Equal(new Balance(user.UserId, Credits.Whole(500), Credits.Zero), await h.Store.Ledger.GetBalanceAsync(user.UserId));

        // Confirming the summary with the price charges as usual.
        var paid = await ConfirmAsync(h, user);
        Assert.Null(paid.FreeDay);
        Assert.Equal(paid.Price, (await h.Store.Ledger.GetBalanceAsync(user.UserId)).Reserved);
    }

    private static string FreeDay() =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Europe/Moscow")).DateTime).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private static async Task<Generation> ConfirmAsync(BotHarness h, Updates user)
    {
        await h.ConfirmAsync(user);
        return (await h.Store.Generations.ListByUserAsync(user.UserId, 1))[0];
    }
}
