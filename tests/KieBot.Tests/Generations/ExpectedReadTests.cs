using KieBot.Generations;
using KieBot.Storage;
using KieCatalog;
using KieCatalog.Catalog;
using KieCatalog.Client;
using KieCatalog.Errors;
using KieCatalog.Fake;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace KieBot.Tests.Generations;

/// <summary>The tracker on a fake clock: reads around the usual finish of a kind with history, the back-off without it, and history recorded on success.</summary>
public sealed class ExpectedReadTests() : SqliteTrackerTest(new FakeKieOptions { WaitingTime = TimeSpan.Zero, QueuingTime = TimeSpan.Zero, GeneratingTime = TimeSpan.FromSeconds(100) })
{
    [Fact]
    public async Task A_kind_with_history_is_read_again_near_its_usual_finish_and_one_without_after_the_back_off()
    {
        var known = await SubmitAsync("known", Models.ZImage.TextToImage, new ZImageTextToImageInput { Prompt = "a fox" });
        for (var i = 0; i < 10; i++)
        {
            await Store.Durations.RecordAsync(ReadSchedule.Key(known), TimeSpan.FromSeconds(100));
        }

        var unknown = await SubmitAsync("unknown", Models.Kling2_6.TextToVideo, new Kling2_6TextToVideoInput { Prompt = "a fox", Sound = false });

        Assert.Equal(2, await Tracker.PollOnceAsync(CancellationToken.None));
        Assert.Equal(new TaskExpectation(10, TimeSpan.FromSeconds(100), TimeSpan.FromSeconds(100)), Reporter.Expected["known"]);
        Assert.Null(Reporter.Expected["unknown"]);
        Time.Advance(Tracker.Backoff(1) + TimeSpan.FromMilliseconds(1));
        Assert.Equal(["unknown"], await DueAsync());

        // The kind with history: not before 80 % of its 100 s median, then every 5 s.
        Time.Advance(TimeSpan.FromSeconds(70));
        Assert.Empty(await DueAsync(except: "unknown"));
        Time.Advance(TimeSpan.FromSeconds(7));
        Assert.Equal(["known"], await DueAsync(except: "unknown"));
        Assert.Equal(2, await Tracker.PollOnceAsync(CancellationToken.None)); // the probe left "unknown" due as well
        Time.Advance(TimeSpan.FromSeconds(5.1));
        Assert.Equal(["known"], await DueAsync(except: "unknown"));
    }

    [Fact]
    public async Task A_success_records_how_long_the_task_took_for_its_kind()
    {
        var generation = await SubmitAsync("done", Models.ZImage.TextToImage, new ZImageTextToImageInput { Prompt = "a fox" });
        Time.Advance(TimeSpan.FromSeconds(101));

        Assert.Equal(1, await Tracker.PollOnceAsync(CancellationToken.None));

        Assert.Equal(GenerationState.Succeeded, (await Store.Generations.GetAsync("done"))!.State);
        var expected = await Store.Durations.ReadAsync(ReadSchedule.Key(generation));
        Assert.NotNull(expected);
        Assert.Equal(1, expected.Count);
        Assert.InRange(expected.P50, TimeSpan.FromSeconds(100), TimeSpan.FromSeconds(101));
    }

    private async Task<Generation> SubmitAsync(string id, KieCatalog.Catalog.ModeDescriptor mode, KieCatalog.Catalog.IModeInput input)
    {
        var generation = new Generation
        {
            Id = id, UserId = 1, ChatId = 1, ModelId = mode.Model.Id, ModeId = mode.Id, KieModel = mode.KieModel, Api = mode.Api.ToString(),
            InputJson = input.ToInputJson(), Price = Credits.Zero,
        };
        await Store.Generations.CreateAsync(generation);
        var task = await Kie.CreateTaskAsync(input);
        await Store.Generations.MoveAsync(id, GenerationState.Submitted, new GenerationChange { KieTaskId = task.TaskId });
        return generation;
    }

    /// <summary>The rows a pass would take now (their leases handed back at once).</summary>
    private async Task<List<string>> DueAsync(string? except = null)
    {
        var due = await Store.Generations.ClaimInFlightAsync(10, TimeSpan.FromSeconds(15), "probe");
        await Store.Generations.ScheduleManyAsync(due.Select(g => KeyValuePair.Create(g.Id, Time.GetUtcNow())).ToArray(), "probe");
        return due.Select(g => g.Id).Where(id => id != except).Order().ToList();
    }
}
