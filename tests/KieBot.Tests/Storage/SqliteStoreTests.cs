namespace KieBot.Tests.Storage;

public sealed class SqliteStoreTests : StoreContract, IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("kiebot-sqlite-").FullName;

    protected override Task<string> NewDatabaseAsync() => Task.FromResult(Path.Combine(folder, Guid.NewGuid().ToString("N") + ".db"));

    protected override IBotStore Open(string database) => BotStores.Open(new StorageOptions { SqlitePath = database }, Time);

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }

    [Fact]
    public async Task The_file_is_in_wal_mode()
    {
        await using var store = await NewStoreAsync();

        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection("Data Source=" + store.Description["sqlite ".Length..]);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode";
        Assert.Equal("wal", (string?)await command.ExecuteScalarAsync());
    }
}
