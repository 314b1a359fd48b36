using KieBot.Generations;
using KieBot.Storage;
using KieCatalog.Client;
using KieCatalog.Errors;
using KieCatalog.Fake;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace KieBot.Tests.Generations;

/// <summary>
/// The tracker over a real embedded SQLite store and the in-process fake KIE on a fake clock, with a reporter that
/// records what the tracker told it; each test gets its own database file.
/// </summary>
public abstract class SqliteTrackerTest(FakeKieOptions? kieOptions = null) : IAsyncLifetime
{
    private readonly string path = Path.Combine(Path.GetTempPath(), $"kiebot-tracker-{Guid.NewGuid():N}.db");

    protected FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 12, 2, 12, 0, 0, TimeSpan.Zero));

    protected RecordingReporter Reporter { get; } = new();

    protected IBotStore Store { get; private set; } = null!;

    protected FakeKieGateway Kie { get; private set; } = null!;

    protected GenerationTracker Tracker { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Store = BotStores.Open(new StorageOptions { SqlitePath = path }, Time);
        await Store.MigrateAsync();
        Kie = kieOptions is null ? new FakeKieGateway(Time) : new FakeKieGateway(Time, kieOptions);
        Tracker = new GenerationTracker(Store, Kie, Reporter, Time, HostIdentity.New(), NullLogger<GenerationTracker>.Instance);
    }

    public async Task DisposeAsync()
    {
        await Store.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        File.Delete(path);
    }

    /// <summary>Records the expectation each progress report carried, the deliveries and the failures.</summary>
    protected sealed class RecordingReporter : IGenerationReporter
    {
        public System.Collections.Concurrent.ConcurrentDictionary<string, TaskExpectation?> Expected { get; } = new();

        public System.Collections.Concurrent.ConcurrentQueue<string> Delivered { get; } = new();

        public System.Collections.Concurrent.ConcurrentDictionary<string, KieError> Failures { get; } = new();

        public System.Collections.Concurrent.ConcurrentQueue<(string Generation, KieTrack Preview)> Previews { get; } = new();

        public Task<long> StartedAsync(Generation generation, int? confirmedMessageId, CancellationToken cancellationToken) => Task.FromResult(1L);

        public Task ProgressAsync(Generation generation, KieTask task, TimeSpan elapsed, TaskExpectation? expected, CancellationToken cancellationToken)
        {
            Expected[generation.Id] = expected;
            return Task.CompletedTask;
        }

        public Task PreviewAsync(Generation generation, KieTrack preview, CancellationToken cancellationToken)
        {
            Previews.Enqueue((generation.Id, preview));
            return Task.CompletedTask;
        }

        public Task<IReadOnlyList<string>> DeliverAsync(Generation generation, Func<IReadOnlyList<string>, CancellationToken, Task> accepted, CancellationToken cancellationToken)
        {
            Delivered.Enqueue(generation.Id);
            return Task.FromResult(generation.ResultUrls);
        }

        public Task FailedAsync(Generation generation, KieError error, CancellationToken cancellationToken)
        {
            Failures[generation.Id] = error;
            return Task.CompletedTask;
        }

        public Task CapturedAsync(Generation generation, CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
