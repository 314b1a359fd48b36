namespace KieBot.Tests.Storage;

[Collection("postgres")]
public sealed class PostgresStoreTests(PostgresFixture postgres) : StoreContract
{
    protected override async Task<string> NewDatabaseAsync() => await postgres.Server.CreateDatabaseAsync();

    protected override IBotStore Open(string database) => BotStores.Open(new StorageOptions { DatabaseUrl = database }, Time);

    [Fact]
    public async Task A_render_style_url_reaches_the_same_server()
    {
        var keywords = await NewDatabaseAsync();
        var builder = new Npgsql.NpgsqlConnectionStringBuilder(keywords);
        var url = $"postgres://postgres:p%40ss@127.0.0.1:{builder.Port}/{builder.Database}";

        await using var store = BotStores.Open(new StorageOptions { DatabaseUrl = url }, Time);
        await store.MigrateAsync();

        Assert.Equal(1, await store.SchemaVersionAsync());
        Assert.Equal($"postgres 127.0.0.1:{builder.Port}/{builder.Database}", store.Description);
    }
}
