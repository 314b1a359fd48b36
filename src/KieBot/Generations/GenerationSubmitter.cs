using KieBot.Flows;
using KieBot.Storage;
using KieBot.Telegram;
using KieCatalog.Catalog;
using KieCatalog.Client;
using KieCatalog.Errors;
using Microsoft.Extensions.Logging;

namespace KieBot.Generations;

/// <summary>
/// Confirm → a free generation when the mode has free ones left today (counted and recorded in one transaction), else
/// one transaction reserves the price (key = the generation id) and records the generation, unique per summary → the
/// status message → the press is answered. The KIE task is created after that, off the user's update (a create can
/// wait out KIE's rate limit for seconds): a refused create releases the reservation at once and says why in the
/// status message; the row is committed before the KIE call, so a stop in between leaves a row the tracker settles.
/// </summary>
public sealed partial class GenerationSubmitter(
    IBotStore store,
    IKieGateway kie,
    IChatSurface chat,
    Pricing pricing,
    FreeQuota freeQuota,
    BotSettings settings,
    BackgroundCreates creates,
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

                var price = pricing.UserPrice(request.Input.Price());
                generation = generation with { Price = price, ReservationKey = ReservationKey(id) };
                var reserve = await store.Generations.CreateReservedAsync(generation, ct).ConfigureAwait(false);
                if (!reserve.Succeeded)
                {
                    var balance = await store.Ledger.GetBalanceAsync(request.UserId, ct).ConfigureAwait(false);
                    return new SubmitResult.Insufficient(price, balance.Available);
                }
            }
        }
        catch (SummaryTakenException)
        {
            // Pressed again (on this host or another) while the first press was being handled: one summary, one generation.
            return new SubmitResult.AlreadySubmitted();
        }

        var started = Texts.Get(request.Language, "gen.started", ("model", mode.Model.Name), ("mode", mode.Label.Get(request.Language)));
        var statusMessage = request.StatusMessageId is { } pressed
            ? await chat.EditAsync(request.ChatId, pressed, new Screen(started), ct).ConfigureAwait(false)
            : await chat.SendAsync(request.ChatId, new Screen(started), ct).ConfigureAwait(false);
        await store.Generations.SetStatusMessageAsync(id, statusMessage, ct).ConfigureAwait(false);
        var sent = generation with { StatusMessageId = statusMessage };
        creates.Run(token => CreateAsync(sent, request.Input, request.Language, token));
        return new SubmitResult.Started(id);
    }

    /// <summary>Creates the KIE task of a recorded generation; a refusal releases its reservation and is told in its status message.</summary>
    private async Task CreateAsync(Generation generation, IModeInput input, string language, CancellationToken ct)
    {
        var mode = input.Mode;
        if (await store.Generations.GetAsync(generation.Id, ct).ConfigureAwait(false) is not { State: GenerationState.Created })
        {
            // Waited so long for a slot that the tracker settled it as never sent: nothing to create.
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
            await store.Errors.AddAsync(ErrorSources.Kie, e.Error.Kind.ToString(), e.Error.Code?.ToString(System.Globalization.CultureInfo.InvariantCulture), e.Error.Detail, $"generation {generation.Id} {mode.Key}", ct).ConfigureAwait(false);
            if (await GenerationOutcome.RefundAsync(store, generation.Id, generation.ReservationKey, e.Error, ct).ConfigureAwait(false))
            {
                var message = FailureText(language, e.Error.UserMessage(language), generation.Price, generation.ReservationKey is null);
                await chat.EditAsync(generation.ChatId, (int)generation.StatusMessageId!.Value, new Screen(message, FailureButtons(language, generation)), ct).ConfigureAwait(false);
            }

            return;
        }

        if (!await RecordTaskAsync(generation.Id, task.TaskId, ct).ConfigureAwait(false))
        {
            LogCreatedTooLate(generation.Id, task.TaskId);
            return;
        }

        LogSubmitted(generation.Id, mode.Key, task.TaskId, settings.DryRun);
    }

    /// <summary>Stores the task id, retrying a few times through a short database outage (a row left without it is refunded by the tracker).</summary>
    private async Task<bool> RecordTaskAsync(string id, string taskId, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await store.Generations.MoveAsync(id, GenerationState.Submitted, new GenerationChange { KieTaskId = taskId }, ct).ConfigureAwait(false);
            }
            catch (Exception e) when (attempt < 5 && TransientFailure.Is(e))
            {
                await Task.Delay(TimeSpan.FromSeconds(attempt), ct).ConfigureAwait(false);
            }
        }
    }

    /// <summary>What a user reads when a generation failed: the paid price is back, or the free one was not counted.</summary>
    public static string FailureText(string language, string message, Credits price, bool free) =>
        free ? Texts.Get(language, "gen.failed_free", ("message", message)) : Texts.Get(language, "gen.failed", ("message", message), ("price", price));

    /// <summary>Under a failure: try the same settings again (the summary, with its price), or the menu.</summary>
    public static IReadOnlyList<IReadOnlyList<Button>> FailureButtons(string language, Generation generation) =>
        [[new Button(Texts.Get(language, "btn.repeat"), BotCallbacks.RepeatPrefix + generation.Id)], [new Button(Texts.Get(language, "btn.menu"), BotCallbacks.Menu)]];

    [LoggerMessage(Level = LogLevel.Information, Message = "Generation {GenerationId} ({Mode}) submitted as KIE task {TaskId}, dry run {DryRun}")]
    private partial void LogSubmitted(string generationId, string mode, string taskId, bool dryRun);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Generation {GenerationId} ({Mode}) was refused by KIE: {Kind} {Detail}")]
    private partial void LogCreateFailed(string generationId, string mode, KieErrorKind kind, string detail);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Generation {GenerationId} was settled before its KIE task {TaskId} was created; the task is not followed")]
    private partial void LogCreatedTooLate(string generationId, string taskId);
}
