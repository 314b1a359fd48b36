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
/// one transaction reserves the price (key = the generation id) and records the generation → create the KIE
/// task → store its id. A refused create releases the reservation at once and says why; the row is committed before
/// the KIE call, so a crash in between leaves a row the tracker settles.
/// </summary>
public sealed partial class GenerationSubmitter(
    IBotStore store,
    IKieGateway kie,
    IChatSurface chat,
    Pricing pricing,
    FreeQuota freeQuota,
    BotSettings settings,
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
        };
        string? key = null;
        var price = Credits.Zero;
        if (!(freeQuota.Covers(mode) && await store.Generations.CreateFreeAsync(generation with { FreeDay = freeQuota.Today() }, freeQuota.Daily, ct).ConfigureAwait(false)))
        {
            if (request.ExpectFree && freeQuota.Covers(mode))
            {
                // The summary said free, but another confirmation used the last one: ask again with the price shown.
                return new SubmitResult.FreeUsedUp();
            }

            price = pricing.UserPrice(request.Input.Price());
            key = ReservationKey(id);
            var reserve = await store.Generations.CreateReservedAsync(generation with { Price = price, ReservationKey = key }, ct).ConfigureAwait(false);
            if (!reserve.Succeeded)
            {
                var balance = await store.Ledger.GetBalanceAsync(request.UserId, ct).ConfigureAwait(false);
                return new SubmitResult.Insufficient(price, balance.Available);
            }
        }

        var started = Texts.Get(request.Language, "gen.started", ("model", mode.Model.Name), ("mode", mode.Label.Get(request.Language)));
        var statusMessage = request.StatusMessageId is { } pressed
            ? await chat.EditAsync(request.ChatId, pressed, new Screen(started), ct).ConfigureAwait(false)
            : await chat.SendAsync(request.ChatId, new Screen(started), ct).ConfigureAwait(false);
        await store.Generations.SetStatusMessageAsync(id, statusMessage, ct).ConfigureAwait(false);

        KieTaskRef task;
        try
        {
            task = await kie.CreateTaskAsync(request.Input, settings.CallbackUrl, ct).ConfigureAwait(false);
        }
        catch (KieException e)
        {
            LogCreateFailed(id, mode.Key, e.Error.Kind, e.Error.Detail);
            await store.Errors.AddAsync(ErrorSources.Kie, e.Error.Kind.ToString(), e.Error.Code?.ToString(System.Globalization.CultureInfo.InvariantCulture), e.Error.Detail, $"generation {id} {mode.Key}", ct).ConfigureAwait(false);
            await GenerationOutcome.RefundAsync(store, id, key, e.Error, ct).ConfigureAwait(false);
            var message = FailureText(request.Language, e.Error.UserMessage(request.Language), price, key is null);
            await chat.EditAsync(request.ChatId, statusMessage, new Screen(message), ct).ConfigureAwait(false);
            return new SubmitResult.Failed(message);
        }

        await store.Generations.MoveAsync(id, GenerationState.Submitted, new GenerationChange { KieTaskId = task.TaskId }, ct).ConfigureAwait(false);
        LogSubmitted(id, mode.Key, task.TaskId, settings.DryRun);
        return new SubmitResult.Started(id);
    }

    /// <summary>What a user reads when a generation failed: the paid price is back, or the free one was not counted.</summary>
    public static string FailureText(string language, string message, Credits price, bool free) =>
        free ? Texts.Get(language, "gen.failed_free", ("message", message)) : Texts.Get(language, "gen.failed", ("message", message), ("price", price));

    [LoggerMessage(Level = LogLevel.Information, Message = "Generation {GenerationId} ({Mode}) submitted as KIE task {TaskId}, dry run {DryRun}")]
    private partial void LogSubmitted(string generationId, string mode, string taskId, bool dryRun);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Generation {GenerationId} ({Mode}) was refused by KIE: {Kind} {Detail}")]
    private partial void LogCreateFailed(string generationId, string mode, KieErrorKind kind, string detail);
}
