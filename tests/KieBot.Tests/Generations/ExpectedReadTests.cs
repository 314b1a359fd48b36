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
public sealed class ExpectedReadTests : IAsyncLifetime
{
    private readonly string path = Path.Combine(Path.GetTempPath(), $"kiebot-expected-{Guid.NewGuid():N}.db");
    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 12, 2, 12, 0, 0, TimeSpan.Zero));
    private IBotStore store = null!;
    private FakeKieGateway kie = null!;
    private GenerationTracker tracker = null!;
    private readonly QuietReporter reporter = new();

    public async Task InitializeAsync()
    {
        store = BotStores.Open(new StorageOptions { SqlitePath = path }, time);
        await store.MigrateAsync();
        kie = new FakeKieGateway(time, new FakeKieOptions { WaitingTime = TimeSpan.Zero, QueuingTime = TimeSpan.Zero, GeneratingTime = TimeSpan.FromSeconds(100) });
        tracker = new GenerationTracker(store, kie, reporter, time, HostIdentity.New(), NullLogger<GenerationTracker>.Instance);
    }

    public async Task DisposeAsync()
    {
        await store.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        File.Delete(path);
    }

    [Fact]
    public async Task A_kind_with_history_is_read_again_near_its_usual_finish_and_one_without_after_the_back_off()
    {
        var known = await SubmitAsync("known", Models.ZImage.TextToImage, new ZImageTextToImageInput { Prompt = "a fox" });
        for (var i = 0; i < 10; i++)
        {
            await store.Durations.RecordAsync(ReadSchedule.Key(known), TimeSpan.FromSeconds(100));
        }

        var unknown = await SubmitAsync("unknown", Models.Kling2_6.TextToVideo, new Kling2_6TextToVideoInput { Prompt = "a fox", Sound = false });

        Assert.Equal(2, await tracker.PollOnceAsync(CancellationToken.None));
        Assert.Equal(new TaskExpectation(10, TimeSpan.FromSeconds(100), TimeSpan.FromSeconds(100)), reporter.Expected["known"]);
        Assert.Null(reporter.Expected["unknown"]);
        time.Advance(tracker.Backoff(1) + TimeSpan.FromMilliseconds(1));
        Assert.Equal(["unknown"], await DueAsync());

        // The kind with history: not before 80 % of its 100 s median, then every 5 s.
        time.Advance(TimeSpan.FromSeconds(70));
        Assert.Empty(await DueAsync(except: "unknown"));
        time.Advance(TimeSpan.FromSeconds(7));
        Assert.Equal(["known"], await DueAsync(except: "unknown"));
        Assert.Equal(2, await tracker.PollOnceAsync(CancellationToken.None)); // the probe left "unknown" due as well
        time.Advance(TimeSpan.FromSeconds(5.1));
        Assert.Equal(["known"], await DueAsync(except: "unknown"));
    }

    [Fact]
    public async Task A_success_records_how_long_the_task_took_for_its_kind()
    {
        var generation = await SubmitAsync("done", Models.ZImage.TextToImage, new ZImageTextToImageInput { Prompt = "a fox" });
        time.Advance(TimeSpan.FromSeconds(101));

        Assert.Equal(1, await tracker.PollOnceAsync(CancellationToken.None));

        Assert.Equal(GenerationState.Succeeded, (await store.Generations.GetAsync("done"))!.State);
        var expected = await store.Durations.ReadAsync(ReadSchedule.Key(generation));
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
        await store.Generations.CreateAsync(generation);
        var task = await kie.CreateTaskAsync(input);
        await store.Generations.MoveAsync(id, GenerationState.Submitted, new GenerationChange { KieTaskId = task.TaskId });
        return generation;
    }

    /// <summary>The rows a pass would take now (their leases handed back at once).</summary>
    private async Task<List<string>> DueAsync(string? except = null)
    {
        var due = await store.Generations.ClaimInFlightAsync(10, TimeSpan.FromSeconds(15), "probe");
        await store.Generations.ScheduleManyAsync(due.Select(g => KeyValuePair.Create(g.Id, time.GetUtcNow())).ToArray(), "probe");
        return due.Select(g => g.Id).Where(id => id != except).Order().ToList();
    }

    private sealed class QuietReporter : IGenerationReporter
    {
        public Task<long> StartedAsync(Generation generation, int? confirmedMessageId, CancellationToken cancellationToken) => Task.FromResult(1L);

        public System.Collections.Concurrent.ConcurrentDictionary<string, TaskExpectation?> Expected { get; } = new();

        public Task ProgressAsync(Generation generation, KieTask task, TimeSpan elapsed, TaskExpectation? expected, CancellationToken cancellationToken)
        {
            Expected[generation.Id] = expected;
            return Task.CompletedTask;
        }

        public Task<IReadOnlyList<string>> DeliverAsync(Generation generation, Func<IReadOnlyList<string>, CancellationToken, Task> accepted, CancellationToken cancellationToken) =>
            Task.FromResult(generation.ResultUrls);

        public Task FailedAsync(Generation generation, KieError error, CancellationToken cancellationToken) => Task.CompletedTask;

        public Task CapturedAsync(Generation generation, CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
