using KieBot.Storage;
using KieCatalog;
using KieCatalog.Catalog;
using KieCatalog.Client;
using KieCatalog.Errors;
using Microsoft.Extensions.Logging;

namespace KieBot.Generations;

/// <summary>
/// Follows generations to their end: leases due in-flight rows (one worker per row, short leases renewed while it
/// works, so the rows of a host that died are taken over within one lease), reads their KIE task, and on success
/// delivers the result (recording each part as Telegram accepts it) and captures the price; on failure or past the
/// deadline of its output kind releases it exactly once and says why. After each read the row is scheduled around the
/// usual finish of its kind of task (<see cref="ReadSchedule"/>), or with a growing back-off for a kind without history,
/// so each pass costs only the tasks that are due; a KIE callback makes a row due at once (a held
/// one is looked at again as soon as its holder is done with it) and wakes the tracker.
/// </summary>
public sealed partial class GenerationTracker(
    IBotStore store,
    IKieGateway kie,
    IGenerationReporter reporter,
    TimeProvider time,
    KieBot.Storage.HostIdentity host,
    ILogger<GenerationTracker> logger)
{
    private readonly SemaphoreSlim wake = new(0, 1);

    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, DateTimeOffset> schedule = new(StringComparer.Ordinal);

    /// <summary>First pause before a task is read again; it grows by half each read up to <see cref="MaxPollInterval"/>.</summary>
    public TimeSpan FirstPollInterval { get; init; } = TimeSpan.FromSeconds(3);

    public TimeSpan MaxPollInterval { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>How long a worker's hold on a row lasts unless renewed: the rows of a host that died are taken over after it.</summary>
    public TimeSpan WorkLease { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>How often a worker renews its leases while it works (a fifth of the lease: a missed renewal or two is no loss).</summary>
    public TimeSpan RenewEvery => WorkLease / 5;

    /// <summary>
    /// A lease reaching less than this far ahead has missed two renewals: its holder is taken to be gone, and a callback
    /// frees the row at once instead of waiting the lease out.
    /// </summary>
    public TimeSpan LiveLease => WorkLease - (2 * RenewEvery);

    /// <summary>Starts the next pass now instead of after the pause (a callback made a row due).</summary>
    public void Wake()
    {
        if (wake.CurrentCount == 0)
        {
            try
            {
                wake.Release();
            }
            catch (SemaphoreFullException)
            {
                // Woken already.
            }
        }
    }

    /// <summary>Rows taken per pass.</summary>
    public int BatchSize { get; init; } = 100;

    /// <summary>Rows worked on at once within a pass.</summary>
    public int Concurrency { get; init; } = 8;

    /// <summary>
    /// A row created but never sent to KIE (the process stopped in between) is settled after this long without a sign of
    /// its create (queued behind others, or a create waiting out KIE's limits, takes well under this: the client gives up
    /// after 2 minutes).
    /// </summary>
    public TimeSpan UnsentGrace { get; init; } = TimeSpan.FromMinutes(5);

    public async Task RunAsync(CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            var full = false;
            try
            {
                full = await PollOnceAsync(ct).ConfigureAwait(false) == BatchSize;
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                // Stopping: rows this pass held come back when their lease runs out.
                return;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogPassFailed(e);
            }

            if (full)
            {
                // More rows are due: take them now rather than after a pause.
                continue;
            }

            try
            {
                using var pause = CancellationTokenSource.CreateLinkedTokenSource(ct);
                await Task.WhenAny(Task.Delay(TimeSpan.FromSeconds(1), time, pause.Token), wake.WaitAsync(pause.Token)).ConfigureAwait(false);
                await pause.CancelAsync().ConfigureAwait(false);
                ct.ThrowIfCancellationRequested();
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>One pass over the due generations; returns how many were looked at.</summary>
    public async Task<int> PollOnceAsync(CancellationToken ct)
    {
        var due = await store.Generations.ClaimInFlightAsync(BatchSize, WorkLease, host.Id, ct, LiveLease).ConfigureAwait(false);
        if (due.Count == 0)
        {
            return 0;
        }

        using var working = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var renewing = LeaseRenewal.RunAsync(store.Generations, due.Select(g => g.Id).ToArray(), WorkLease, RenewEvery, host.Id, time, e => LogRenewFailed(e.Message), working.Token);
        try
        {
            await WorkAsync(due, ct).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // A graceful stop hands the rows it held back at once, for the next instance.
            await StopRenewingAsync(working, renewing).ConfigureAwait(false);
            schedule.Clear();
            await store.Generations.ScheduleManyAsync(due.Select(g => KeyValuePair.Create(g.Id, time.GetUtcNow())).ToArray(), host.Id, CancellationToken.None).ConfigureAwait(false);
            throw;
        }
        finally
        {
            // Whatever ended the pass (a failure too), its leases stop being renewed: a failed pass's rows come back when they run out.
            await StopRenewingAsync(working, renewing).ConfigureAwait(false);
        }

        // The next read of every row still in flight, in one statement.
        var next = schedule.ToArray();
        schedule.Clear();
        await store.Generations.ScheduleManyAsync(next, host.Id, ct).ConfigureAwait(false);
        return due.Count;
    }

    private static async Task StopRenewingAsync(CancellationTokenSource working, Task renewing)
    {
        await working.CancelAsync().ConfigureAwait(false);
        await renewing.ConfigureAwait(false);
    }

    private Task WorkAsync(IReadOnlyList<Generation> due, CancellationToken ct) =>
        Parallel.ForEachAsync(due, new ParallelOptions { MaxDegreeOfParallelism = Concurrency, CancellationToken = ct }, async (generation, token) =>
        {
            try
            {
                await TrackAsync(generation, token).ConfigureAwait(false);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogTrackFailed(generation.Id, e);
                try
                {
                    await store.Errors.AddAsync(ErrorSource.Of(e), e.GetType().Name, null, e.Message, $"generation {generation.Id}", token).ConfigureAwait(false);
                }
                catch (Exception report) when (report is not OperationCanceledException)
                {
                    // The database is away too: the failure is in the log; the pass goes on with the other rows.
                    LogRenewFailed(report.Message);
                }

                // Not lost: the row comes back after a back-off, and its next read decides again.
                schedule[generation.Id] = time.GetUtcNow() + Backoff(generation.Attempts);
            }
        });

    private async Task TrackAsync(Generation generation, CancellationToken ct)
    {
        switch (generation.State)
        {
            case GenerationState.Failed:
                // A refund a stop interrupted: the release is idempotent by key.
                await GenerationOutcome.FinishRefundAsync(store, generation.Id, generation.ReservationKey, ct).ConfigureAwait(false);
                return;
            case GenerationState.Succeeded:
                // Moved to succeeded but not delivered before a stop: deliver now.
                await FinishSuccessAsync(generation, ct).ConfigureAwait(false);
                return;
        }

        if (generation.KieTaskId is null)
        {
            // Only a row still created, with no task and no create started within the grace, is settled (compare-and-set:
            // a create that stored its task or started meanwhile wins).
            var unsent = new KieError(KieErrorKind.Unknown, KieOperation.CreateTask, "the task was never sent to KIE");
            if (time.GetUtcNow() - generation.UpdatedAt > UnsentGrace
                && await store.Generations.FailUnsentAsync(generation.Id, time.GetUtcNow() - UnsentGrace, GenerationOutcome.ChangeOf(unsent), ct).ConfigureAwait(false))
            {
                await FinishRefundAndReportAsync(generation, unsent, ct).ConfigureAwait(false);
            }
            else
            {
                // Probably being submitted right now: look again shortly.
                schedule[generation.Id] = time.GetUtcNow() + FirstPollInterval;
            }

            return;
        }

        if (time.GetUtcNow() - generation.CreatedAt > TaskDeadline.For(Mode(generation)?.Output ?? OutputKind.Video))
        {
            var late = new KieError(KieErrorKind.Timeout, KieOperation.Task, $"task {generation.KieTaskId} gave no result within {TaskDeadline.For(Mode(generation)?.Output ?? OutputKind.Video).TotalMinutes:0} min");
            await FailAsync(generation, late, ct).ConfigureAwait(false);
            return;
        }

        KieTask task;
        try
        {
            task = await kie.GetTaskAsync(TaskReference.Of(generation, generation.KieTaskId), ct).ConfigureAwait(false);
        }
        catch (KieException e) when (e.Error.ShouldRefund)
        {
            await FailAsync(generation, e.Error, ct).ConfigureAwait(false);
            return;
        }
        catch (KieException e)
        {
            LogReadFailed(generation.Id, e.Error.Kind, e.Error.Detail);
            schedule[generation.Id] = time.GetUtcNow() + Backoff(generation.Attempts);
            return;
        }

        switch (task.State)
        {
            case KieTaskState.Success:
                await SucceedAsync(generation, task, ct).ConfigureAwait(false);
                break;
            case KieTaskState.Fail:
                await FailTaskAsync(generation, task, ct).ConfigureAwait(false);
                break;
            default:
                // One look-up of the kind's usual time serves the progress message and the next read.
                var expected = await ExpectedAsync(generation, ct).ConfigureAwait(false);
                await ProgressAsync(generation, task, expected, ct).ConfigureAwait(false);
                schedule[generation.Id] = time.GetUtcNow() + ReadSchedule.Next(time.GetUtcNow() - generation.CreatedAt, expected, Backoff(generation.Attempts));
                break;
        }
    }

    /// <summary>The pause after the <paramref name="attempts"/>-th read: 3 s, 4.5 s, 6.75 s, … up to a minute.</summary>
    public TimeSpan Backoff(int attempts)
    {
        var seconds = FirstPollInterval.TotalSeconds * Math.Pow(1.5, Math.Max(0, attempts - 1));
        return TimeSpan.FromSeconds(Math.Min(seconds, MaxPollInterval.TotalSeconds));
    }

    private static ModeDescriptor? Mode(Generation generation) => StoredMode.Of(generation);

    [LoggerMessage(Level = LogLevel.Information, Message = "Generation {GenerationId} succeeded with {Count} result(s)")]
    private partial void LogSucceeded(string generationId, int count);

    [LoggerMessage(Level = LogLevel.Information, Message = "Generation {GenerationId} failed ({Kind}); reservation released")]
    private partial void LogFailed(string generationId, KieErrorKind kind);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reading the task of generation {GenerationId} failed ({Kind}: {Detail}); retrying later")]
    private partial void LogReadFailed(string generationId, KieErrorKind kind, string detail);

    [LoggerMessage(Level = LogLevel.Error, Message = "Tracking generation {GenerationId} failed")]
    private partial void LogTrackFailed(string generationId, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Renewing the tracker's leases failed ({Reason})")]
    private partial void LogRenewFailed(string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "A tracking pass failed")]
    private partial void LogPassFailed(Exception exception);
}
