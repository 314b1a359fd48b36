using KieBot.Storage;

namespace KieBot.Hosting;

/// <summary>Storage settings from the environment: <c>DATABASE_URL</c> (PostgreSQL) or <c>SQLITE_PATH</c> (embedded default).</summary>
public static class StorageSettings
{
    public static StorageOptions FromEnvironment(Func<string, string?>? read = null)
    {
        // The same reading as the bot's (other variables' problems are for `check` and `run` to report).
        return BotOptions.Read(read ?? Environment.GetEnvironmentVariable, out _).Storage;
    }
}
