using KieBot.Hosting.Commands;

namespace KieBot.Tests.Ops;

/// <summary><c>check</c> says whether the prompt coach is offered, on which model and terms, and when it is not, why.</summary>
public sealed class CheckChatOffersTests : IDisposable
{
    private readonly string sqlite = Path.Combine(Path.GetTempPath(), $"kiebot-check-chat-{Guid.NewGuid():N}.db");

    [Fact]
    public async Task Check_says_why_the_coach_is_off_and_what_it_runs_on_once_it_is_on()
    {
        var env = new Dictionary<string, string?> { ["TELEGRAM_BOT_TOKEN"] = KieBot.TestSupport.Telegram.FakeBotApi.Token, ["SQLITE_PATH"] = sqlite, ["ALLOW_REAL_GENERATION"] = "1", ["KIE_API_KEY"] = "check-key", ["KIE_API_URL"] = "http://127.0.0.1:9" };

        var unset = await CheckAsync(env);
        env["COACH_MODEL"] = "gemini-2.5-flash";
        var unpriced = await CheckAsync(env);
        env["COACH_PRICE"] = "30/250";
        env["COACH_FREE_DAILY"] = "3";
        var on = await CheckAsync(env);
        env["COACH_PRICE"] = "cheap";
        var bad = await CheckAsync(env);
        env["COACH_PRICE"] = null;
        env["COACH_MODEL"] = "gpt-5-codex";
        var unspoken = await CheckAsync(env);

        Assert.Contains("warn  chat coach: off: COACH_MODEL is not set", unset, StringComparison.Ordinal);
        Assert.Contains("warn  chat coach: off: gemini-2.5-flash has no price in the catalog: set COACH_PRICE", unpriced, StringComparison.Ordinal);
        Assert.Contains("chat coach: Gemini 2.5 Flash (gemini-2.5-flash), KIE 30/250 cr per million tokens in/out (COACH_PRICE), 3 free a day", on, StringComparison.Ordinal);
        Assert.Contains("COACH_PRICE must be <credits per million input tokens>/<credits per million output tokens>", bad, StringComparison.Ordinal);
        Assert.Contains("COACH_MODEL: 'gpt-5-codex' is not a chat model the client speaks", unspoken, StringComparison.Ordinal);
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
