namespace KieBot.Tests.Storage;

public abstract partial class StoreContract
{
    [Fact]
    public async Task Gallery_pages_walk_a_users_generations_newest_first_without_gaps_or_repeats()
    {
        await using var store = await NewStoreAsync();
        var expected = new List<string>();
        for (var i = 0; i < 23; i++)
        {
            // Pairs share a creation time: the id breaks the tie, so a page boundary inside a pair loses nothing.
            if (i % 2 == 0)
            {
                Time.Advance(TimeSpan.FromSeconds(1));
            }

            var id = $"gp{i:D2}";
            await store.Generations.CreateAsync(NewGeneration(id) with { ModelId = i % 3 == 0 ? "seedream" : "kling-2.6" });
            expected.Insert(0, id);
        }

        await store.Generations.CreateAsync(NewGeneration("other", user: 43));

        var seen = new List<string>();
        GalleryCursor? after = null;
        while (true)
        {
            var page = await store.Generations.ListPageAsync(new GalleryPageQuery(42, 5) { After = after });
            Assert.True(page.Count <= 5);
            seen.AddRange(page.Select(g => g.Id));
            if (page.Count < 5)
            {
                break;
            }

            after = new GalleryCursor(page[^1].CreatedAt, page[^1].Id);
        }

        Assert.Equal(expected, seen);

        var seedream = await store.Generations.ListPageAsync(new GalleryPageQuery(42, 100) { ModelIds = ["seedream"] });
        Assert.Equal(expected.Where(id => int.Parse(id[2..], System.Globalization.CultureInfo.InvariantCulture) % 3 == 0), seedream.Select(g => g.Id));
        Assert.Empty(await store.Generations.ListPageAsync(new GalleryPageQuery(42, 10) { ModelIds = [] }));
        Assert.Equal(["other"], (await store.Generations.ListPageAsync(new GalleryPageQuery(43, 10))).Select(g => g.Id));
    }
}

public abstract partial class StoreContract
{
    [Fact]
    public async Task A_press_made_outside_telegram_saves_the_conversation_and_keeps_telegrams_order()
    {
        await using var store = await NewStoreAsync();
        await store.Updates.StartAsync(Claim(5_001, "a"));
        await store.Updates.FinishAsync(5_001, 77, """{"Step":"Menu"}""");

        // The gallery's press for the user: a negative id, saved although it is below Telegram's.
        await store.Updates.StartAsync(Claim(-9_000_001, "a"));
        await store.Updates.FinishAsync(-9_000_001, 77, """{"Step":"Summary"}""");
        Assert.Equal("""{"Step":"Summary"}""", (await store.Conversations.GetAsync(77))!.State);

        // Telegram's order is as it was: an update older than 5001 still cannot overwrite, the next one does.
        await store.Updates.StartAsync(Claim(5_000, "a"));
        await store.Updates.FinishAsync(5_000, 77, """{"Step":"Old"}""");
        Assert.Equal("""{"Step":"Summary"}""", (await store.Conversations.GetAsync(77))!.State);
        await store.Updates.StartAsync(Claim(5_002, "a"));
        await store.Updates.FinishAsync(5_002, 77, """{"Step":"Form"}""");
        Assert.Equal("""{"Step":"Form"}""", (await store.Conversations.GetAsync(77))!.State);
    }
}
