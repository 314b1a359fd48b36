using System.Collections.Concurrent;
using KieCatalog.Catalog;
using KieCatalog.Client;

namespace KieBot.Bench.Schedule;

/// <summary>
/// KIE in simulated time, in process: each task finishes at the moment it was given; a status read before it says
/// generating, from it on success (with KIE's create and done times, as the real API reports them). Counts reads per task.
/// </summary>
internal sealed class SimulatedKie(TimeProvider time) : IKieGateway
{
    private readonly ConcurrentDictionary<string, (DateTimeOffset Created, DateTimeOffset Done, ApiFamily Api)> tasks = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> reads = new(StringComparer.Ordinal);

    public int Reads => reads.Values.Sum();

    public int ReadsOf(string taskId) => reads.GetValueOrDefault(taskId);

    public void Add(string taskId, ApiFamily api, DateTimeOffset done) => tasks[taskId] = (time.GetUtcNow(), done, api);

    public Task<KieTask> GetTaskAsync(KieTaskRef task, CancellationToken cancellationToken = default)
    {
        reads.AddOrUpdate(task.TaskId, 1, (_, n) => n + 1);
        var (created, done, api) = tasks[task.TaskId];
        var finished = time.GetUtcNow() >= done;
        return Task.FromResult(new KieTask
        {
            TaskId = task.TaskId,
            Api = api,
            State = finished ? KieTaskState.Success : KieTaskState.Generating,
            ResultUrls = finished ? [$"https://files.kie.example/{task.TaskId}.bin"] : [],
            CreatedAt = created,
            UpdatedAt = finished ? done : time.GetUtcNow(),
        });
    }

    public Task<KieTaskRef> CreateTaskAsync(IModeInput input, Uri? callbackUrl = null, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public Task<decimal> GetCreditsAsync(CancellationToken cancellationToken = default) => Task.FromResult(1_000_000m);

    public Task<KieUploadedFile> UploadAsync(Stream content, string fileName, string? uploadPath = null, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public Task<KieUploadedFile> UploadBase64Async(string base64, string fileName, string? mimeType = null, string? uploadPath = null, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public Task<KieUploadedFile> UploadFromUrlAsync(Uri fileUrl, string? fileName = null, string? uploadPath = null, CancellationToken cancellationToken = default) => throw new NotSupportedException();
}
