using KieCatalog.Errors;

namespace KieCatalog.Client;

/// <summary>Polls a task until it ends, at KIE's recommended pace (every 2 s for 30 s, every 5 s to 2 min, then every 15 s).</summary>
public static class KieTaskWaiting
{
    /// <summary>
    /// Returns the task once it is <see cref="KieTaskState.Success"/> or <see cref="KieTaskState.Fail"/> (a failed task is
    /// returned, not thrown: see <see cref="KieTask.Error"/>). Throws <see cref="KieException"/> of kind
    /// <see cref="KieErrorKind.Timeout"/> after <paramref name="maxWait"/> (default 15 minutes).
    /// </summary>
    public static async Task<KieTask> WaitForResultAsync(
        this IKieGateway gateway,
        KieTaskRef task,
        TimeSpan? maxWait = null,
        TimeProvider? timeProvider = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(gateway);
        var time = timeProvider ?? TimeProvider.System;
        var limit = maxWait ?? TimeSpan.FromMinutes(15);
        var started = time.GetTimestamp();
        while (true)
        {
            try
            {
                var current = await gateway.GetTaskAsync(task, cancellationToken).ConfigureAwait(false);
                if (current.IsTerminal)
                {
                    return current;
                }
            }
            catch (KieException e) when (e.Error.IsRetryable)
            {
                // The read's own retries are spent; the task itself is unaffected, so keep polling until the limit.
            }

            var elapsed = time.GetElapsedTime(started);
            if (elapsed >= limit)
            {
                throw new KieException(new KieError(KieErrorKind.Timeout, KieOperation.ReadTask, $"task {task.TaskId} did not finish within {limit.TotalMinutes:0.#} min"));
            }

            await Task.Delay(PollInterval(elapsed), time, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The pause before the next status read after <paramref name="elapsed"/> of waiting.</summary>
    public static TimeSpan PollInterval(TimeSpan elapsed) =>
        elapsed < TimeSpan.FromSeconds(30) ? TimeSpan.FromSeconds(2)
        : elapsed < TimeSpan.FromMinutes(2) ? TimeSpan.FromSeconds(5)
        : TimeSpan.FromSeconds(15);
}
