namespace KieBot.Tests.Storage;

public abstract partial class StoreContract
{
    internal static Generation NewGeneration(string id, long user = 42, bool dryRun = false) => new()
    {
        Id = id,
        UserId = user,
        ChatId = user,
        ModelId = "kling-2.6",
        ModeId = "text-to-video",
        KieModel = "kling-2.6/text-to-video",
        Api = "Jobs",
        InputJson = """{"prompt":"A fox","sound":false,"aspect_ratio":"1:1","duration":"5"}""",
        Price = Credits.Whole(55),
        ReservationKey = "reserve:" + id,
        DryRun = dryRun,
    };

    [Fact]
    public async Task A_generation_moves_along_its_state_machine_and_replays_change_nothing()
    {
        await using var store = await NewStoreAsync();
        await store.Generations.CreateAsync(NewGeneration("g1"));

        Assert.True(await store.Generations.MoveAsync("g1", GenerationState.Submitted, new GenerationChange { KieTaskId = "task_kling_1" }));
        Assert.True(await store.Generations.MoveAsync("g1", GenerationState.Running));
        Assert.False(await store.Generations.MoveAsync("g1", GenerationState.Submitted));
        Time.Advance(TimeSpan.FromSeconds(40));
        Assert.True(await store.Generations.MoveAsync("g1", GenerationState.Succeeded, new GenerationChange { ResultUrls = ["https://tempfile.aiquickdraw.com/a.mp4"] }));
        Assert.False(await store.Generations.MoveAsync("g1", GenerationState.Succeeded));
        Assert.False(await store.Generations.MoveAsync("g1", GenerationState.Failed));
        Assert.False(await store.Generations.MoveAsync("g1", GenerationState.Refunded));

        var done = (await store.Generations.FindByTaskIdAsync("task_kling_1"))!;
        Assert.Equal(GenerationState.Succeeded, done.State);
        Assert.Equal(["https://tempfile.aiquickdraw.com/a.mp4"], done.ResultUrls);
        Assert.Equal(Time.GetUtcNow(), done.FinishedAt);
        Assert.Equal(Credits.Whole(55), done.Price);
        Assert.Equal(NewGeneration("g1").InputJson, done.InputJson);
    }

    [Fact]
    public async Task A_failure_is_recorded_and_refunded_once()
    {
        await using var store = await NewStoreAsync();
        await store.Generations.CreateAsync(NewGeneration("g2"));
        await store.Generations.SetStatusMessageAsync("g2", 777);

        Assert.True(await store.Generations.MoveAsync("g2", GenerationState.Failed, new GenerationChange { ErrorKind = "ContentPolicy", ErrorCode = "400", ErrorMessage = "flagged" }));
        var refunds = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => Task.Run(() => store.Generations.MoveAsync("g2", GenerationState.Refunded))));

        Assert.Equal(1, refunds.Count(r => r));
        var read = (await store.Generations.GetAsync("g2"))!;
        Assert.Equal((GenerationState.Refunded, "ContentPolicy", "400", "flagged", 777L), (read.State, read.ErrorKind, read.ErrorCode, read.ErrorMessage, read.StatusMessageId!.Value));
    }

    [Fact]
    public async Task In_flight_generations_are_claimed_by_one_worker_at_a_time()
    {
        await using var store = await NewStoreAsync();
        for (var i = 0; i < 60; i++)
        {
            await store.Generations.CreateAsync(NewGeneration($"c{i:D2}"));
        }

        await store.Generations.MoveAsync("c00", GenerationState.Cancelled);
        var claims = await Task.WhenAll(Enumerable.Range(0, 12).Select(_ => Task.Run(() => store.Generations.ClaimInFlightAsync(10, TimeSpan.FromMinutes(1)))));

        var claimed = claims.SelectMany(c => c.Select(g => g.Id)).ToList();
        Assert.Equal(59, claimed.Count);
        Assert.Equal(59, claimed.Distinct().Count());
        Assert.DoesNotContain("c00", claimed);
        Assert.Empty(await store.Generations.ClaimInFlightAsync(10, TimeSpan.FromMinutes(1)));

        Time.Advance(TimeSpan.FromMinutes(2));
        var again = await store.Generations.ClaimInFlightAsync(100, TimeSpan.FromMinutes(1));
        Assert.Equal(59, again.Count);
        Assert.All(again, g => Assert.Equal(2, g.Attempts));
    }

    [Fact]
    public async Task Unfinished_endings_are_claimed_again_until_settled()
    {
        await using var store = await NewStoreAsync();
        foreach (var id in new[] { "failed", "refunded", "succeeded", "delivered" })
        {
            await store.Generations.CreateAsync(NewGeneration(id));
        }

        await store.Generations.MoveAsync("failed", GenerationState.Failed);
        await store.Generations.MoveAsync("refunded", GenerationState.Failed);
        await store.Generations.MoveAsync("refunded", GenerationState.Refunded);
        foreach (var id in new[] { "succeeded", "delivered" })
        {
            Assert.True(await store.Generations.MoveAsync(id, GenerationState.Submitted));
            Assert.True(await store.Generations.MoveAsync(id, GenerationState.Succeeded));
        }

        await store.Generations.SetDeliveredAsync("delivered", ["file-1"]);

        var claimed = await store.Generations.ClaimInFlightAsync(10, TimeSpan.FromMinutes(5));

        Assert.Equal(["failed", "succeeded"], claimed.Select(g => g.Id).Order());
        Assert.Equal(["file-1"], (await store.Generations.GetAsync("delivered"))!.Delivered);
        Assert.False(await store.Generations.HurryAsync("failed", TimeSpan.FromMinutes(2)));
        await store.Generations.ScheduleAsync("failed", Time.GetUtcNow().AddSeconds(30));
        Assert.True(await store.Generations.HurryAsync("failed", TimeSpan.FromMinutes(2)));
    }

    [Fact]
    public async Task Finished_generations_are_listed_per_user_and_pruned()
    {
        await using var store = await NewStoreAsync();
        await store.Generations.CreateAsync(NewGeneration("p1", dryRun: true));
        await store.Generations.CreateAsync(NewGeneration("p2"));
        await store.Generations.CreateAsync(NewGeneration("p3", user: 7));
        await store.Generations.MoveAsync("p1", GenerationState.Cancelled);
        await store.Generations.MoveAsync("p2", GenerationState.Cancelled);
        Time.Advance(TimeSpan.FromDays(40));

        Assert.Equal(["p2", "p1"], (await store.Generations.ListByUserAsync(42, 10)).Select(g => g.Id));
        var dryRuns = await store.CleanupAsync(new CleanupPolicy { DryRuns = TimeSpan.FromDays(30), FinishedGenerations = TimeSpan.FromDays(365) }, apply: true);
        var finished = await store.CleanupAsync(new CleanupPolicy { FinishedGenerations = TimeSpan.FromDays(30) }, apply: true);
        Assert.Equal((1, 0), (dryRuns.DryRunGenerations, dryRuns.Generations));
        Assert.Equal(1, finished.Generations);
        Assert.NotNull(await store.Generations.GetAsync("p3"));
    }

    [Fact]
    public async Task Leases_belong_to_their_holder_renewals_keep_them_and_a_callback_frees_a_dead_holders_row()
    {
        await using var store = await NewStoreAsync();
        var lease = TimeSpan.FromSeconds(15);
        var live = TimeSpan.FromSeconds(9);
        foreach (var id in new[] { "g1", "g2", "g3" })
        {
            await store.Generations.CreateAsync(NewGeneration(id));
            Assert.True(await store.Generations.MoveAsync(id, GenerationState.Submitted));
        }

        Assert.Equal(3, (await store.Generations.ClaimInFlightAsync(10, lease, "a")).Count);

        // Another holder's schedule of a row it does not hold changes nothing; a's renewals keep all three.
        Time.Advance(TimeSpan.FromSeconds(2));
        await store.Generations.ScheduleAsync("g1", Time.GetUtcNow(), "b");
        await store.Generations.RenewAsync(["g1", "g2", "g3"], lease, "a");
        Time.Advance(TimeSpan.FromSeconds(2));
        Assert.Empty(await store.Generations.ClaimInFlightAsync(10, lease, "b", liveLease: live));

        // A callback for a row its live holder renews only marks it: the holder's schedule then makes it due at once.
        Assert.False(await store.Generations.HurryAsync("g1", live));
        await store.Generations.ScheduleAsync("g1", Time.GetUtcNow().AddMinutes(1), "a");
        Assert.Equal(["g1"], (await store.Generations.ClaimInFlightAsync(10, lease, "b", liveLease: live)).Select(g => g.Id));

        // a dies: no more renewals. A callback after two missed renewals frees its row at once; the other waits out the lease.
        Time.Advance(TimeSpan.FromSeconds(5));
        Assert.True(await store.Generations.HurryAsync("g2", live));
        Assert.Equal(["g2"], (await store.Generations.ClaimInFlightAsync(10, lease, "c", liveLease: live)).Select(g => g.Id));
        Time.Advance(TimeSpan.FromSeconds(9));
        Assert.Equal(["g3"], (await store.Generations.ClaimInFlightAsync(10, lease, "c", liveLease: live)).Select(g => g.Id));
    }

    [Fact]
    public async Task A_callback_marked_row_of_a_holder_that_stopped_renewing_is_taken_before_its_lease_ends()
    {
        await using var store = await NewStoreAsync();
        await store.Generations.CreateAsync(NewGeneration("g"));
        Assert.True(await store.Generations.MoveAsync("g", GenerationState.Submitted));
        Assert.Single(await store.Generations.ClaimInFlightAsync(10, TimeSpan.FromSeconds(15), "dead"));

        // The callback came while the holder still looked alive: marked only.
        Time.Advance(TimeSpan.FromSeconds(1));
        Assert.False(await store.Generations.HurryAsync("g", TimeSpan.FromSeconds(9)));
        Assert.Empty(await store.Generations.ClaimInFlightAsync(10, TimeSpan.FromSeconds(15), "live", liveLease: TimeSpan.FromSeconds(9)));

        // Two renewals later it has none: the marked row is taken, 9 s before the lease would have let it go.
        Time.Advance(TimeSpan.FromSeconds(6));
        Assert.Single(await store.Generations.ClaimInFlightAsync(10, TimeSpan.FromSeconds(15), "live", liveLease: TimeSpan.FromSeconds(9)));
    }

    [Fact]
    public async Task A_summary_has_at_most_one_generation_and_a_second_reserves_nothing()
    {
        await using var store = await NewStoreAsync();
        await store.Ledger.GrantAsync(42, Credits.Whole(100), "seed", GrantReason.Admin);
        var first = NewGeneration("s1") with { Price = Credits.Whole(10), ReservationKey = "gen:s1", SummaryKey = "42:abc" };
        var second = NewGeneration("s2") with { Price = Credits.Whole(10), ReservationKey = "gen:s2", SummaryKey = "42:abc" };

        var results = await Task.WhenAll(
            Task.Run(async () => { try { return (await store.Generations.CreateReservedAsync(first)).Succeeded; } catch (SummaryTakenException) { return false; } }),
            Task.Run(async () => { try { return (await store.Generations.CreateReservedAsync(second)).Succeeded; } catch (SummaryTakenException) { return false; } }));

        Assert.Single(results, r => r);
        Assert.Equal(new Balance(42, Credits.Whole(90), Credits.Whole(10)), await store.Ledger.GetBalanceAsync(42));
        await Assert.ThrowsAsync<SummaryTakenException>(() => store.Generations.CreateReservedAsync(NewGeneration("s3") with { Price = Credits.Whole(10), ReservationKey = "gen:s3", SummaryKey = "42:abc" }));
        Assert.Single(await store.Generations.ListByUserAsync(42, 10));
    }

    [Fact]
    public async Task A_row_is_settled_as_never_sent_only_while_no_create_has_started_or_stored_its_task()
    {
        await using var store = await NewStoreAsync();
        await store.Generations.CreateAsync(NewGeneration("waiting"));
        await store.Generations.CreateAsync(NewGeneration("sent"));
        await store.Generations.CreateAsync(NewGeneration("lost"));
        var change = new GenerationChange { ErrorKind = "Unknown", ErrorMessage = "never sent" };
        Time.Advance(TimeSpan.FromMinutes(6));

        // A create starts late (it waited for a slot): the row is touched, so the grace counts from now.
        Assert.True(await store.Generations.StartCreateAsync("waiting"));
        Assert.False(await store.Generations.FailUnsentAsync("waiting", Time.GetUtcNow().AddMinutes(-5), change));

        // A create that stored its task wins over the settlement.
        Assert.True(await store.Generations.MoveAsync("sent", GenerationState.Submitted, new GenerationChange { KieTaskId = "task-sent" }));
        Assert.False(await store.Generations.FailUnsentAsync("sent", Time.GetUtcNow().AddMinutes(-5), change));

        // One that never started is settled, once; a create that comes after finds it settled.
        Assert.True(await store.Generations.FailUnsentAsync("lost", Time.GetUtcNow().AddMinutes(-5), change));
        Assert.False(await store.Generations.FailUnsentAsync("lost", Time.GetUtcNow().AddMinutes(-5), change));
        Assert.False(await store.Generations.StartCreateAsync("lost"));
        Assert.Equal((GenerationState.Failed, "never sent"), ((await store.Generations.GetAsync("lost"))!.State, (await store.Generations.GetAsync("lost"))!.ErrorMessage));
    }
}
