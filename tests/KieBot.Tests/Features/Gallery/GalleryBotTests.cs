using System.Text.Json.Nodes;
using KieBot.Tests.Bot;
using KieBot.Tests.Storage;
using KieBot.TestSupport.Telegram;

namespace KieBot.Tests.Features.Gallery;

/// <summary>The gallery in the chat: the menu button and the history's Gallery button, only with a public HTTPS URL.</summary>
[Collection("postgres")]
public sealed class GalleryBotTests(PostgresFixture postgres)
{
    [Fact]
    public async Task With_a_public_https_url_the_menu_button_and_the_history_open_the_gallery()
    {
        await using var h = await BotHarness.StartAsync(postgres.Server, new Dictionary<string, string> { ["PUBLIC_URL"] = "https://kiebot.example" });
        var user = new Updates(9_901);

        var menu = Assert.Single(h.Api.CallsOf("setChatMenuButton"));
        Assert.Equal("web_app", menu.Parameters["menu_button"]!["type"]!.GetValue<string>());
        Assert.Equal("https://kiebot.example/gallery/", menu.Parameters["menu_button"]!["web_app"]!["url"]!.GetValue<string>());

        await h.SendAsync(user.Text("/history"));
        Assert.Contains("https://kiebot.example/gallery/", WebApps(h.ScreenOf(user)));
    }

    [Fact]
    public async Task Without_one_neither_is_shown()
    {
        await using var h = await BotHarness.StartAsync(postgres.Server);
        var user = new Updates(9_902);

        await h.SendAsync(user.Text("/history"));

        Assert.Empty(h.Api.CallsOf("setChatMenuButton"));
        Assert.Empty(WebApps(h.ScreenOf(user)));
        Assert.DoesNotContain(h.ScreenOf(user).Buttons, b => b.Text.Contains("Gallery", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_gallery_speaks_the_language_the_user_chose_in_the_bot()
    {
        await using var h = await BotHarness.StartAsync(postgres.Server);
        using var client = new GalleryClient(h.Url);
        await h.SendAsync(new Updates(9_903, "ru").Text("/start"));

        // Telegram's language_code says en; the bot's own choice (ru) wins.
        var me = await client.GetJsonAsync("gallery/api/me", GallerySeed.InitDataFor(9_903, "en"));
        Assert.Equal("ru", me["language"]!.GetValue<string>());
        Assert.Equal("en", (await client.GetJsonAsync("gallery/api/me", GallerySeed.InitDataFor(9_904, "en")))["language"]!.GetValue<string>());
    }

    private static List<string> WebApps(BotApiCall screen) =>
        screen.Parameters["reply_markup"] is JsonObject { } markup && markup["inline_keyboard"] is JsonArray rows
            ? rows.OfType<JsonArray>().SelectMany(r => r.OfType<JsonObject>()).Select(b => b["web_app"]?["url"]?.GetValue<string>()).OfType<string>().ToList()
            : [];
}
