namespace KieBot.Tests.Storage;

public abstract partial class StoreContract
{
    [Fact]
    public async Task Reserve_then_capture_or_release_moves_credits_exactly()
    {
        await using var store = await NewStoreAsync();
        var ledger = store.Ledger;
        Assert.True((await ledger.GrantAsync(1, Credits.From(100.5m), "grant:1", GrantReason.Bonus, "welcome")).Succeeded);

        var reserve = await ledger.ReserveAsync(1, Credits.From(55.25m), "reserve:a");
        Assert.Equal(LedgerStatus.Applied, reserve.Status);
        Assert.Equal(new Balance(1, Credits.From(45.25m), Credits.From(55.25m)), await ledger.GetBalanceAsync(1));

        Assert.True((await ledger.CaptureAsync("reserve:a", "capture:a")).Succeeded);
        Assert.Equal(new Balance(1, Credits.From(45.25m), Credits.Zero), await ledger.GetBalanceAsync(1));

        await ledger.ReserveAsync(1, Credits.Whole(40), "reserve:b");
        Assert.True((await ledger.ReleaseAsync("reserve:b", "release:b")).Succeeded);
        Assert.Equal(new Balance(1, Credits.From(45.25m), Credits.Zero), await ledger.GetBalanceAsync(1));

        Assert.Equal(
            [LedgerKind.Release, LedgerKind.Reserve, LedgerKind.Capture, LedgerKind.Reserve, LedgerKind.Grant],
            (await ledger.HistoryAsync(1, 10)).Select(e => e.Kind));
        Assert.Equal(LedgerKind.Capture, (await ledger.FindAsync("reserve:a"))!.Resolution);
        Assert.True((await ledger.CheckAsync()).IsConsistent);
    }

    [Fact]
    public async Task A_replayed_key_returns_the_first_result_and_changes_nothing()
    {
        await using var store = await NewStoreAsync();
        var ledger = store.Ledger;
        var grant = await ledger.GrantAsync(1, Credits.Whole(10), "grant:x", GrantReason.Admin);
        var grantAgain = await ledger.GrantAsync(1, Credits.Whole(999), "grant:x", GrantReason.Admin);
        Assert.False(grant.Replayed);
        Assert.True(grantAgain.Replayed);
        Assert.Equal(grant.Entry!.Id, grantAgain.Entry!.Id);
        Assert.Equal(Credits.Whole(10), grantAgain.Entry.Amount);

        var reserve = await ledger.ReserveAsync(1, Credits.Whole(4), "r");
        var reserveAgain = await ledger.ReserveAsync(1, Credits.Whole(4), "r");
        var capture = await ledger.CaptureAsync("r", "c");
        var captureAgain = await ledger.CaptureAsync("r", "c");

        Assert.Equal(reserve.Entry!.Id, reserveAgain.Entry!.Id);
        Assert.Equal((LedgerStatus.Applied, true), (captureAgain.Status, captureAgain.Replayed));
        Assert.Equal(capture.Entry!.Id, captureAgain.Entry!.Id);
        Assert.Equal(new Balance(1, Credits.Whole(6), Credits.Zero), await ledger.GetBalanceAsync(1));
        Assert.Equal(3, (await ledger.HistoryAsync(1, 10)).Count);
    }

    [Fact]
    public async Task A_refused_reservation_stays_refused_for_its_key()
    {
        await using var store = await NewStoreAsync();
        var ledger = store.Ledger;
        await ledger.GrantAsync(1, Credits.Whole(5), "g", GrantReason.Promo);

        var refused = await ledger.ReserveAsync(1, Credits.Whole(6), "r");
        await ledger.TopUpAsync(1, Credits.Whole(100), "topup:1", "pay-1");
        var replay = await ledger.ReserveAsync(1, Credits.Whole(6), "r");

        Assert.Equal(LedgerStatus.Insufficient, refused.Status);
        Assert.Equal((LedgerStatus.Insufficient, true), (replay.Status, replay.Replayed));
        Assert.Equal(new Balance(1, Credits.Whole(105), Credits.Zero), await ledger.GetBalanceAsync(1));
        Assert.Equal(LedgerStatus.NotFound, (await ledger.CaptureAsync("r", "c")).Status);
        Assert.Equal(LedgerStatus.Insufficient, (await ledger.ReserveAsync(2, Credits.Whole(1), "nobody")).Status);
    }

    [Fact]
    public async Task Capture_and_release_of_one_reservation_exclude_each_other()
    {
        await using var store = await NewStoreAsync();
        var ledger = store.Ledger;
        await ledger.GrantAsync(1, Credits.Whole(10), "g", GrantReason.Admin);
        await ledger.ReserveAsync(1, Credits.Whole(3), "r");

        Assert.True((await ledger.ReleaseAsync("r", "release")).Succeeded);
        var capture = await ledger.CaptureAsync("r", "capture");

        Assert.Equal(LedgerStatus.AlreadyResolved, capture.Status);
        Assert.Equal(LedgerKind.Release, capture.Entry!.Resolution);
        Assert.Equal(LedgerStatus.NotFound, (await ledger.ReleaseAsync("missing", "release-missing")).Status);
        Assert.Equal(new Balance(1, Credits.Whole(10), Credits.Zero), await ledger.GetBalanceAsync(1));
    }

    [Fact]
    public async Task Adjustments_never_take_a_balance_below_zero()
    {
        await using var store = await NewStoreAsync();
        var ledger = store.Ledger;
        await ledger.AdjustAsync(1, Credits.Whole(5), "a1", "goodwill");

        Assert.Equal(LedgerStatus.Insufficient, (await ledger.AdjustAsync(1, -Credits.Whole(6), "a2", "deduct")).Status);
        Assert.True((await ledger.AdjustAsync(1, -Credits.Whole(5), "a3", "deduct")).Succeeded);
        Assert.Equal(Credits.Zero, (await ledger.GetBalanceAsync(1)).Available);
        Assert.True((await ledger.CheckAsync()).IsConsistent);
    }

    [Fact]
    public async Task Dry_run_rows_are_flagged_move_nothing_and_are_pruned()
    {
        await using var store = await NewStoreAsync();
        var ledger = store.Ledger;
        await ledger.GrantAsync(1, Credits.Whole(10), "g", GrantReason.Admin);

        var reserve = await ledger.ReserveAsync(1, Credits.Whole(8), "dry-r", dryRun: true);
        var tooMuch = await ledger.ReserveAsync(1, Credits.Whole(11), "dry-big", dryRun: true);
        await ledger.CaptureAsync("dry-r", "dry-c");

        Assert.True(reserve.Entry!.DryRun);
        Assert.Equal(LedgerStatus.Insufficient, tooMuch.Status);
        Assert.Equal(new Balance(1, Credits.Whole(10), Credits.Zero), await ledger.GetBalanceAsync(1));
        Assert.True((await ledger.CheckAsync()).IsConsistent);
        Time.Advance(TimeSpan.FromDays(2));
        Assert.Equal(3, (await store.CleanupAsync(new CleanupPolicy { DryRuns = TimeSpan.FromDays(1) }, apply: true)).DryRunLedgerRows);
        Assert.Single(await ledger.HistoryAsync(1, 10));
    }

    [Fact]
    public async Task A_thousand_concurrent_reservations_never_overdraw()
    {
        await using var store = await NewStoreAsync();
        var ledger = store.Ledger;
        await ledger.GrantAsync(1, Credits.Whole(100), "g", GrantReason.Admin);
        using var stop = new CancellationTokenSource();
        var lowest = long.MaxValue;
        var watcher = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                var b = await ledger.GetBalanceAsync(1);
                lowest = Math.Min(lowest, b.Available.Hundredths);
            }
        });

        var results = await Task.WhenAll(Enumerable.Range(0, 1000).Select(i => Task.Run(() => ledger.ReserveAsync(1, Credits.Whole(1), $"r{i}"))));
        await stop.CancelAsync();
        await watcher;

        Assert.Equal(100, results.Count(r => r.Status == LedgerStatus.Applied));
        Assert.Equal(900, results.Count(r => r.Status == LedgerStatus.Insufficient));
        Assert.Equal(new Balance(1, Credits.Zero, Credits.Whole(100)), await ledger.GetBalanceAsync(1));
        Assert.True(lowest >= 0);
        Assert.True((await ledger.CheckAsync()).IsConsistent);
    }

    [Fact]
    public async Task Of_two_hundred_concurrent_captures_and_releases_exactly_one_wins()
    {
        await using var store = await NewStoreAsync();
        var ledger = store.Ledger;
        await ledger.GrantAsync(1, Credits.Whole(50), "g", GrantReason.Admin);
        await ledger.ReserveAsync(1, Credits.Whole(20), "r");

        var results = await Task.WhenAll(Enumerable.Range(0, 200).Select(i => Task.Run(() =>
            i % 2 == 0 ? ledger.CaptureAsync("r", $"capture:{i}") : ledger.ReleaseAsync("r", $"release:{i}"))));

        var winner = Assert.Single(results, r => r.Status == LedgerStatus.Applied);
        Assert.Equal(199, results.Count(r => r.Status == LedgerStatus.AlreadyResolved));
        var expected = winner.Entry!.Kind == LedgerKind.Capture ? Credits.Whole(30) : Credits.Whole(50);
        Assert.Equal(new Balance(1, expected, Credits.Zero), await ledger.GetBalanceAsync(1));
        Assert.True((await ledger.CheckAsync()).IsConsistent);
    }

    [Fact]
    public async Task The_same_key_raced_from_many_callers_is_applied_once()
    {
        await using var store = await NewStoreAsync();
        var ledger = store.Ledger;
        await ledger.GrantAsync(1, Credits.Whole(50), "g", GrantReason.Admin);

        var results = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => Task.Run(() => ledger.ReserveAsync(1, Credits.Whole(7), "same"))));

        Assert.Single(results.Select(r => r.Entry!.Id).Distinct());
        Assert.Equal(49, results.Count(r => r.Replayed));
        Assert.Equal(new Balance(1, Credits.Whole(43), Credits.Whole(7)), await ledger.GetBalanceAsync(1));
    }

    [Fact]
    public async Task Balances_equal_the_ledger_after_ten_thousand_random_operations()
    {
        await using var store = await NewStoreAsync();
        var ledger = store.Ledger;
        var workers = Enumerable.Range(0, 8).Select(w => Task.Run(async () =>
        {
            var random = new Random(20261124 + w);
            var open = new List<string>();
            var grants = new List<(string Key, int User)>();
            for (var i = 0; i < 1250; i++)
            {
                var user = random.Next(1, 6);
                var key = $"w{w}:{i}";
                var amount = new Credits(random.Next(1, 5000));
                switch (random.Next(8))
                {
                    case 0:
                        await ledger.GrantAsync(user, amount, key, GrantReason.Bonus);
                        grants.Add((key, user));
                        break;
                    case 1:
                        await ledger.TopUpAsync(user, amount, key);
                        break;
                    case 2 or 3:
                        if ((await ledger.ReserveAsync(user, amount, key, dryRun: random.Next(10) == 0)).Succeeded)
                        {
                            open.Add(key);
                        }

                        break;
                    case 4 when open.Count > 0:
                        await ledger.CaptureAsync(open[random.Next(open.Count)], key);
                        break;
                    case 5 when open.Count > 0:
                        await ledger.ReleaseAsync(open[random.Next(open.Count)], key);
                        break;
                    case 6:
                        await ledger.AdjustAsync(user, random.Next(2) == 0 ? amount : -amount, key, "random");
                        break;
                    case 7 when grants.Count > 0:
                        var (replayKey, replayUser) = grants[random.Next(grants.Count)];
                        Assert.True((await ledger.GrantAsync(replayUser, amount, replayKey, GrantReason.Admin)).Replayed);
                        break;
                    default:
                        await ledger.GrantAsync(user, amount, key, GrantReason.Admin);
                        grants.Add((key, user));
                        break;
                }
            }
        }));
        await Task.WhenAll(workers);

        var check = await ledger.CheckAsync();
        Assert.True(check.IsConsistent, "mismatched users: " + string.Join(", ", check.MismatchedUsers));
        Assert.True(check.Entries > 5000);
    }
}
