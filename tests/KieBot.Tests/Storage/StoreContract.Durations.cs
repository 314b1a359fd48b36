namespace KieBot.Tests.Storage;

public abstract partial class StoreContract
{
    [Fact]
    public async Task Task_durations_give_their_median_and_90th_percentile_per_key_and_survive_a_restart()
    {
        var database = await NewDatabaseAsync();
        await using (var store = Open(database))
        {
            await store.MigrateAsync();
            Assert.Null(await store.Durations.ReadAsync("kling-2.6/text-to-video|5"));
            for (var i = 1; i <= 10; i++)
            {
                Time.Advance(TimeSpan.FromSeconds(1));
                await store.Durations.RecordAsync("kling-2.6/text-to-video|5", TimeSpan.FromSeconds(i * 10));
            }

            await store.Durations.RecordAsync("kling-2.6/text-to-video|10", TimeSpan.FromSeconds(300));
            await store.Durations.RecordAsync("kling-2.6/text-to-video|10", TimeSpan.Zero);
        }

        // Another process (a restart, another host) reads what this one recorded.
        await using var again = Open(database);
        Assert.Equal(new TaskExpectation(10, TimeSpan.FromSeconds(50), TimeSpan.FromSeconds(90)), await again.Durations.ReadAsync("kling-2.6/text-to-video|5"));
        Assert.Equal(new TaskExpectation(1, TimeSpan.FromSeconds(300), TimeSpan.FromSeconds(300)), await again.Durations.ReadAsync("kling-2.6/text-to-video|10"));
    }

    [Fact]
    public async Task Only_the_newest_durations_of_a_key_are_kept()
    {
        await using var store = await NewStoreAsync();
        for (var i = 0; i < ITaskDurations.Kept + 50; i++)
        {
            Time.Advance(TimeSpan.FromSeconds(1));
            // The first 50 are slow, the newer ones fast: the slow ones age out.
            await store.Durations.RecordAsync("m/x", TimeSpan.FromSeconds(i < 50 ? 600 : 20));
        }

        Assert.Equal(new TaskExpectation(ITaskDurations.Kept, TimeSpan.FromSeconds(20), TimeSpan.FromSeconds(20)), await store.Durations.ReadAsync("m/x"));
    }
}
