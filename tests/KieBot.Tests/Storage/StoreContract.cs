using Microsoft.Extensions.Time.Testing;

namespace KieBot.Tests.Storage;

/// <summary>The behaviour both stores must have: every entity, migrations, the ledger's guarantees under concurrency.</summary>
public abstract partial class StoreContract
{
    protected FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 24, 12, 0, 0, TimeSpan.Zero));

    /// <summary>A new empty database (a connection string or a file path).</summary>
    protected abstract Task<string> NewDatabaseAsync();

    protected abstract IBotStore Open(string database);

    protected async Task<IBotStore> NewStoreAsync()
    {
        var store = Open(await NewDatabaseAsync());
        await store.MigrateAsync();
        return store;
    }

    [Fact]
    public async Task Migrations_apply_from_empty_and_a_rerun_changes_nothing()
    {
        await using var store = Open(await NewDatabaseAsync());
        Assert.Equal(0, await store.SchemaVersionAsync());

        // Every script, in order, once (a new migration needs no edit here).
        Assert.True(store.TargetSchemaVersion >= 7);
        Assert.Equal(Enumerable.Range(1, store.TargetSchemaVersion), await store.MigrateAsync());
        Assert.Empty(await store.MigrateAsync());
        Assert.Equal(store.TargetSchemaVersion, await store.SchemaVersionAsync());
        Assert.True(await store.SizeAsync() > 0);
    }

    [Fact]
    public async Task Two_instances_migrating_at_once_apply_each_script_once()
    {
        var database = await NewDatabaseAsync();
        var stores = Enumerable.Range(0, 4).Select(_ => Open(database)).ToList();

        var applied = await Task.WhenAll(stores.Select(s => Task.Run(() => s.MigrateAsync())));

        Assert.Equal(Enumerable.Range(1, stores[0].TargetSchemaVersion), applied.SelectMany(a => a).Order().ToList());
        Assert.Equal(stores[0].TargetSchemaVersion, await stores[0].SchemaVersionAsync());
        foreach (var store in stores)
        {
            await store.DisposeAsync();
        }
    }

    [Fact]
    public async Task Users_are_created_once_and_refreshed_on_each_visit()
    {
        await using var store = await NewStoreAsync();

        var first = await store.Users.TouchAsync(42, "fox", "ru", referrerId: 7);
        Time.Advance(TimeSpan.FromHours(1));
        var again = await store.Users.TouchAsync(42, "fox_renamed", "en", referrerId: 9);

        Assert.Equal(first.CreatedAt, again.CreatedAt);
        Assert.Equal(Time.GetUtcNow(), again.LastSeenAt);
        Assert.Equal("fox_renamed", again.Username);
        Assert.Equal("ru", again.Language);
        Assert.Equal(7, again.ReferrerId);
        await store.Users.SetLanguageAsync(42, "en");
        await store.Users.SetBlockedAsync(42, true);
        var read = await store.Users.GetAsync(42);
        Assert.Equal("en", read!.Language);
        Assert.True(read.Blocked);
        Assert.Null(await store.Users.GetAsync(43));
        Assert.Equal(1, await store.Users.CountAsync());
    }

    [Fact]
    public async Task Conversations_are_saved_replaced_deleted_and_pruned()
    {
        await using var store = await NewStoreAsync();

        await store.Conversations.SaveAsync(1, """{"step":"menu"}""");
        await store.Conversations.SaveAsync(1, """{"step":"form","param":"prompt"}""");
        Time.Advance(TimeSpan.FromDays(2));
        await store.Conversations.SaveAsync(2, """{"step":"menu"}""");

        Assert.Equal("""{"step":"form","param":"prompt"}""", (await store.Conversations.GetAsync(1))!.State);
        Assert.Equal(1, (await store.CleanupAsync(new CleanupPolicy { IdleConversations = TimeSpan.FromDays(1) }, apply: true)).Conversations);
        Assert.Null(await store.Conversations.GetAsync(1));
        await store.Conversations.DeleteAsync(2);
        Assert.Null(await store.Conversations.GetAsync(2));
    }

    [Fact]
    public async Task Settings_are_set_replaced_listed_and_deleted()
    {
        await using var store = await NewStoreAsync();

        await store.Settings.SetAsync("markup", "1.5");
        await store.Settings.SetAsync("markup", "2");
        await store.Settings.SetAsync("notice", "maintenance at 23:00");

        Assert.Equal("2", await store.Settings.GetAsync("markup"));
        Assert.Equal(["markup", "notice"], (await store.Settings.AllAsync()).Keys);
        Assert.True(await store.Settings.DeleteAsync("markup"));
        Assert.False(await store.Settings.DeleteAsync("markup"));
        Assert.Null(await store.Settings.GetAsync("markup"));
    }

    [Fact]
    public async Task Errors_are_kept_listed_and_summarised_by_source_and_kind()
    {
        await using var store = await NewStoreAsync();

        await store.Errors.AddAsync("kie", "RateLimited", "429", "first");
        Time.Advance(TimeSpan.FromMinutes(1));
        await store.Errors.AddAsync("kie", "RateLimited", "429", "second", """{"mode":"kling-2.6/text-to-video"}""");
        await store.Errors.AddAsync("telegram", "Forbidden", "403", "bot was blocked");

        var summary = await store.Errors.SummaryAsync(Time.GetUtcNow().AddHours(-1));
        var kie = summary[0];
        Assert.Equal(("kie", "RateLimited", 2L, "second"), (kie.Source, kie.Kind, kie.Count, kie.LastMessage));
        Assert.Equal(2, summary.Count);
        var recent = await store.Errors.RecentAsync(Time.GetUtcNow().AddHours(-1), 10);
        Assert.Equal(["bot was blocked", "second", "first"], recent.Select(e => e.Message));
        Assert.Equal("""{"mode":"kling-2.6/text-to-video"}""", recent[1].Context);
        Assert.Equal(1, (await store.CleanupAsync(new CleanupPolicy { ErrorEvents = TimeSpan.FromSeconds(30) }, apply: true)).ErrorEvents);
    }

    [Fact]
    public async Task A_payment_charge_is_recorded_once()
    {
        await using var store = await NewStoreAsync();
        var payment = new Payment("pay-1", "telegram-stars", "charge-abc", 42, 250, "XTR", Credits.Whole(500), PaymentStatus.Paid, """{"invoice":"p500"}""", default, default);

        var (first, created) = await store.Payments.RecordAsync(payment);
        var (again, createdAgain) = await store.Payments.RecordAsync(payment with { Id = "pay-2", Amount = 999 });

        Assert.True(created);
        Assert.False(createdAgain);
        Assert.Equal("pay-1", again.Id);
        Assert.Equal(250, again.Amount);
        Assert.Equal(Credits.Whole(500), first.Credits);
        Assert.True(await store.Payments.MoveAsync("pay-1", PaymentStatus.Paid, PaymentStatus.Credited));
        Assert.False(await store.Payments.MoveAsync("pay-1", PaymentStatus.Paid, PaymentStatus.Credited));
        Assert.Equal(PaymentStatus.Credited, (await store.Payments.FindByChargeAsync("telegram-stars", "charge-abc"))!.Status);
        Assert.Single(await store.Payments.ListByUserAsync(42, 10));
        Assert.Null(await store.Payments.GetAsync("pay-2"));
    }

    [Fact]
    public async Task Update_ids_are_handled_once_under_concurrency()
    {
        await using var store = await NewStoreAsync();

        var results = await Task.WhenAll(Enumerable.Range(0, 500).Select(i => Task.Run(() => store.Updates.TryMarkAsync(1_000 + (i % 50)))));

        Assert.Equal(50, results.Count(r => r));
        Assert.False(await store.Updates.TryMarkAsync(1_000));
        Time.Advance(TimeSpan.FromDays(3));
        Assert.Equal(50, (await store.CleanupAsync(new CleanupPolicy { ProcessedUpdates = TimeSpan.FromDays(1) }, apply: true)).ProcessedUpdates);
        Assert.True(await store.Updates.TryMarkAsync(1_000));
    }

    [Fact]
    public async Task Starting_an_update_marks_it_touches_the_user_and_reads_the_conversation_once()
    {
        await using var store = await NewStoreAsync();

        var starts = await Task.WhenAll(Enumerable.Range(0, 40).Select(i => Task.Run(() => store.Updates.StartAsync(Claim(2_000, "host" + i, "ann", "ru", referrerId: 5)))));

        var first = Assert.Single(starts, s => s.Claim == UpdateClaim.Claimed);
        Assert.All(starts.Where(s => s != first), s => Assert.Equal(UpdateClaim.Busy, s.Claim));
        Assert.Equal((77L, "ann", "ru", (long?)5), (first.User.Id, first.User.Username, first.User.Language, first.User.ReferrerId));
        Assert.Null(first.Conversation);
        Assert.False(await store.Updates.TryMarkAsync(2_000));

        await store.Conversations.SaveAsync(77, """{"Step":"Menu"}""");
        Time.Advance(TimeSpan.FromMinutes(1));
        var next = await store.Updates.StartAsync(Claim(2_001, "host", "ann_new", "en"));
        Assert.Equal(UpdateClaim.Claimed, next.Claim);
        Assert.Equal("""{"Step":"Menu"}""", next.Conversation!.State);
        Assert.Equal(("ann_new", "ru", Time.GetUtcNow()), (next.User.Username, next.User.Language, next.User.LastSeenAt));
        Assert.Equal(first.User.CreatedAt, next.User.CreatedAt);
        await store.Updates.FinishAsync(2_001, 77, null);
        Assert.Equal(UpdateClaim.Done, (await store.Updates.StartAsync(Claim(2_001, "host", "ann_new", "en"))).Claim);
    }

    private static UpdateClaimRequest Claim(long updateId, string holder, string? username = "ann", string? language = "ru", long? referrerId = null) =>
        new(updateId, holder, TimeSpan.FromSeconds(60), 77, username, language, referrerId);

    [Fact]
    public async Task An_unfinished_update_is_claimed_again_by_its_holder_or_after_its_claim_expires_never_twice_at_once()
    {
        await using var store = await NewStoreAsync();

        var first = await store.Updates.StartAsync(Claim(3_000, "a"));
        Assert.Equal((UpdateClaim.Claimed, false), (first.Claim, first.Retried));
        var retried = await store.Updates.StartAsync(Claim(3_000, "a"));
        Assert.Equal((UpdateClaim.Claimed, true), (retried.Claim, retried.Retried));
        Assert.Equal(UpdateClaim.Busy, (await store.Updates.StartAsync(Claim(3_000, "b"))).Claim);

        // The holder died: after the claim's expiry another host takes it.
        Time.Advance(TimeSpan.FromSeconds(61));
        Assert.Equal(UpdateClaim.Claimed, (await store.Updates.StartAsync(Claim(3_000, "b"))).Claim);
        Assert.Equal(UpdateClaim.Busy, (await store.Updates.StartAsync(Claim(3_000, "a"))).Claim);

        // A released claim is anyone's at once; a finished one is nobody's.
        await store.Updates.ReleaseAsync(3_000, "b");
        Assert.Equal(UpdateClaim.Claimed, (await store.Updates.StartAsync(Claim(3_000, "c"))).Claim);
        await store.Updates.ReleaseAsync(3_000, "someone else");
        Assert.Equal(UpdateClaim.Busy, (await store.Updates.StartAsync(Claim(3_000, "d"))).Claim);
        await store.Updates.FinishAsync(3_000, 77, """{"Step":"Menu"}""");
        Assert.Equal(UpdateClaim.Done, (await store.Updates.StartAsync(Claim(3_000, "c"))).Claim);
        Time.Advance(TimeSpan.FromMinutes(5));
        Assert.Equal(UpdateClaim.Done, (await store.Updates.StartAsync(Claim(3_000, "d"))).Claim);
        Assert.False(await store.Updates.TryMarkAsync(3_000));
    }

    [Fact]
    public async Task An_older_update_finishing_later_never_overwrites_the_conversation_a_newer_one_saved()
    {
        await using var store = await NewStoreAsync();
        await store.Updates.StartAsync(Claim(4_001, "a"));
        await store.Updates.StartAsync(Claim(4_002, "b"));

        await store.Updates.FinishAsync(4_002, 77, """{"Step":"Summary"}""");
        await store.Updates.FinishAsync(4_001, 77, """{"Step":"Menu"}""");

        Assert.Equal("""{"Step":"Summary"}""", (await store.Conversations.GetAsync(77))!.State);
        await store.Updates.StartAsync(Claim(4_003, "a"));
        await store.Updates.FinishAsync(4_003, 77, """{"Step":"Form"}""");
        Assert.Equal("""{"Step":"Form"}""", (await store.Conversations.GetAsync(77))!.State);
    }
}
