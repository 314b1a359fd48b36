namespace KieBot.Tests.Storage;

public abstract partial class StoreContract
{
    [Fact]
    public async Task A_bank_transfer_is_decided_once_and_only_approval_credits()
    {
        await using var store = await NewStoreAsync();
        var paid = new BankTransfer("bt_1", 42, 42, 1500.5m, Credits.From(3751.25m), "receipt\0file", "Photo", TransferStatus.Pending, null, default, null);
        await store.Transfers.CreateAsync(paid);
        await store.Transfers.CreateAsync(paid with { Id = "bt_2", Rubles = 10m, Credits = Credits.Whole(25) });
        Assert.Equal(["bt_1", "bt_2"], (await store.Transfers.PendingAsync(10)).Select(t => t.Id));

        var decisions = await Task.WhenAll(Enumerable.Range(0, 30).Select(i => Task.Run(() => store.Transfers.DecideAsync("bt_1", approve: i % 3 != 0, adminId: 7))));
        var winner = Assert.Single(decisions, d => d is not null)!;
        var expected = winner.Status == TransferStatus.Approved ? Credits.From(3751.25m) : Credits.Zero;
        Assert.Equal(expected, (await store.Ledger.GetBalanceAsync(42)).Available);

        Assert.Equal(TransferStatus.Rejected, (await store.Transfers.DecideAsync("bt_2", approve: false, adminId: 7))!.Status);
        Assert.Null(await store.Transfers.DecideAsync("bt_2", approve: true, adminId: 7));
        Assert.Null(await store.Transfers.DecideAsync("bt_unknown", approve: true, adminId: 7));
        Assert.Equal(expected, (await store.Ledger.GetBalanceAsync(42)).Available);

        var read = (await store.Transfers.GetAsync("bt_1"))!;
        Assert.Equal(("receipt\0file", 1500.5m, 7L), (read.FileId, read.Rubles, read.DecidedBy!.Value));
        Assert.Empty(await store.Transfers.PendingAsync(10));
        Assert.True((await store.Ledger.CheckAsync()).IsConsistent);
    }
}
