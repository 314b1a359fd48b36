using KieBot.Storage.Postgres;
using KieBot.Storage.Sql;
using KieBot.Storage.Sqlite;

namespace KieBot.Storage;

/// <summary>Where the bot keeps its state: <c>DATABASE_URL</c> set → PostgreSQL; unset → an embedded SQLite file.</summary>
public sealed record StorageOptions
{
    /// <summary><c>postgres://user:pass@host:port/db</c> or a keyword connection string.</summary>
    public string? DatabaseUrl { get; init; }

    /// <summary>The SQLite file used when <see cref="DatabaseUrl"/> is empty.</summary>
    public string SqlitePath { get; init; } = Path.Combine("data", "kiebot.db");
}

public static class BotStores
{
    /// <summary>Opens the store the options choose (migrations are not applied: call <see cref="IBotStore.MigrateAsync"/>).</summary>
    public static IBotStore Open(StorageOptions options, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var clock = time ?? TimeProvider.System;
        SqlDatabase db = string.IsNullOrWhiteSpace(options.DatabaseUrl)
            ? new SqliteDatabase(options.SqlitePath, clock)
            : new PostgresDatabase(options.DatabaseUrl, clock);
        return new SqlBotStore(db);
    }
}
