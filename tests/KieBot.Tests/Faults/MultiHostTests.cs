using System.Net;
using KieBot.Features.Admin;
using KieBot.Features.Browse;
using KieBot.Features.Form;
using KieBot.Features.History;
using KieBot.Features.Menu;
using KieBot.Storage;
using KieBot.Tests.Bot;
using KieBot.Tests.Storage;
using KieBot.TestSupport.Hosting;
using KieBot.TestSupport.Telegram;
using KieCatalog;
using KieBot.Conversation;

namespace KieBot.Tests.Faults;

/// <summary>Two hosts on one database (a rolling deploy), old buttons, and a host that dies holding work.</summary>
[Collection("postgres")]
public sealed class MultiHostTests(PostgresFixture postgres)
{
    [Fact]
    public async Task Twenty_presses_of_one_summary_across_two_hosts_make_one_generation_and_one_charge()
    {
        var mode = Models.ZImage.TextToImage;
        await using var a = await BotHarness.StartAsync(postgres.Server);
        await using var b = await BotHarness.StartAsync(postgres.Server, shared: a);
        var users = Enumerable.Range(0, 6).Select(i => new Updates(8_200 + i)).ToList();
        foreach (var user in users)
        {
            await FormDriver.OpenAsync(a, user, mode);
            await FormDriver.AnswerAllAsync(a, user, mode);
        }

        var presses = users.SelectMany(user =>
        {
            var summary = a.ScreenOf(user);
            var confirm = summary.Buttons.Single(x => BotHarness.IsConfirm(x.Data)).Data;
            return Enumerable.Range(0, 20).Select(i => (i % 2 == 0 ? a : b).PostAsync(user.Press(confirm, summary.MessageId)));
        });
        Assert.All(await Task.WhenAll(presses), status => Assert.Equal(HttpStatusCode.OK, status));

        foreach (var user in users)
        {
            var generation = Assert.Single(await a.Store.Generations.ListByUserAsync(user.UserId, 10));
            await TrackingTests.WaitForDeliveryAsync(a, generation.Id);
            Assert.Equal(new Balance(user.UserId, Credits.Whole(500) - generation.Price, Credits.Zero), await a.Store.Ledger.GetBalanceAsync(user.UserId));
        }

        Assert.Equal(users.Count, a.Kie.Tasks.Count);
        Assert.True((await a.Store.Ledger.CheckAsync()).IsConsistent);
    }

    [Fact]
    public async Task An_older_summarys_button_after_a_newer_summary_buys_nothing_and_says_so()
    {
        await using var h = await BotHarness.StartAsync(postgres.Server);
        var user = new Updates(8_300);
        await FormDriver.OpenAsync(h, user, Models.ZImage.TextToImage);
        await FormDriver.AnswerAllAsync(h, user, Models.ZImage.TextToImage);
        var old = h.ScreenOf(user);
        var oldConfirm = old.Buttons.Single(x => BotHarness.IsConfirm(x.Data)).Data;

        // A new menu message (/start), then another mode's summary: the old summary message keeps its button.
        var newer = Models.Kling2_6.TextToVideo;
        await FormDriver.OpenAsync(h, user, newer);
        await FormDriver.AnswerAllAsync(h, user, newer);
        Assert.NotEqual(old.MessageId, h.ScreenOf(user).MessageId);
        await h.SendAsync(user.Press(oldConfirm, old.MessageId));

        var alert = h.Api.CallsOf("answerCallbackQuery").Last();
        Assert.Equal(Texts.Get("en", "summary.outdated"), alert.Parameters["text"]!.GetValue<string>());
        Assert.Empty(await h.Store.Generations.ListByUserAsync(user.UserId, 10));
        Assert.Equal(new Balance(user.UserId, Credits.Whole(500), Credits.Zero), await h.Store.Ledger.GetBalanceAsync(user.UserId));
        Assert.Equal(At.Summary, (await FormDriver.StateAsync(h, user)).Step);

        // The current summary still buys what it shows.
        await h.ConfirmAsync(user);
        var generation = Assert.Single(await h.Store.Generations.ListByUserAsync(user.UserId, 10));
        Assert.Equal((newer.Model.Id, newer.Id), (generation.ModelId, generation.ModeId));
    }

    [Fact]
    public async Task A_dead_hosts_rows_are_taken_over_after_one_lease_and_at_once_on_a_callback()
    {
        var clock = new ShiftedClock(DateTimeOffset.UtcNow);
        var mode = Models.ZImage.TextToImage;
        var waiting = new Updates(8_400);
        var called = new Updates(8_401);
        string database;
        BotHarness first;
        Generation byLease, byCallback;
        first = await BotHarness.StartAsync(postgres.Server, time: clock);
        await using (first)
        {
            first.Kie.ReadsToFinish = 1_000;
            byLease = await TrackingTests.GenerateAsync(first, waiting, mode);
            byCallback = await TrackingTests.GenerateAsync(first, called, mode);
            database = first.Database;
            await first.StopHostAsync();
            clock.Advance(TimeSpan.FromMinutes(2));

            // A host that died mid-work: it had leased both rows (the production lease) and renews them no more.
            var held = await first.Store.Generations.ClaimInFlightAsync(10, TimeSpan.FromSeconds(15), "killed-host");
            Assert.Equal(2, held.Count);
            var leaseEnds = clock.GetUtcNow() + TimeSpan.FromSeconds(15);
            await first.Kie.CompleteAsync(byLease.KieTaskId!);
            await first.Kie.CompleteAsync(byCallback.KieTaskId!);

            await using var second = await BotHarness.StartAsync(postgres.Server, database: database, shared: first, time: clock);
            var tracker = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<KieBot.Generations.GenerationTracker>(second.App.Services);

            // Two renewals missed: the holder is gone. KIE's callback now brings its row in at once, well inside the lease.
            clock.Advance((2 * tracker.RenewEvery) + TimeSpan.FromSeconds(1));
            var task = first.Kie.Tasks[byCallback.KieTaskId!];
            Assert.Equal(HttpStatusCode.OK, await TrackingTests.PostCallbackAsync(second, task.CallbackUrl!.Replace(first.Url.Authority, second.Url.Authority, StringComparison.Ordinal), CallbackBody(task.Id)));
            var delivered = await TrackingTests.WaitForDeliveryAsync(second, byCallback.Id);
            Assert.True(delivered.FinishedAt < leaseEnds, $"delivered at {delivered.FinishedAt}, the lease ran to {leaseEnds}");
            Assert.True((await second.Store.Generations.GetAsync(byLease.Id))!.State.IsInFlight());

            // Without a callback the other row waits out the dead host's lease, then the live host delivers it.
            clock.Advance(TimeSpan.FromSeconds(15));
            var late = await TrackingTests.WaitForDeliveryAsync(second, byLease.Id);
            Assert.True(late.FinishedAt >= leaseEnds);
            Assert.Equal(2, second.Api.CallsOf("sendPhoto").Count);
        }
    }

    /// <summary>KIE's callback for a finished market task (the bot reads the task back from KIE before acting on it).</summary>
    private static string CallbackBody(string taskId) =>
        $$$"""{"code":200,"msg":"success","data":{"taskId":"{{{taskId}}}","state":"success","resultJson":"{\"resultUrls\":[\"https://kie.example/r.png\"]}"}}""";

    [Fact]
    public async Task A_delivery_a_crash_interrupted_sends_only_what_telegram_never_accepted()
    {
        await using var h = await BotHarness.StartAsync(postgres.Server);
        h.Kie.ResultsPerTask = 3;
        var user = new Updates(8_500);
        var mode = Models.FindModel("elevenlabs")!.Modes.First(m => m.IsVisible && m.Output == KieCatalog.Catalog.OutputKind.Audio && m.Params.All(p => !p.IsUpload));
        var generation = await TrackingTests.GenerateAsync(h, user, mode);
        await h.StopHostAsync();

        // The host died after Telegram accepted the first of three tracks: that part was recorded as it was accepted.
        await h.Kie.CompleteAsync(generation.KieTaskId!);
        var record = await h.Store.Generations.GetAsync(generation.Id);
        await h.Store.Generations.MoveAsync(generation.Id, GenerationState.Succeeded, new GenerationChange { ResultUrls = h.Kie.Tasks[generation.KieTaskId!].ResultUrls });
        await h.Store.Generations.SetSentPartsAsync(generation.Id, ["tg-file-first"]);
        var sentBefore = h.Api.CallsOf("sendAudio").Count;

        await using var restarted = await BotHarness.StartAsync(postgres.Server, database: h.Database, shared: h);
        var done = await TrackingTests.WaitForDeliveryAsync(restarted, generation.Id);

        Assert.NotNull(record);
        Assert.Equal(2, restarted.Api.CallsOf("sendAudio").Count - sentBefore);
        Assert.Equal(3, done.Delivered!.Count);
        Assert.Equal("tg-file-first", done.Delivered[0]);
    }
}
