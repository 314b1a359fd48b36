namespace KieBot.Tests.Storage;

public abstract partial class StoreContract
{
    [Fact]
    public async Task A_ten_use_promo_code_redeemed_by_a_hundred_users_at_once_is_used_ten_times()
    {
        await using var store = await NewStoreAsync();
        Assert.True(await store.PromoCodes.CreateAsync("spring26", Credits.Whole(15), 10, null, createdBy: 1));
        Assert.False(await store.PromoCodes.CreateAsync("SPRING26", Credits.Whole(99), 99, null, createdBy: 1));

        var results = await Task.WhenAll(Enumerable.Range(0, 100).Select(i => Task.Run(() => store.PromoCodes.RedeemAsync("Spring26", 1_000 + i))));

        Assert.Equal(10, results.Count(r => r.Outcome == PromoOutcome.Redeemed));
        Assert.All(results.Where(r => r.Outcome == PromoOutcome.Redeemed), r => Assert.Equal(Credits.Whole(15), r.Credits));
        var winners = Enumerable.Range(0, 100).Where(i => results[i].Outcome == PromoOutcome.Redeemed).Select(i => 1_000L + i).ToList();
        foreach (var user in winners)
        {
            Assert.Equal(Credits.Whole(15), (await store.Ledger.GetBalanceAsync(user)).Available);
        }

        Assert.True((await store.Ledger.CheckAsync()).IsConsistent);
    }

    [Fact]
    public async Task A_promo_code_is_redeemed_once_per_user_and_not_after_it_expires()
    {
        await using var store = await NewStoreAsync();
        await store.PromoCodes.CreateAsync("ONCE", Credits.Whole(5), 100, null, createdBy: 1);
        await store.PromoCodes.CreateAsync("GONE", Credits.Whole(5), 100, Time.GetUtcNow().AddDays(1), createdBy: 1);

        var first = await store.PromoCodes.RedeemAsync("once", 7);
        var again = await store.PromoCodes.RedeemAsync("ONCE", 7);
        Time.Advance(TimeSpan.FromDays(2));
        var expired = await store.PromoCodes.RedeemAsync("GONE", 7);
        var unknown = await store.PromoCodes.RedeemAsync("NOPE", 7);

        Assert.Equal((PromoOutcome.Redeemed, Credits.Whole(5)), first);
        Assert.Equal(PromoOutcome.AlreadyUsed, again.Outcome);
        Assert.Equal(PromoOutcome.Invalid, expired.Outcome);
        Assert.Equal(PromoOutcome.Invalid, unknown.Outcome);
        Assert.Equal(new Balance(7, Credits.Whole(5), Credits.Zero), await store.Ledger.GetBalanceAsync(7));
        Assert.Equal(PromoOutcome.Redeemed, (await store.PromoCodes.RedeemAsync("ONCE", 8)).Outcome);
    }
}
