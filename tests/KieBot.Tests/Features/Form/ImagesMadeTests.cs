using KieBot.Features.Form;
using KieBot.Generations;
using KieBot.Storage;
using KieBot.Tests.Bot;
using KieBot.Tests.Storage;
using KieBot.TestSupport.Telegram;
using KieCatalog;
using Microsoft.Extensions.DependencyInjection;

namespace KieBot.Tests.Features.Form;

/// <summary>
/// Seedream 4 makes up to max_images images and KIE bills those it makes: the summary says so, the most is reserved,
/// and only the images made are captured, the rest given back in the same ledger row, once.
/// </summary>
[Collection("postgres")]
public sealed class ImagesMadeTests(PostgresFixture postgres)
{
    [Fact]
    public async Task Asking_for_four_images_and_getting_two_charges_two_and_gives_the_rest_back_once()
    {
        var mode = Models.SeedreamV4.TextToImage;
        var maxImages = mode.FindParam("max_images")!;
        await using var h = await BotHarness.StartAsync(postgres.Server);
        h.Kie.ReadsToFinish = 1;
        h.Kie.ResultsPerTask = 2;
        var user = new Updates(13_201);
        await FormDriver.OpenAsync(h, user, mode);
        await FormDriver.AnswerAllAsync(h, user, mode);
        await h.PressDataAsync(user, FormButtons.Settings);
        await h.PressDataAsync(user, FormButtons.Ask(mode.Params.ToList().IndexOf(maxImages)));
        await h.SendAsync(user.Text("4"));

        var summary = h.ScreenOf(user).Text!;
        // KIE bills 5 credits an image; the bot's price is 1.5 times KIE's (the default markup).
        Assert.Contains("Up to 4 images: you pay 7.5 cr for each image made", summary, StringComparison.Ordinal);
        Assert.Contains("Price: <b>30 cr</b>", summary, StringComparison.Ordinal);
        await h.ConfirmAsync(user);
        var id = (await h.Store.Generations.ListByUserAsync(user.UserId, 1))[0].Id;
        var done = await TrackingTests.WaitForDeliveryAsync(h, id);

        Assert.Equal(2, done.ResultUrls.Count);
        Assert.Equal(Credits.Whole(30), done.Price);
        var capture = (await h.Store.Ledger.FindAsync(done.ReservationKey + ":capture"))!;
        Assert.Equal((LedgerKind.Capture, Credits.Whole(15), Credits.Whole(15), -Credits.Whole(30)), (capture.Kind, capture.Amount, capture.AvailableDelta, capture.ReservedDelta));
        Assert.Equal(new Balance(user.UserId, Credits.Whole(500 - 15), Credits.Zero), await h.Store.Ledger.GetBalanceAsync(user.UserId));

        // A success replayed after a restart captures nothing twice.
        await GenerationOutcome.CaptureAsync(h.Store, h.App.Services.GetRequiredService<IGenerationReporter>(), done, CancellationToken.None);
        Assert.Equal(new Balance(user.UserId, Credits.Whole(500 - 15), Credits.Zero), await h.Store.Ledger.GetBalanceAsync(user.UserId));
        Assert.True((await h.Store.Ledger.CheckAsync()).IsConsistent);
    }

    [Fact]
    public async Task One_image_asked_and_made_is_charged_its_price_with_no_note()
    {
        var mode = Models.SeedreamV4.TextToImage;
        await using var h = await BotHarness.StartAsync(postgres.Server);
        h.Kie.ReadsToFinish = 1;
        var user = new Updates(13_202);
        await FormDriver.OpenAsync(h, user, mode);
        await FormDriver.AnswerAllAsync(h, user, mode);

        Assert.DoesNotContain("each image made", h.ScreenOf(user).Text!, StringComparison.Ordinal);
        await h.ConfirmAsync(user);
        var done = await TrackingTests.WaitForDeliveryAsync(h, (await h.Store.Generations.ListByUserAsync(user.UserId, 1))[0].Id);

        Assert.Equal(done.Price, (await h.Store.Ledger.FindAsync(done.ReservationKey + ":capture"))!.Amount);
        Assert.Equal(Credits.Whole(500) - done.Price, (await h.Store.Ledger.GetBalanceAsync(user.UserId)).Available);
        Assert.Equal(new Credits(750), done.Price);
    }
}
