using KieBot.Hosting;

namespace KieBot.Tests.Bot;

/// <summary>The README's first command: the console chat, driven through its stdin and stdout.</summary>
public sealed class ConsoleChatTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("kiebot-console-").FullName;

    [Fact]
    public async Task A_person_generates_an_image_and_a_video_in_the_console()
    {
        var kling = KieCatalog.Models.All.Where(m => m.IsVisible && m.Category == KieCatalog.Catalog.ModelCategory.Video).ToList().IndexOf(KieCatalog.Models.Kling2_6) + 1;
        Assert.InRange(kling, 1, 8);
        var script = string.Join('\n',
            "1", "1", "1", "A red fox in the snow", "1",             // Images → Z-Image → text to image → prompt → generate
            "/start", "2", kling.ToString(System.Globalization.CultureInfo.InvariantCulture), "1", // Video → Kling 2.6 → text to video
            "A fox running", "1", "2", "1");                          // prompt, sound on, next, generate
        var output = new StringWriter();
        var env = new Dictionary<string, string> { ["SQLITE_PATH"] = Path.Combine(folder, "bot.db"), ["LANG"] = "en_US.UTF-8" };

        var code = await BotRunner.RunAsync(name => env.GetValueOrDefault(name), new StringReader(script), output, new StringWriter());

        var text = output.ToString();
        Assert.Equal(0, code);
        Assert.Contains("KieBot console chat", text, StringComparison.Ordinal);
        Assert.Contains("[1] 🖼 Images", text, StringComparison.Ordinal);
        Assert.Matches(@"🖼 image: https://fake\.kie\.invalid/results/fake_jobs_\d+/0\.png", text);
        Assert.Matches(@"🎬 video: https://fake\.kie\.invalid/results/fake_jobs_\d+/0\.mp4", text);
        Assert.Contains("Test mode: nothing is charged.", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_real_generation_configured_the_console_says_so_and_calls_kie()
    {
        await using var kie = await KieBot.TestSupport.Kie.FakeKieServer.StartAsync();
        kie.ReadsToFinish = 1;
        var script = string.Join('\n', "1", "1", "1", "A red fox in the snow", "1"); // Images → Z-Image → text to image → prompt → generate
        var output = new StringWriter();
        var env = new Dictionary<string, string>
        {
            ["SQLITE_PATH"] = Path.Combine(folder, "real.db"),
            ["LANG"] = "en_US.UTF-8",
            ["ALLOW_REAL_GENERATION"] = "1",
            ["KIE_API_KEY"] = kie.ApiKey,
            ["KIE_API_URL"] = kie.BaseUrl.AbsoluteUri,
            ["KIE_UPLOAD_URL"] = kie.BaseUrl.AbsoluteUri,
        };

        var code = await BotRunner.RunAsync(name => env.GetValueOrDefault(name), new StringReader(script), output, new StringWriter());

        var text = output.ToString();
        Assert.Equal(0, code);
        Assert.StartsWith($"KieBot console chat · REAL generation: KIE at {kie.BaseUrl.AbsoluteUri}", text.TrimStart(), StringComparison.Ordinal);
        Assert.DoesNotContain("dry run", text, StringComparison.Ordinal);
        var task = Assert.Single(kie.Tasks.Values);
        Assert.Contains($"🖼 image: {task.ResultUrls[0]}", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_console_offers_the_prompt_coach_with_the_fake_chat_and_charges_nothing()
    {
        var script = string.Join('\n',
            "1", "1", "1", "1",                 // Images → Z-Image → text to image → ✨ Improve
            "a fox asleep in the snow", "1",    // the idea → Use it
            "1");                               // generate
        var output = new StringWriter();
        var env = new Dictionary<string, string> { ["SQLITE_PATH"] = Path.Combine(folder, "coach.db"), ["LANG"] = "en_US.UTF-8" };

        var code = await BotRunner.RunAsync(name => env.GetValueOrDefault(name), new StringReader(script), output, new StringWriter());

        var text = output.ToString();
        Assert.Equal(0, code);
        Assert.Contains("[1] ✨ Improve the prompt (free)", text, StringComparison.Ordinal);
        Assert.Contains("Improved prompt", text, StringComparison.Ordinal);
        Assert.Contains("[Gemini 2.5 Flash, dry run] a fox asleep in the snow", text, StringComparison.Ordinal);
        Assert.DoesNotContain("<code>", text, StringComparison.Ordinal);
        Assert.Contains("Free: today's allowance.", text, StringComparison.Ordinal);
        Assert.Matches(@"🖼 image: https://fake\.kie\.invalid/results/fake_jobs_\d+/0\.png", text);
    }

    [Fact]
    public async Task The_console_has_the_text_shelf_with_the_fake_chat_for_questions_and_photos()
    {
        var text = KieCatalog.Models.Categories.Count(c => KieCatalog.Models.All.Any(m => m.Category == c && m.IsVisible)) + 1;
        var photo = Path.Combine(folder, "fox.jpg");
        await File.WriteAllBytesAsync(photo, Convert.FromBase64String("/9j/4AAQSkZJRgABAQEASABIAAD/2wBDAP//////////////////////////////////////////////////////////////////////////////////////wAALCAABAAEBAREA/8QAFAABAAAAAAAAAAAAAAAAAAAAA//EABQQAQAAAAAAAAAAAAAAAAAAAAD/2gAIAQEAAD8AN//Z"));
        var script = string.Join('\n', text.ToString(System.Globalization.CultureInfo.InvariantCulture), "What is a fox?", "/photo " + photo);
        var output = new StringWriter();
        var env = new Dictionary<string, string> { ["SQLITE_PATH"] = Path.Combine(folder, "text.db"), ["LANG"] = "en_US.UTF-8" };

        var code = await BotRunner.RunAsync(name => env.GetValueOrDefault(name), new StringReader(script), output, new StringWriter());

        var shown = output.ToString();
        Assert.Equal(0, code);
        Assert.Contains($"[{text}] 💬 Text", shown, StringComparison.Ordinal);
        Assert.Contains("💬 Text · Gemini 2.5 Flash", shown, StringComparison.Ordinal);
        Assert.Contains("[Gemini 2.5 Flash, dry run] What is a fox?", shown, StringComparison.Ordinal);
        Assert.Contains("[Gemini 2.5 Flash, dry run] Describe this image.", shown, StringComparison.Ordinal);
        Assert.Contains("🆕 New conversation", shown, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bad_setting_stops_start_up_with_one_line_naming_the_variable()
    {
        var errors = new StringWriter();
        var env = new Dictionary<string, string> { ["PRICE_MARKUP"] = "cheap", ["WEBHOOK_URL"] = "http://insecure.example", ["TELEGRAM_BOT_TOKEN"] = "123:short" };

        var code = await BotRunner.RunAsync(name => env.GetValueOrDefault(name), new StringReader(string.Empty), new StringWriter(), errors);

        Assert.Equal(2, code);
        var lines = errors.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Contains(lines, l => l.StartsWith("configuration: PRICE_MARKUP must be a number", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("configuration: WEBHOOK_URL must be an absolute https URL", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("configuration: TELEGRAM_BOT_TOKEN does not look like a bot token", StringComparison.Ordinal));
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }
}
