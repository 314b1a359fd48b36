using System.Collections.Concurrent;
using KieBot.Flows;
using KieBot.Storage;
using Microsoft.Extensions.Logging;

namespace KieBot.Telegram;

/// <summary>
/// The one path every update takes, whatever the transport: dedupe by update id, one update at a time per user, and
/// any exception turned into a friendly message plus a persisted error event, never a crash of the loop.
/// </summary>
public sealed partial class UpdatePipeline(FlowEngine engine, IBotStore store, IChatSurface chat, ILogger<UpdatePipeline> logger)
{
    private readonly ConcurrentDictionary<long, SemaphoreSlim> users = new();

    public async Task HandleAsync(BotUpdate update, CancellationToken ct)
    {
        if (!await store.Updates.TryMarkAsync(update.UpdateId, ct).ConfigureAwait(false))
        {
            LogDuplicate(update.UpdateId);
            return;
        }

        using var scope = logger.BeginScope(new Dictionary<string, object> { ["UpdateId"] = update.UpdateId, ["UserId"] = update.UserId });
        var gate = users.GetOrAdd(update.UserId, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            await engine.HandleAsync(update, ct).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            LogFailed(update.UpdateId, update.UserId, e);
            await ReportAsync(update, e, ct).ConfigureAwait(false);
        }
        finally
        {
            gate.Release();
        }
    }

    private async Task ReportAsync(BotUpdate update, Exception e, CancellationToken ct)
    {
        try
        {
            await store.Errors.AddAsync(ErrorSources.Of(e), e.GetType().Name, null, e.Message, $"update {update.UpdateId} user {update.UserId}", ct).ConfigureAwait(false);
            if (update.CallbackId is { } callback)
            {
                await chat.AnswerAsync(callback, null, ct).ConfigureAwait(false);
            }

            await chat.SendAsync(update.ChatId, new Screen(Texts.Get(Texts.Normalize(update.LanguageCode), "error.internal")), ct).ConfigureAwait(false);
        }
        catch (Exception inner) when (inner is not OperationCanceledException)
        {
            LogReportFailed(update.UpdateId, inner);
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Update {UpdateId} was already handled")]
    private partial void LogDuplicate(long updateId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Update {UpdateId} of user {UserId} failed")]
    private partial void LogFailed(long updateId, long userId, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not report the failure of update {UpdateId}")]
    private partial void LogReportFailed(long updateId, Exception exception);
}
