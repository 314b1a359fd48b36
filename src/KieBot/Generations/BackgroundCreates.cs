using Microsoft.Extensions.Logging;

namespace KieBot.Generations;

/// <summary>
/// KIE creates running after the press that asked for them was answered, a few at a time (KIE allows 20 creates per
/// 10 s; the client waits out its 429s). A stop lets the running ones finish (bounded by <see cref="DrainAsync"/>'s
/// deadline) rather than cancel a create KIE may already have accepted; a create that never ran is settled by the tracker.
/// </summary>
public sealed partial class BackgroundCreates(ILogger<BackgroundCreates> logger)
{
    private readonly SemaphoreSlim slots = new(8, 8);
    private readonly HashSet<Task> running = [];
    private readonly Lock sync = new();
    private readonly CancellationTokenSource stopping = new();

    /// <summary>Creates in hand (queued or running).</summary>
    public int Pending
    {
        get
        {
            lock (sync)
            {
                return running.Count;
            }
        }
    }

    public void Run(Func<CancellationToken, Task> create)
    {
        var task = Task.Run(async () =>
        {
            await slots.WaitAsync(stopping.Token).ConfigureAwait(false);
            try
            {
                await create(stopping.Token).ConfigureAwait(false);
            }
            finally
            {
                slots.Release();
            }
        });
        lock (sync)
        {
            running.Add(task);
        }

        _ = task.ContinueWith(Done, TaskScheduler.Default);
    }

    /// <summary>Waits for the creates in hand, up to <paramref name="deadline"/>; then cancels what is left.</summary>
    public async Task DrainAsync(TimeSpan deadline)
    {
        Task[] left;
        lock (sync)
        {
            left = [.. running];
        }

        var all = Task.WhenAll(left);
        if (await Task.WhenAny(all, Task.Delay(deadline)).ConfigureAwait(false) != all)
        {
            await stopping.CancelAsync().ConfigureAwait(false);
        }
    }

    private void Done(Task task)
    {
        lock (sync)
        {
            running.Remove(task);
        }

        if (task.Exception is { } failure)
        {
            LogFailed(failure.GetBaseException());
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "A KIE create failed outside the KIE client's errors; the tracker settles its generation")]
    private partial void LogFailed(Exception exception);
}
