using KieBot.Generations;
using KieBot.Storage;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace KieBot.Bench.Schedule;

/// <summary>How one run reads its tasks: the pace without history, whether history is warmed, whether KIE calls back.</summary>
internal sealed record ScheduleScenario(string Name, bool Warm, bool Callbacks, TimeSpan First, TimeSpan Max);

/// <summary>One task of a run and what became of it.</summary>
internal sealed record SimulatedTask(string Id, TaskKind Kind, DateTimeOffset Submitted, DateTimeOffset Done, DateTimeOffset? CallbackAt)
{
    public DateTimeOffset? Delivered { get; set; }

    public int Reads { get; set; }
}

/// <summary>
/// A discrete-event simulation in simulated time that drives the product's own tracker: the real
/// <see cref="GenerationTracker"/> (its <c>PollOnceAsync</c>, <see cref="ReadSchedule"/>, leases, delivery and capture) on
/// a SQLite store, both on a <see cref="FakeTimeProvider"/>, against KIE simulated in process. The clock jumps from event
/// to event exactly as <c>RunAsync</c> would see them: a pass one second after the last (its idle pause), a pass at once
/// when a callback wakes it (what the callback endpoint does: make the row due, wake the tracker), and a task submitted
/// between passes. Passes take no simulated time: the lag is the schedule's alone (no network or CPU).
/// </summary>
internal static class ScheduleSimulation
{
    private static readonly DateTimeOffset Start = new(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);

    public static async Task<IReadOnlyList<SimulatedTask>> RunAsync(ScheduleScenario scenario, int count, int seed)
    {
        var folder = Directory.Exists("/dev/shm") ? "/dev/shm" : Path.GetTempPath();
        var path = Path.Combine(folder, $"kiebot-schedule-{Guid.NewGuid():N}.db");
        var time = new FakeTimeProvider(Start);
        var inner = BotStores.Open(new StorageOptions { SqlitePath = path }, time);
        await using var store = scenario.Warm ? inner : new NoHistoryStore(inner);
        try
        {
            await store.MigrateAsync();
            var random = new Random(seed);
            if (scenario.Warm)
            {
                // History from the same distribution (its own draws): the newest samples the store keeps per kind.
                var history = new Random(seed + 1);
                foreach (var kind in TaskMix.Kinds)
                {
                    var key = ReadSchedule.Key(Row("warm", kind));
                    for (var i = 0; i < ITaskDurations.Kept; i++)
                    {
                        await store.Durations.RecordAsync(key, TimeSpan.FromSeconds(kind.Draw(history)));
                    }
                }
            }

            var kie = new SimulatedKie(time);
            var reporter = new CountingReporter(time);
            var tracker = new GenerationTracker(store, kie, reporter, time, HostIdentity.New(), NullLogger<GenerationTracker>.Instance)
            {
                FirstPollInterval = scenario.First,
                MaxPollInterval = scenario.Max,
            };
            var tasks = Arrivals(count, random, scenario.Callbacks);
            await DriveAsync(store, kie, tracker, time, tasks, reporter);
            foreach (var task in tasks)
            {
                task.Delivered = reporter.DeliveredById.TryGetValue(task.Id, out var at) ? at : null;
                task.Reads = kie.ReadsOf("kie-" + task.Id);
            }

            return tasks;
        }
        finally
        {
            await store.DisposeAsync();
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            File.Delete(path);
        }
    }

    /// <summary>Tasks arriving one every 2 s on average (Poisson), each of a kind drawn by the mix and a duration drawn for it.</summary>
    private static List<SimulatedTask> Arrivals(int count, Random random, bool callbacks)
    {
        var tasks = new List<SimulatedTask>(count);
        var at = Start;
        for (var i = 0; i < count; i++)
        {
            at += TimeSpan.FromSeconds(-2 * Math.Log(1 - random.NextDouble()));
            var kind = TaskMix.Pick(random);
            var done = at + TimeSpan.FromSeconds(kind.Draw(random));

            // KIE's callback reaches the bot 0.2–2 s after the task is done (an assumption; KIE publishes no figure).
            var callback = callbacks ? done + TimeSpan.FromSeconds(0.2 + (1.8 * random.NextDouble())) : (DateTimeOffset?)null;
            tasks.Add(new SimulatedTask($"sim{i:D5}", kind, at, done, callback));
        }

        return tasks;
    }

    private static async Task DriveAsync(IBotStore store, SimulatedKie kie, GenerationTracker tracker, FakeTimeProvider time, List<SimulatedTask> tasks, CountingReporter reporter)
    {
        var callbacks = new PriorityQueue<SimulatedTask, DateTimeOffset>();
        var next = 0;
        var nextPass = Start + TimeSpan.FromSeconds(1);
        var end = tasks[^1].Done + TimeSpan.FromHours(1);
        while (reporter.Delivered < tasks.Count && time.GetUtcNow() < end)
        {
            var arrival = next < tasks.Count ? tasks[next].Submitted : DateTimeOffset.MaxValue;
            var callback = callbacks.TryPeek(out var called, out var calledAt) ? calledAt : DateTimeOffset.MaxValue;
            if (arrival < nextPass && arrival <= callback)
            {
                time.SetUtcNow(arrival);
                var task = tasks[next++];
                await SubmitAsync(store, kie, task);
                if (task.CallbackAt is { } back)
                {
                    callbacks.Enqueue(task, back);
                }

                continue;
            }

            if (callback < nextPass)
            {
                time.SetUtcNow(callback);
                callbacks.Dequeue();
                if (!await store.Generations.HurryAsync(called!.Id, tracker.LiveLease))
                {
                    // Held by a worker: it looks again when its pass ends; no wake.
                    continue;
                }
            }
            else
            {
                time.SetUtcNow(nextPass);
            }

            // A pass, and at once another while a full batch was due (as RunAsync does); then its one-second pause.
            int taken;
            do
            {
                taken = await tracker.PollOnceAsync(CancellationToken.None);
            }
            while (taken == tracker.BatchSize);

            nextPass = time.GetUtcNow() + TimeSpan.FromSeconds(1);
        }
    }

    private static async Task SubmitAsync(IBotStore store, SimulatedKie kie, SimulatedTask task)
    {
        var generation = Row(task.Id, task.Kind);
        await store.Generations.CreateAsync(generation);
        var taskId = "kie-" + task.Id;
        kie.Add(taskId, task.Kind.Mode.Api, task.Done);
        await store.Generations.MoveAsync(task.Id, GenerationState.Submitted, new GenerationChange { KieTaskId = taskId });
    }

    private static Generation Row(string id, TaskKind kind) => new()
    {
        Id = id, UserId = 1, ChatId = 1, ModelId = kind.Mode.Model.Id, ModeId = kind.Mode.Id, KieModel = kind.Mode.KieModel,
        Api = kind.Mode.Api.ToString(), InputJson = kind.InputJson, Price = Credits.Zero,
    };
}
