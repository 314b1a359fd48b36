using KieBot.Storage;
using KieCatalog.Catalog;
using KieCatalog.Client;
using KieCatalog.Errors;
using Microsoft.Extensions.Logging;

namespace KieBot.Generations;

/// <summary>
/// Confirm → a free generation when the mode has free ones left today (counted and recorded in one transaction), else
/// one transaction reserves the price the summary quoted (key = the generation id) and records the generation, unique
/// per summary → the status message (through <see cref="IGenerationReporter"/>) → the press is answered. The KIE task is created after that, off the user's update (a create can
/// wait out KIE's rate limit for seconds): a refused create releases the reservation at once and says why in the
/// status message; the row is committed before the KIE call, so a stop in between leaves a row the tracker settles.
/// </summary>
public sealed partial class GenerationSubmitter(
    IBotStore store,
    IKieGateway kie,
    IGenerationReporter reporter,
    FreeQuota freeQuota,
    GenerationOptions settings,
    BackgroundCreates creates,
    TimeProvider time,
    ILogger<GenerationSubmitter> logger)
{
    public static string ReservationKey(string generationId) => "gen:" + generationId;

    public async Task<SubmitResult> SubmitAsync(SubmitRequest request, CancellationToken ct)
    {
        var mode = request.Input.Mode;
        var running = await store.Generations.CountInFlightAsync(request.UserId, ct).ConfigureAwait(false);
        if (running >= settings.MaxConcurrentGenerations)
        {
            return new SubmitResult.Limited(running);
        }

        if (await RefusedFollowUpAsync(request, ct).ConfigureAwait(false) is { } refusal)
        {
            return new SubmitResult.FollowUpRefused(refusal);
        }

        var id = Guid.CreateVersion7().ToString("N");
        var generation = new Generation
        {
            Id = id,
            UserId = request.UserId,
            ChatId = request.ChatId,
            ModelId = mode.Model.Id,
            ModeId = mode.Id,
            KieModel = mode.KieModel,
            Api = mode.Api.ToString(),
            InputJson = request.Input.ToInputJson(),
            Price = Credits.Zero,
            DryRun = settings.DryRun,
            SummaryKey = request.SummaryKey,
            ParentId = request.ParentId,
        };
        try
        {
            if (!(freeQuota.Covers(mode) && await store.Generations.CreateFreeAsync(generation with { FreeDay = freeQuota.Today() }, freeQuota.Daily, ct).ConfigureAwait(false)))
            {
                if (request.ExpectFree && freeQuota.Covers(mode))
                {
                    // The summary said free, but another confirmation used the last one: ask again with the price shown.
                    return new SubmitResult.FreeUsedUp();
                }

                if (request.Price == Credits.Zero)
                {
                    // What KIE makes at no charge (Suno's cover art) is made at none: nothing to reserve, capture or refund.
                    await store.Generations.CreateAsync(generation, ct).ConfigureAwait(false);
                }
                else if (await ReserveAsync(generation with { Price = request.Price, ReservationKey = ReservationKey(id) }, ct).ConfigureAwait(false) is { } reserved)
                {
                    generation = reserved;
                }
                else
                {
                    var balance = await store.Ledger.GetBalanceAsync(request.UserId, ct).ConfigureAwait(false);
                    return new SubmitResult.Insufficient(request.Price, balance.Available);
                }
            }
        }
        catch (SummaryTakenException)
        {
            // Pressed again (on this host or another) while the first press was being handled: one summary, one generation.
            return new SubmitResult.AlreadySubmitted();
        }

        // Queued as soon as it is paid for, so that a failure below (the status message) cannot leave it unsent; it waits
        // for the status message so that its outcome lands there.
        var status = new TaskCompletionSource<long?>(TaskCreationOptions.RunContinuationsAsynchronously);
        creates.Run(async token => await CreateAsync(generation with { StatusMessageId = await status.Task.ConfigureAwait(false) }, request.Input, token).ConfigureAwait(false));
        try
        {
            var statusMessage = await reporter.StartedAsync(generation, request.StatusMessageId, ct).ConfigureAwait(false);
            await store.Generations.SetStatusMessageAsync(id, statusMessage, ct).ConfigureAwait(false);
            status.SetResult(statusMessage);
        }
        catch
        {
            status.TrySetResult(null);
            throw;
        }

        return new SubmitResult.Started(id);
    }

    /// <summary>Records <paramref name="generation"/> with its price reserved: the generation, or null when the balance is short.</summary>
    private async Task<Generation?> ReserveAsync(Generation generation, CancellationToken ct) =>
        (await store.Generations.CreateReservedAsync(generation, ct).ConfigureAwait(false)).Succeeded ? generation : null;

    /// <summary>
    /// A follow-up is checked against its parent as it stands now, before anything is reserved: the user's own finished
    /// result of a mode it continues, the very task the input names, young enough, not already upgraded past it.
    /// </summary>
    private async Task<FollowUpRefusal?> RefusedFollowUpAsync(SubmitRequest request, CancellationToken ct)
    {
        var mode = request.Input.Mode;
        if (mode.FollowUpParam is not { } task)
        {
            return null;
        }

        var parent = request.ParentId is { } parentId ? await store.Generations.GetAsync(parentId, ct).ConfigureAwait(false) : null;
        string? named;
        using (var input = System.Text.Json.JsonDocument.Parse(request.Input.ToInputJson()))
        {
            named = StoredMode.WireValue(input.RootElement, task);
        }

        if (parent is null)
        {
            // Grok's image-to-video takes images or an earlier task: without a task it starts from scratch.
            return task.Required || named is not null ? new FollowUpRefusal("followup.not_applicable", [("mode", mode.Label)]) : null;
        }

        if (parent.UserId != request.UserId || !FollowUps.Names(mode, parent, named))
        {
            return new FollowUpRefusal("followup.not_applicable", [("mode", mode.Label)]);
        }

        var followUps = await store.Generations.ListFollowUpsAsync(parent.Id, ct).ConfigureAwait(false);
        return FollowUps.Refusal(mode, parent, followUps, time.GetUtcNow());
    }

    /// <summary>Creates the KIE task of a recorded generation; a refusal releases its reservation and is told in its status message.</summary>
    private async Task CreateAsync(Generation generation, IModeInput input, CancellationToken ct)
    {
        var mode = input.Mode;
        if (!await store.Generations.StartCreateAsync(generation.Id, ct).ConfigureAwait(false))
        {
            // Settled as never sent while it waited for a slot: nothing to create.
            return;
        }

        KieTaskRef task;
        try
        {
            task = await kie.CreateTaskAsync(input, settings.CallbackUrl, ct).ConfigureAwait(false);
        }
        catch (KieException e)
        {
            LogCreateFailed(generation.Id, mode.Key, e.Error.Kind, e.Error.Detail);
            await store.Errors.AddAsync(ErrorSource.Kie, e.Error.Kind.ToString(), e.Error.Code?.ToString(System.Globalization.CultureInfo.InvariantCulture), e.Error.Detail, $"generation {generation.Id} {mode.Key}", ct).ConfigureAwait(false);
            if (await GenerationOutcome.RefundAsync(store, generation.Id, generation.ReservationKey, e.Error, ct).ConfigureAwait(false))
            {
                await reporter.FailedAsync(generation, e.Error, ct).ConfigureAwait(false);
            }

            return;
        }

        if (!await RecordTaskAsync(generation.Id, task, ct).ConfigureAwait(false))
        {
            LogCreatedTooLate(generation.Id, task.TaskId);
            return;
        }

        LogSubmitted(generation.Id, mode.Key, task.TaskId, settings.DryRun);
    }

    /// <summary>
    /// Stores the task id (with the result of a task that ended on creation, which the tracker then delivers), retrying a
    /// few times through a short database outage (a row left without it is refunded by the tracker).
    /// </summary>
    private async Task<bool> RecordTaskAsync(string id, KieTaskRef task, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await store.Generations.MoveAsync(id, GenerationState.Submitted, TaskReference.Created(task), ct).ConfigureAwait(false);
            }
            catch (Exception e) when (attempt < 5 && StorageFailure.IsTransient(e))
            {
                await Task.Delay(TimeSpan.FromSeconds(attempt), ct).ConfigureAwait(false);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Generation {GenerationId} ({Mode}) submitted as KIE task {TaskId}, dry run {DryRun}")]
    private partial void LogSubmitted(string generationId, string mode, string taskId, bool dryRun);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Generation {GenerationId} ({Mode}) was refused by KIE: {Kind} {Detail}")]
    private partial void LogCreateFailed(string generationId, string mode, KieErrorKind kind, string detail);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Generation {GenerationId} was settled before its KIE task {TaskId} was created; the task is not followed")]
    private partial void LogCreatedTooLate(string generationId, string taskId);
}
