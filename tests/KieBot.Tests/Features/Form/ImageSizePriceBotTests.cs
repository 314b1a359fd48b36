using KieBot.Storage;
using KieBot.Tests.Bot;
using KieBot.Tests.Faults;
using KieBot.Tests.Storage;
using KieBot.TestSupport;
using KieBot.TestSupport.Telegram;
using KieCatalog;

namespace KieBot.Tests.Features.Form;

/// <summary>Modes KIE bills by an image's size: the quote, the reservation and the capture follow the uploaded photo's real pixels.</summary>
[Collection("postgres")]
public sealed class ImageSizePriceBotTests(PostgresFixture postgres)
{
    /// <summary>A real 2000×1500 JPEG (made with ImageMagick).</summary>
    private static byte[] Sky() => File.ReadAllBytes(Path.Combine(RepositoryPaths.Root(), "tests", "KieBot.Tests", "Media", "Fixtures", "sky-2000x1500.jpg"));

    [Fact]
    public async Task Topaz_upscale_of_a_2000_by_1500_photo_at_2x_is_priced_as_a_4K_output()
    {
        var mode = Models.TopazImage.Upscale;
        await using var h = await BotHarness.StartAsync(postgres.Server);
        var user = new Updates(13_201);
        await FormDriver.OpenAsync(h, user, mode);
        h.Api.AddFile("sky", Sky());

        await h.SendAsync(user.Photo("sky"));
        await FormDriver.AnswerAllAsync(h, user, mode);

        // ×2 (the default) makes a 4000 px side: KIE's 4K tier, 20 cr; the markup is 1.5.
        Assert.Equal("2", mode.FindParam("upscale_factor")!.DefaultValue);
        await FileLengthPriceTests.AssertChargedAsync(h, user, Credits.Whole(30), "2000×1500");
    }

    [Fact]
    public async Task Qwen_image_to_image_of_a_2000_by_1500_photo_costs_three_started_megapixels()
    {
        var mode = Models.Qwen.ImageToImage;
        await using var h = await BotHarness.StartAsync(postgres.Server);
        var user = new Updates(13_202);
        await FormDriver.OpenAsync(h, user, mode);
        h.Api.AddFile("sky", Sky());
        await h.SendAsync(user.Text("Make it a sunset"));

        await h.SendAsync(user.Photo("sky"));
        await FormDriver.AnswerAllAsync(h, user, mode);

        // 3,000,000 pixels are 2.86 megapixels of 1024×1024: 3 started, 4 cr each at KIE, 1.5 markup.
        await FileLengthPriceTests.AssertChargedAsync(h, user, Credits.Whole(18), "2000×1500");
    }

    [Fact]
    public async Task An_image_whose_size_cannot_be_read_is_refused_and_nothing_is_charged()
    {
        var mode = Models.TopazImage.Upscale;
        await using var h = await BotHarness.StartAsync(postgres.Server);
        var user = new Updates(13_203);
        await FormDriver.OpenAsync(h, user, mode);
        h.Api.AddFile("noise", [1, 2, 3, 4, 5, 6, 7, 8]);

        await h.SendAsync(user.Photo("noise"));

        Assert.Contains(h.Api.CallsOf("sendMessage"), c => c.ChatId == user.UserId && c.Text!.StartsWith("Could not read the size of this image", StringComparison.Ordinal));
        Assert.Equal("image_url", (await FormDriver.StateAsync(h, user)).Asking);
        Assert.Empty(await h.Store.Generations.ListByUserAsync(user.UserId, 10));
        Assert.Equal(Credits.Zero, (await h.Store.Ledger.GetBalanceAsync(user.UserId)).Reserved);
    }
}
