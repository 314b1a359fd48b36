using KieBot.Storage;

namespace KieBot.Hosting;

/// <summary>Storage settings from the environment: <c>DATABASE_URL</c> (PostgreSQL) or <c>SQLITE_PATH</c> (embedded default).</summary>
public static class StorageSettings
{
    public static StorageOptions FromEnvironment(Func<string, string?>? read = null)
    {
        read ??= Environment.GetEnvironmentVariable;
        var options = new StorageOptions { DatabaseUrl = read("DATABASE_URL") };
        return read("SQLITE_PATH") is { Length: > 0 } path ? options with { SqlitePath = path } : options;
    }
}
