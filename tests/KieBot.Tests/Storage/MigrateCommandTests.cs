using KieBot.Ops;

namespace KieBot.Tests.Storage;

public sealed class MigrateCommandTests
{
    [Fact]
    public async Task Migrate_applies_once_then_reports_up_to_date()
    {
        var folder = Directory.CreateTempSubdirectory("kiebot-migrate-").FullName;
        var options = new StorageOptions { SqlitePath = Path.Combine(folder, "nested", "bot.db") };
        var first = new StringWriter();
        var second = new StringWriter();

        Assert.Equal(0, await MigrateCommand.RunAsync(options, first));
        Assert.Equal(0, await MigrateCommand.RunAsync(options, second));

        int target;
        await using (var store = KieBot.Storage.BotStores.Open(options, TimeProvider.System))
        {
            target = store.TargetSchemaVersion;
        }

        Assert.Contains($"applied {string.Join(", ", Enumerable.Range(1, target))}; now at schema version {target}", first.ToString(), StringComparison.Ordinal);
        Assert.Contains($"up to date at schema version {target}", second.ToString(), StringComparison.Ordinal);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }

    [Fact]
    public async Task An_unreachable_database_fails_without_showing_the_password()
    {
        var output = new StringWriter();

        var code = await MigrateCommand.RunAsync(new StorageOptions { DatabaseUrl = "postgres://kiebot:Hunter2Secret@127.0.0.1:1/kiebot" }, output);

        Assert.Equal(1, code);
        Assert.Contains("migrate failed: postgres 127.0.0.1:1/kiebot", output.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("Hunter2Secret", output.ToString(), StringComparison.Ordinal);
    }
}
