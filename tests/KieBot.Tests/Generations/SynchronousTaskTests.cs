using KieBot.Generations;
using KieBot.Storage;
using KieCatalog;
using KieCatalog.Catalog;
using KieCatalog.Client;
using KieCatalog.Errors;
using KieCatalog.Fake;
using KieBot.TestSupport.Kie;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace KieBot.Tests.Generations;

/// <summary>The tracker on tasks of endpoints that answer at once: the result stored with the task id is delivered without a status read.</summary>
public sealed class SynchronousTaskTests : IAsyncLifetime
{
    private readonly string path = Path.Combine(Path.GetTempPath(), $"kiebot-sync-{Guid.NewGuid():N}.db");
    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 12, 2, 12, 0, 0, TimeSpan.Zero));
    private readonly Reporter reporter = new();
    private IBotStore store = null!;
    private FakeKieGateway kie = null!;
    private GenerationTracker tracker = null!;

    public async Task InitializeAsync()
    {
        store = BotStores.Open(new StorageOptions { SqlitePath = path }, time);
        await store.MigrateAsync();
        kie = new FakeKieGateway(time);
        tracker = new GenerationTracker(store, kie, reporter, time, HostIdentity.New(), NullLogger<GenerationTracker>.Instance);
    }

    public async Task DisposeAsync()
    {
        await store.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        File.Delete(path);
    }

    [Fact]
    public async Task A_task_finished_on_creation_is_delivered_from_the_stored_result()
    {
        var mode = Models.AllModes.First(m => m.CreatePath == "/api/v1/omni/audio/create");
        await SubmitAsync("sync", mode, stored: true);

        Assert.Equal(1, await tracker.PollOnceAsync(CancellationToken.None));

        var generation = (await store.Generations.GetAsync("sync"))!;
        Assert.Equal(GenerationState.Succeeded, generation.State);
        Assert.Contains("\"id\"", generation.ResultText, StringComparison.Ordinal);
        Assert.Equal(["sync"], reporter.Delivered);
    }

    [Fact]
    public async Task A_synchronous_task_without_its_result_is_refunded_not_read_forever()
    {
        var mode = Models.AllModes.First(m => m.CreatePath == "/api/v1/style/generate");
        await SubmitAsync("lost", mode, stored: false);

        Assert.Equal(1, await tracker.PollOnceAsync(CancellationToken.None));

        Assert.Equal(GenerationState.Refunded, (await store.Generations.GetAsync("lost"))!.State);
        Assert.Equal(KieErrorKind.NotFound, reporter.Failures["lost"].Kind);
    }

    private async Task SubmitAsync(string id, ModeDescriptor mode, bool stored)
    {
        var input = SampleInputs.For(mode);
        await store.Generations.CreateAsync(new Generation
        {
            Id = id, UserId = 1, ChatId = 1, ModelId = mode.Model.Id, ModeId = mode.Id, KieModel = mode.KieModel, Api = mode.Api.ToString(),
            InputJson = input.ToInputJson(), Price = Credits.Zero,
        });
        var task = await kie.CreateTaskAsync(input);
        Assert.True(task.IsCompleted);
        var change = stored ? TaskReference.Created(task) : new GenerationChange { KieTaskId = task.TaskId };
        await store.Generations.MoveAsync(id, GenerationState.Submitted, change);
    }

    private sealed class Reporter : IGenerationReporter
    {
        public List<string> Delivered { get; } = [];

        public Dictionary<string, KieError> Failures { get; } = [];

        public Task<long> StartedAsync(Generation generation, int? confirmedMessageId, CancellationToken cancellationToken) => Task.FromResult(1L);

        public Task ProgressAsync(Generation generation, KieTask task, TimeSpan elapsed, TaskExpectation? expected, CancellationToken cancellationToken) => Task.CompletedTask;

        public Task<IReadOnlyList<string>> DeliverAsync(Generation generation, Func<IReadOnlyList<string>, CancellationToken, Task> accepted, CancellationToken cancellationToken)
        {
            Delivered.Add(generation.Id);
            return Task.FromResult<IReadOnlyList<string>>([]);
        }

        public Task FailedAsync(Generation generation, KieError error, CancellationToken cancellationToken)
        {
            Failures[generation.Id] = error;
            return Task.CompletedTask;
        }

        public Task CapturedAsync(Generation generation, CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
