using KieBot.Storage;
using KieCatalog.Client;
using KieCatalog.Errors;

namespace KieBot.Generations;

/// <summary>
/// The ends a tracked generation comes to: a success moved, captured and delivered; a failure refunded once and
/// reported; a task still running shown as progress.
/// </summary>
public sealed partial class GenerationTracker
{
    private async Task SucceedAsync(Generation generation, KieTask task, CancellationToken ct)
    {
        var tracks = TracksOf(task);
        var change = new GenerationChange { ResultUrls = task.ResultUrls, ResultText = task.ResultText, Tracks = tracks.Count > 0 ? tracks : null };
        if (!await store.Generations.MoveAsync(generation.Id, GenerationState.Succeeded, change, ct).ConfigureAwait(false))
        {
            return;
        }

        await RecordDurationAsync(generation, task, ct).ConfigureAwait(false);

        await FinishSuccessAsync(generation with { State = GenerationState.Succeeded, ResultUrls = task.ResultUrls, ResultText = task.ResultText, Tracks = tracks }, ct).ConfigureAwait(false);
    }

    /// <summary>Charges the reservation (idempotent by key), delivers (each accepted part recorded at once), and records what was delivered.</summary>
    private async Task FinishSuccessAsync(Generation generation, CancellationToken ct)
    {
        await GenerationOutcome.CaptureAsync(store, reporter, generation, ct).ConfigureAwait(false);
        IReadOnlyList<string> delivered;
        try
        {
            delivered = await reporter.DeliverAsync(generation, (sent, token) => store.Generations.SetSentPartsAsync(generation.Id, sent, token), ct).ConfigureAwait(false);
        }
        catch (UserUnreachableException)
        {
            // Blocked the bot: what was accepted stands, the rest is given up (the result stays in history and is paid for).
            delivered = generation.SentParts.Where(p => p.Length > 0).ToList();
        }

        await store.Generations.SetDeliveredAsync(generation.Id, delivered, ct).ConfigureAwait(false);
        LogSucceeded(generation.Id, generation.ResultUrls.Count);
    }

    private async Task FailAsync(Generation generation, KieError error, CancellationToken ct)
    {
        if (await GenerationOutcome.RefundAsync(store, generation.Id, generation.ReservationKey, error, ct).ConfigureAwait(false))
        {
            await ReportFailureAsync(generation, error, ct).ConfigureAwait(false);
        }
    }

    private async Task FinishRefundAndReportAsync(Generation generation, KieError error, CancellationToken ct)
    {
        await GenerationOutcome.FinishRefundAsync(store, generation.Id, generation.ReservationKey, ct).ConfigureAwait(false);
        await ReportFailureAsync(generation, error, ct).ConfigureAwait(false);
    }

    private async Task ReportFailureAsync(Generation generation, KieError error, CancellationToken ct)
    {
        await store.Errors.AddAsync(error.Operation == KieOperation.Task ? ErrorSource.Provider : ErrorSource.Kie, error.Kind.ToString(), error.FailCode ?? error.Code?.ToString(System.Globalization.CultureInfo.InvariantCulture), error.Detail, $"generation {generation.Id} {generation.KieModel}", ct).ConfigureAwait(false);
        await reporter.FailedAsync(generation, error, ct).ConfigureAwait(false);
        LogFailed(generation.Id, error.Kind);
    }

    private async Task ProgressAsync(Generation generation, KieTask task, TaskExpectation? expected, CancellationToken ct)
    {
        if (generation.State == GenerationState.Submitted && task.State == KieTaskState.Generating)
        {
            await store.Generations.MoveAsync(generation.Id, GenerationState.Running, cancellationToken: ct).ConfigureAwait(false);
        }

        await PreviewAsync(generation, task, ct).ConfigureAwait(false);
        await reporter.ProgressAsync(generation, task, time.GetUtcNow() - generation.CreatedAt, expected, ct).ConfigureAwait(false);
    }
}
