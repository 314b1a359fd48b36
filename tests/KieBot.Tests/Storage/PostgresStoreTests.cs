namespace KieBot.Tests.Storage;

[Collection("postgres")]
public sealed class PostgresStoreTests(PostgresFixture postgres) : StoreContract
{
    protected override async Task<string> NewDatabaseAsync() => await postgres.Server.CreateDatabaseAsync();

    protected override IBotStore Open(string database) => BotStores.Open(new StorageOptions { DatabaseUrl = database }, Time);

    [Fact]
    public async Task A_faulty_call_among_concurrent_ones_fails_alone()
    {
        await using var store = await NewStoreAsync();
        var ledger = store.Ledger;
        await ledger.GrantAsync(1, Credits.Whole(100), "grant", GrantReason.Admin);
        for (var i = 0; i < 20; i++)
        {
            await ledger.ReserveAsync(1, Credits.Whole(1), $"r{i}");
        }

        var calls = Enumerable.Range(1, 19).Select(i => Task.Run(() => ledger.CaptureAsync($"r{i}", $"c{i}"))).ToList();
        var faulty = Task.Run(() => ledger.CaptureAsync("r0", "grant"));

        await Assert.ThrowsAsync<Npgsql.PostgresException>(() => faulty);
        Assert.All(await Task.WhenAll(calls), r => Assert.Equal(LedgerStatus.Applied, r.Status));
        Assert.Null((await ledger.FindAsync("r0"))!.Resolution);
        Assert.Equal(new Balance(1, Credits.Whole(80), Credits.Whole(1)), await ledger.GetBalanceAsync(1));
        Assert.True((await ledger.CheckAsync()).IsConsistent);
    }

    [Fact]
    public async Task A_render_style_url_reaches_the_same_server()
    {
        var keywords = await NewDatabaseAsync();
        var builder = new Npgsql.NpgsqlConnectionStringBuilder(keywords);
        var url = $"postgres://postgres:p%40ss@127.0.0.1:{builder.Port}/{builder.Database}";

        await using var store = BotStores.Open(new StorageOptions { DatabaseUrl = url }, Time);
        await store.MigrateAsync();

        Assert.Equal(store.TargetSchemaVersion, await store.SchemaVersionAsync());
        Assert.Equal($"postgres 127.0.0.1:{builder.Port}/{builder.Database}", store.Description);
    }
}
