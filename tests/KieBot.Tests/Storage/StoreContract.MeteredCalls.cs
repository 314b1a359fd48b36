namespace KieBot.Tests.Storage;

public abstract partial class StoreContract
{
    private static MeteredCall Call(string id, long user, Credits reserved, string? freeDay = null) => new()
    {
        Id = id,
        UserId = user,
        ChatId = user,
        Purpose = "coach",
        Thread = "t:" + user,
        ChatModel = "gemini-2.5-flash",
        Prompt = "a fox in snow",
        ReservationKey = freeDay is null ? "chat:" + id : null,
        Reserved = freeDay is null ? reserved : Credits.Zero,
        FreeDay = freeDay,
    };

    [Fact]
    public async Task A_metered_call_reserves_its_bound_captures_its_usage_and_releases_the_rest_in_one_row()
    {
        await using var store = await NewStoreAsync();
        await store.Ledger.GrantAsync(21, Credits.Whole(100), "g:21", GrantReason.Bonus);

        var start = await store.MeteredCalls.StartReservedAsync(Call("m1", 21, Credits.From(7.5m)));
        Assert.Equal(new Balance(21, Credits.From(92.5m), Credits.From(7.5m)), await store.Ledger.GetBalanceAsync(21));
        Assert.True(await store.MeteredCalls.AnswerAsync("m1", 1200, 340, Credits.From(1.37m), "A red fox crossing fresh snow"));
        var capture = await store.MeteredCalls.SettleAsync("m1");

        Assert.True(start.Succeeded);
        Assert.Equal((LedgerStatus.Applied, LedgerKind.Capture, Credits.From(1.37m), Credits.From(6.13m), -Credits.From(7.5m)),
            (capture!.Status, capture.Entry!.Kind, capture.Entry.Amount, capture.Entry.AvailableDelta, capture.Entry.ReservedDelta));
        Assert.Equal(new Balance(21, Credits.From(98.63m), Credits.Zero), await store.Ledger.GetBalanceAsync(21));
        var call = await store.MeteredCalls.GetAsync("m1");
        Assert.Equal((MeteredCallState.Settled, 1200, 340, Credits.From(1.37m), "A red fox crossing fresh snow"), (call!.State, call.InputTokens!.Value, call.OutputTokens!.Value, call.Charge!.Value, call.Answer));
        Assert.Equal(LedgerStatus.AlreadyResolved, (await store.Ledger.ReleaseAsync("chat:m1", "late-release")).Status);
        Assert.Equal(3, (await store.Ledger.HistoryAsync(21, 10)).Count);
        Assert.True((await store.Ledger.CheckAsync()).IsConsistent);
    }

    [Fact]
    public async Task A_metered_capture_retried_twice_charges_once()
    {
        await using var store = await NewStoreAsync();
        await store.Ledger.GrantAsync(22, Credits.Whole(50), "g:22", GrantReason.Bonus);
        await store.MeteredCalls.StartReservedAsync(Call("m2", 22, Credits.Whole(5)));
        await store.MeteredCalls.AnswerAsync("m2", 10, 20, Credits.From(0.42m), "ok");

        var first = await store.MeteredCalls.SettleAsync("m2");
        var second = await store.MeteredCalls.SettleAsync("m2");
        var third = await store.MeteredCalls.SettleAsync("m2");

        Assert.Equal((false, true, true), (first!.Replayed, second!.Replayed, third!.Replayed));
        Assert.Equal(first.Entry!.Id, third.Entry!.Id);
        Assert.False(await store.MeteredCalls.AnswerAsync("m2", 999, 999, Credits.Whole(5), "a replayed answer"));
        Assert.Equal(new Balance(22, Credits.From(49.58m), Credits.Zero), await store.Ledger.GetBalanceAsync(22));
        Assert.True((await store.Ledger.CheckAsync()).IsConsistent);
    }

    [Fact]
    public async Task A_host_that_died_between_the_answer_and_the_capture_is_settled_once_by_the_next()
    {
        var database = await NewDatabaseAsync();
        await using (var dying = Open(database))
        {
            await dying.MigrateAsync();
            await dying.Ledger.GrantAsync(23, Credits.Whole(20), "g:23", GrantReason.Bonus);
            await dying.MeteredCalls.StartReservedAsync(Call("m3", 23, Credits.Whole(4)));
            await dying.MeteredCalls.AnswerAsync("m3", 100, 900, Credits.From(2.5m), "kept before the capture");
        }

        await using var next = Open(database);
        var unsettled = await next.MeteredCalls.ListUnsettledAsync(Time.GetUtcNow().AddMinutes(-10), 10);
        Assert.Equal(["m3"], unsettled.Select(c => c.Id));
        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => next.MeteredCalls.SettleAsync("m3"))));

        Assert.Empty(await next.MeteredCalls.ListUnsettledAsync(Time.GetUtcNow().AddMinutes(-10), 10));
        Assert.Equal(new Balance(23, Credits.From(17.5m), Credits.Zero), await next.Ledger.GetBalanceAsync(23));
        Assert.Single(await next.Ledger.HistoryAsync(23, 10), e => e.Kind == LedgerKind.Capture);
        Assert.True((await next.Ledger.CheckAsync()).IsConsistent);
    }

    [Fact]
    public async Task A_call_that_died_before_KIE_answered_is_refunded_once_and_a_late_answer_charges_nothing()
    {
        await using var store = await NewStoreAsync();
        await store.Ledger.GrantAsync(24, Credits.Whole(10), "g:24", GrantReason.Bonus);
        await store.MeteredCalls.StartReservedAsync(Call("m4", 24, Credits.Whole(3)));

        Assert.Empty(await store.MeteredCalls.ListUnsettledAsync(Time.GetUtcNow().AddMinutes(-10), 10));
        Time.Advance(TimeSpan.FromMinutes(11));
        var stale = await store.MeteredCalls.ListUnsettledAsync(Time.GetUtcNow().AddMinutes(-10), 10);
        var refunds = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => Task.Run(() => store.MeteredCalls.RefundAsync("m4", "host stopped"))));

        Assert.Equal(["m4"], stale.Select(c => c.Id));
        Assert.All(refunds, Assert.True);
        Assert.False(await store.MeteredCalls.AnswerAsync("m4", 1, 1, Credits.From(0.01m), "too late"));
        Assert.Null(await store.MeteredCalls.SettleAsync("m4"));
        Assert.Equal((MeteredCallState.Refunded, "host stopped"), ((await store.MeteredCalls.GetAsync("m4"))!.State, (await store.MeteredCalls.GetAsync("m4"))!.Error));
        Assert.Equal(new Balance(24, Credits.Whole(10), Credits.Zero), await store.Ledger.GetBalanceAsync(24));
        Assert.Single(await store.Ledger.HistoryAsync(24, 10), e => e.Kind == LedgerKind.Release);
        Assert.True((await store.Ledger.CheckAsync()).IsConsistent);
    }

    [Fact]
    public async Task A_metered_charge_never_exceeds_its_reservation_and_a_refused_reservation_records_nothing()
    {
        await using var store = await NewStoreAsync();
        await store.Ledger.GrantAsync(25, Credits.Whole(2), "g:25", GrantReason.Bonus);

        var refused = await store.MeteredCalls.StartReservedAsync(Call("m5", 25, Credits.Whole(3)));
        await store.MeteredCalls.StartReservedAsync(Call("m6", 25, Credits.Whole(2)));
        await store.MeteredCalls.AnswerAsync("m6", 5000, 5000, Credits.Whole(9), "longer than estimated");
        var capture = await store.MeteredCalls.SettleAsync("m6");

        Assert.Equal(LedgerStatus.Insufficient, refused.Status);
        Assert.Null(await store.MeteredCalls.GetAsync("m5"));
        Assert.Equal(Credits.Whole(2), capture!.Entry!.Amount);
        Assert.Equal(new Balance(25, Credits.Zero, Credits.Zero), await store.Ledger.GetBalanceAsync(25));
    }

    [Fact]
    public async Task Free_metered_calls_stay_within_the_daily_allowance_and_a_refund_gives_one_back()
    {
        await using var store = await NewStoreAsync();

        var started = new List<bool>();
        foreach (var id in new[] { "f1", "f2", "f3" })
        {
            started.Add(await store.MeteredCalls.StartFreeAsync(Call(id, 26, Credits.Zero, "2026-11-24"), dailyAllowance: 2));
        }

        Assert.Equal([true, true, false], started);
        Assert.True(await store.MeteredCalls.RefundAsync("f2", "KIE refused"));
        Assert.Equal(1, await store.MeteredCalls.CountFreeAsync(26, "coach", "2026-11-24"));
        Assert.True(await store.MeteredCalls.StartFreeAsync(Call("f4", 26, Credits.Zero, "2026-11-24"), dailyAllowance: 2));
        Assert.True(await store.MeteredCalls.AnswerAsync("f1", 3, 4, Credits.Zero, "free"));
        Assert.Null(await store.MeteredCalls.SettleAsync("f1"));
        Assert.Equal(MeteredCallState.Settled, (await store.MeteredCalls.GetAsync("f1"))!.State);
        Assert.Empty(await store.Ledger.HistoryAsync(26, 10));
        Assert.Equal(["f1"], (await store.MeteredCalls.ListThreadAsync(26, "t:26", 5)).Select(c => c.Id));
    }
}
