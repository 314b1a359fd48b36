using KieBot.Tests.Bot;
using KieBot.Tests.Storage;
using OpenQA.Selenium;

namespace KieBot.Tests.Features.Gallery;

/// <summary>The gallery in a real browser (headless Chromium) against the real host and a seeded store.</summary>
[Collection("postgres")]
public sealed class GalleryBrowserTests(PostgresFixture postgres)
{
    private const long Owner = 9_801;

    [Fact]
    public async Task The_grid_shows_the_seeded_items_with_thumbnails_an_item_shows_its_chain_and_send_reaches_the_chat()
    {
        await using var seed = await GallerySeed.StartAsync(postgres.Server, Owner);
        await using var h = await BotHarness.StartAsync(postgres.Server, database: seed.Database);
        using var browser = Browser.Start();

        browser.Open(h.Url, GallerySeed.InitDataFor(Owner));
        await browser.UntilAsync(() => Tiles(browser).Count == 6, "six tiles");
        await browser.UntilAsync(() => browser.Script<bool>("return [...document.querySelectorAll('img.thumb')].every(i => i.complete && i.naturalWidth > 0)"), "thumbnails drawn");
        Assert.Equal(8L, browser.Script<long>($"return document.querySelector('[data-id=\"{seed.Image}\"] img.thumb').naturalWidth"));
        Assert.Equal(8L, browser.Script<long>($"return document.querySelector('[data-id=\"{seed.Song}\"] img.thumb').naturalWidth"));
        Assert.NotNull(Tile(browser, seed.Song).FindElement(By.TagName("audio")).GetAttribute("src"));
        Assert.Contains("/gallery/f/" + seed.Video + "/r0", Tile(browser, seed.Video).FindElement(By.TagName("video")).GetAttribute("src"), StringComparison.Ordinal);
        Assert.Contains("Lanterns on the harbour", Tile(browser, seed.Lyrics).Text, StringComparison.Ordinal);
        Assert.Contains("Balance: 0 cr", browser.Driver.FindElement(By.Id("balance")).Text, StringComparison.Ordinal);
        browser.Screenshot("grid");

        Tile(browser, seed.Upscaled).Click();
        await browser.UntilAsync(() => browser.Driver.FindElements(By.CssSelector("#item .parent .tile")).Count == 1, "the parent in the chain");
        Assert.Equal(seed.Video, browser.Driver.FindElement(By.CssSelector("#item .parent .tile")).GetAttribute("data-id"));
        Assert.DoesNotContain("null", browser.Driver.FindElement(By.Id("item")).Text, StringComparison.Ordinal);
        browser.Screenshot("item");
        browser.Driver.FindElement(By.CssSelector("#item .parent .tile")).Click();
        await browser.UntilAsync(() => browser.Driver.FindElements(By.CssSelector("#item .children .tile")).Count == 1, "the follow-up in the chain");
        Assert.Equal(seed.Upscaled, browser.Driver.FindElement(By.CssSelector("#item .children .tile")).GetAttribute("data-id"));
        Assert.NotEmpty(browser.Driver.FindElements(By.CssSelector("#item .followups button")));

        browser.Driver.FindElement(By.CssSelector("#item .back")).Click();
        Tile(browser, seed.Image).Click();
        await browser.UntilAsync(() => browser.Driver.FindElements(By.CssSelector("#item .send")).Count == 1, "the image's page");
        Assert.Contains("A lighthouse in fog", browser.Driver.FindElement(By.CssSelector("#item .prompt")).Text, StringComparison.Ordinal);
        browser.Driver.FindElement(By.CssSelector("#item .send")).Click();
        await browser.UntilAsync(() => h.Api.CallsOf("sendPhoto").Any(c => c.ChatId == Owner && c.Parameters["photo"]?.GetValue<string>() == $"file-{seed.Image}-0"), "sendPhoto at the Bot API");
        await browser.UntilAsync(() => browser.Driver.FindElement(By.Id("toast")).Text == "Sent to the chat", "the toast");
    }

    [Fact]
    public async Task Telegrams_dark_theme_applies()
    {
        await using var seed = await GallerySeed.StartAsync(postgres.Server, Owner);
        await using var h = await BotHarness.StartAsync(postgres.Server, database: seed.Database);
        using var browser = Browser.Start();

        browser.Open(h.Url, GallerySeed.InitDataFor(Owner), """{"bg_color":"#17212b","text_color":"#f5f5f5","hint_color":"#708499","button_color":"#5288c1","button_text_color":"#ffffff","secondary_bg_color":"#232e3c"}""", "dark");
        await browser.UntilAsync(() => Tiles(browser).Count == 6, "six tiles");

        Assert.Equal("dark", browser.Script<string>("return document.documentElement.dataset.theme"));
        Assert.Equal("rgb(23, 33, 43)", browser.Script<string>("return getComputedStyle(document.body).backgroundColor"));
        Assert.Equal("rgb(35, 46, 60)", browser.Script<string>($"return getComputedStyle(document.querySelector('[data-id=\"{seed.Lyrics}\"]')).backgroundColor"));
        browser.Screenshot("grid-dark");
    }

    [Fact]
    public async Task A_forged_initData_sees_the_401_page_and_nothing_of_the_user()
    {
        await using var seed = await GallerySeed.StartAsync(postgres.Server, Owner);
        await using var h = await BotHarness.StartAsync(postgres.Server, database: seed.Database);
        using var browser = Browser.Start();

        browser.Open(h.Url, GallerySeed.InitDataFor(Owner, token: "123456789:AAHsomeOtherBotsToken_abcdefghijklmn"));
        await browser.UntilAsync(() => browser.Driver.FindElement(By.Id("denied")).Displayed, "the 401 page");

        Assert.Equal("Open the gallery from the bot", browser.Driver.FindElement(By.CssSelector("#denied h1")).Text);
        Assert.Empty(Tiles(browser));
        Assert.False(browser.Driver.FindElement(By.Id("top")).Displayed);
        browser.Screenshot("denied");
    }

    private static IReadOnlyCollection<IWebElement> Tiles(Browser browser) => browser.Driver.FindElements(By.CssSelector("#grid .tile"));

    private static IWebElement Tile(Browser browser, string id) => browser.Driver.FindElement(By.CssSelector($"#grid [data-id=\"{id}\"]"));
}
