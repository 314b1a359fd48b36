using OpenQA.Selenium;
using OpenQA.Selenium.Chrome;

namespace KieBot.Tests.Features.Gallery;

/// <summary>
/// Headless Chromium at phone width through the system's chromedriver (Debian's <c>chromium</c> and
/// <c>chromium-driver</c>; CHROME_BIN and CHROMEDRIVER point elsewhere). Telegram's script host resolves to nothing, as
/// on a machine without the internet: the page must work from its own files alone.
/// </summary>
internal sealed class Browser : IDisposable
{
    private static readonly string[] Browsers = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"];
    private static readonly string[] Drivers = ["/usr/bin/chromedriver", "/usr/lib/chromium/chromedriver"];

    private Browser(ChromeDriver driver) => Driver = driver;

    public ChromeDriver Driver { get; }

    public static string? BrowserPath => Find("CHROME_BIN", Browsers);

    public static string? DriverPath => Find("CHROMEDRIVER", Drivers);

    public static Browser Start()
    {
        var browser = BrowserPath ?? throw new InvalidOperationException("No Chromium found: apt-get install -y chromium chromium-driver (or set CHROME_BIN)");
        var driver = DriverPath ?? throw new InvalidOperationException("No chromedriver found: apt-get install -y chromium-driver (or set CHROMEDRIVER)");
        var options = new ChromeOptions { BinaryLocation = browser };
        options.AddArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=400,860", "--host-resolver-rules=MAP telegram.org ~NOTFOUND");
        var service = ChromeDriverService.CreateDefaultService(Path.GetDirectoryName(driver)!, Path.GetFileName(driver));
        service.SuppressInitialDiagnosticInformation = true;
        service.HideCommandPromptWindow = true;
        return new Browser(new ChromeDriver(service, options, TimeSpan.FromSeconds(60)));
    }

    /// <summary>The page as Telegram opens it: initData and theme in the fragment (<c>tgWebAppData</c>, <c>tgWebAppThemeParams</c>).</summary>
    public void Open(Uri host, string initData, string theme = """{"bg_color":"#ffffff","text_color":"#000000"}""", string scheme = "light") =>
        Driver.Navigate().GoToUrl(new Uri(host, "gallery/").AbsoluteUri
            + "#tgWebAppData=" + Uri.EscapeDataString(initData) + "&tgWebAppThemeParams=" + Uri.EscapeDataString(theme) + "&tgWebAppColorScheme=" + scheme);

    public T Script<T>(string script, params object[] args) => (T)Driver.ExecuteScript(script, args)!;

    /// <summary>Waits until <paramref name="condition"/> holds (up to 20 s), else fails with <paramref name="what"/>.</summary>
    public async Task UntilAsync(Func<bool> condition, string what)
    {
        for (var i = 0; i < 200; i++)
        {
            if (condition())
            {
                return;
            }

            await Task.Delay(100);
        }

        Assert.Fail("waited 20 s for " + what + "; page: " + Driver.FindElement(By.TagName("body")).Text);
    }

    /// <summary>Saves what the browser shows under artifacts/gallery/ for a person to look at.</summary>
    public string Screenshot(string name)
    {
        var folder = Path.Combine(KieBot.TestSupport.RepositoryPaths.Root(), "artifacts", "gallery");
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, name + ".png");
        Driver.GetScreenshot().SaveAsFile(path);
        return path;
    }

    public void Dispose() => Driver.Quit();

    private static string? Find(string variable, string[] candidates) =>
        Environment.GetEnvironmentVariable(variable) is { Length: > 0 } set ? set : candidates.FirstOrDefault(File.Exists);
}
