using KieBot.Hosting.Commands;

namespace KieBot.Tests.Ops;

/// <summary><c>check</c> says which modes a bot without a public URL cannot sell, and why; with one, it says nothing.</summary>
public sealed class CheckCallbacksTests : IDisposable
{
    private readonly string sqlite = Path.Combine(Path.GetTempPath(), $"kiebot-check-{Guid.NewGuid():N}.db");

    [Fact]
    public async Task Check_warns_that_suno_needs_a_public_url_until_one_is_set()
    {
        var env = new Dictionary<string, string?> { ["TELEGRAM_BOT_TOKEN"] = KieBot.TestSupport.Telegram.FakeBotApi.Token, ["SQLITE_PATH"] = sqlite };

        var polling = await CheckAsync(env);
        env["PUBLIC_URL"] = "https://bot.example";
        var public_ = await CheckAsync(env);

        Assert.Contains("warn  callbacks: 42 visible modes (Suno, Suno Cover, Suno Extend, Suno Vocals & Instrumental, Suno Mashup, Suno Lyrics) are not on sale: KIE requires a callback URL on every task of these (or of the results they continue), and neither PUBLIC_URL nor WEBHOOK_URL is set", polling, StringComparison.Ordinal);
        Assert.DoesNotContain("callbacks:", public_, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        File.Delete(sqlite);
    }

    private static async Task<string> CheckAsync(Dictionary<string, string?> env)
    {
        var output = new StringWriter();
        await CheckCommand.RunAsync(name => env.GetValueOrDefault(name), output, json: false);
        return output.ToString();
    }
}
