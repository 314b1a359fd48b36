namespace KieBot.Tests.Storage;

public abstract partial class StoreContract
{
    [Fact]
    public async Task A_partial_capture_charges_its_part_and_gives_the_rest_back_in_one_row_once()
    {
        await using var store = await NewStoreAsync();
        var ledger = store.Ledger;
        await ledger.GrantAsync(7, Credits.Whole(100), "g:7", GrantReason.Bonus);
        await ledger.ReserveAsync(7, Credits.Whole(30), "r:7");

        var capture = await ledger.CaptureAsync("r:7", "c:7", Credits.From(12.5m));
        var again = await ledger.CaptureAsync("r:7", "c:7", Credits.Whole(30));
        var other = await ledger.CaptureAsync("r:7", "c:7-other", Credits.Whole(1));
        var release = await ledger.ReleaseAsync("r:7", "x:7");

        Assert.Equal(LedgerStatus.Applied, capture.Status);
        Assert.Equal((LedgerKind.Capture, Credits.From(12.5m), Credits.From(17.5m), -Credits.Whole(30)), (capture.Entry!.Kind, capture.Entry.Amount, capture.Entry.AvailableDelta, capture.Entry.ReservedDelta));
        Assert.Equal((true, capture.Entry.Id, Credits.From(12.5m)), (again.Replayed, again.Entry!.Id, again.Entry.Amount));
        Assert.Equal(LedgerStatus.AlreadyResolved, other.Status);
        Assert.Equal(LedgerStatus.AlreadyResolved, release.Status);
        Assert.Equal(new Balance(7, Credits.From(87.5m), Credits.Zero), await ledger.GetBalanceAsync(7));
        Assert.Equal(3, (await ledger.HistoryAsync(7, 10)).Count);
        Assert.True((await ledger.CheckAsync()).IsConsistent);
    }

    [Fact]
    public async Task A_capture_above_the_reservation_is_refused_and_leaves_it_open()
    {
        await using var store = await NewStoreAsync();
        var ledger = store.Ledger;
        await ledger.GrantAsync(8, Credits.Whole(100), "g:8", GrantReason.Bonus);
        await ledger.ReserveAsync(8, Credits.Whole(30), "r:8");

        var over = await ledger.CaptureAsync("r:8", "c:8", Credits.Whole(31));
        Assert.Equal(LedgerStatus.Insufficient, over.Status);
        Assert.Null(await ledger.FindAsync("c:8"));
        Assert.Equal(new Balance(8, Credits.Whole(70), Credits.Whole(30)), await ledger.GetBalanceAsync(8));

        Assert.Equal(LedgerStatus.Applied, (await ledger.CaptureAsync("r:8", "c:8", Credits.Zero)).Status);
        Assert.Equal(new Balance(8, Credits.Whole(100), Credits.Zero), await ledger.GetBalanceAsync(8));
        Assert.Throws<ArgumentOutOfRangeException>(() => { _ = ledger.CaptureAsync("r:8", "c:8-neg", -Credits.Whole(1)); });
        Assert.True((await ledger.CheckAsync()).IsConsistent);
    }

    [Fact]
    public async Task Partial_captures_racing_on_one_reservation_charge_it_once()
    {
        await using var store = await NewStoreAsync();
        var ledger = store.Ledger;
        await ledger.GrantAsync(9, Credits.Whole(100), "g:9", GrantReason.Bonus);
        await ledger.ReserveAsync(9, Credits.Whole(40), "r:9");

        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => Task.Run(() => ledger.CaptureAsync("r:9", i % 2 == 0 ? "c:9" : "c:9:" + i, Credits.Whole(10 + i)))));

        Assert.Single(results, r => r is { Status: LedgerStatus.Applied, Replayed: false });
        var charged = results.Single(r => r is { Status: LedgerStatus.Applied, Replayed: false }).Entry!.Amount;
        Assert.Equal(new Balance(9, Credits.Whole(100) - charged, Credits.Zero), await ledger.GetBalanceAsync(9));
        Assert.True((await ledger.CheckAsync()).IsConsistent);
    }
}
