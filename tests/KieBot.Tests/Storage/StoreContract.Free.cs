namespace KieBot.Tests.Storage;

public abstract partial class StoreContract
{
    private static Generation Free(string id, string day, long user = 42) =>
        NewGeneration(id, user) with { Price = Credits.Zero, ReservationKey = null, FreeDay = day };

    [Fact]
    public async Task Concurrent_free_generations_never_exceed_the_daily_quota()
    {
        await using var store = await NewStoreAsync();
        await store.Users.TouchAsync(42, "u", "en");

        var attempts = await Task.WhenAll(Enumerable.Range(0, 40).Select(i => Task.Run(() => store.Generations.CreateFreeAsync(Free($"f{i}", "2026-11-24"), 3))));

        Assert.Equal(3, attempts.Count(created => created));
        Assert.Equal(3, await store.Generations.CountFreeAsync(42, "2026-11-24"));
        var recorded = await store.Generations.ListByUserAsync(42, 100);
        Assert.Equal(3, recorded.Count);
        Assert.All(recorded, g => Assert.Equal("2026-11-24", g.FreeDay));
        Assert.All(recorded, g => Assert.Null(g.ReservationKey));
        Assert.Equal(Credits.Zero, (await store.Ledger.GetBalanceAsync(42)).Reserved);
    }

    [Fact]
    public async Task A_failed_free_generation_gives_its_use_back_and_another_day_has_its_own_quota()
    {
        await using var store = await NewStoreAsync();
        Assert.True(await store.Generations.CreateFreeAsync(Free("a", "2026-11-24"), 2));
        Assert.True(await store.Generations.CreateFreeAsync(Free("b", "2026-11-24"), 2));
        Assert.False(await store.Generations.CreateFreeAsync(Free("c", "2026-11-24"), 2));

        await store.Generations.MoveAsync("a", GenerationState.Submitted, new GenerationChange { KieTaskId = "t_a" });
        await store.Generations.MoveAsync("a", GenerationState.Succeeded);
        await store.Generations.MoveAsync("b", GenerationState.Failed);
        await store.Generations.MoveAsync("b", GenerationState.Refunded);

        Assert.Equal(1, await store.Generations.CountFreeAsync(42, "2026-11-24"));
        Assert.True(await store.Generations.CreateFreeAsync(Free("c", "2026-11-24"), 2));
        Assert.Equal(0, await store.Generations.CountFreeAsync(42, "2026-11-25"));
        Assert.Equal(0, await store.Generations.CountFreeAsync(43, "2026-11-24"));
        Assert.True(await store.Generations.CreateFreeAsync(Free("d", "2026-11-25"), 2));
        Assert.True(await store.Generations.CreateFreeAsync(Free("e", "2026-11-24", user: 43), 2));
        await Assert.ThrowsAsync<ArgumentException>(() => store.Generations.CreateFreeAsync(NewGeneration("paid"), 2));
    }
}
