using KieBot.Storage;
using Microsoft.Extensions.Logging;
using KieBot.Conversation;

namespace KieBot.Telegram;

/// <summary>
/// The one path every update takes, whatever the transport: claimed by update id (a repeat changes nothing), one update
/// at a time per user in this process, a failure of the database or the Bot API under it reported as
/// <see cref="UpdateOutcome.Retry"/> (the transport does not acknowledge it, so it comes again), and any other exception
/// turned into a friendly message plus a persisted error event, never a crash of the loop.
/// </summary>
public sealed partial class UpdatePipeline(ConversationEngine engine, IBotStore store, IChatSurface chat, KieBot.Storage.HostIdentity host, ILogger<UpdatePipeline> logger)
{
    // One gate per user with updates in hand, dropped when the last of them is done (no entry per user ever seen).
    private readonly Dictionary<long, UserGate> gates = [];
    private readonly Lock sync = new();

    public async Task<UpdateOutcome> HandleAsync(BotUpdate update, CancellationToken ct)
    {
        using var scope = logger.BeginScope(new Dictionary<string, object> { ["UpdateId"] = update.UpdateId, ["UserId"] = update.UserId });
        var gate = Enter(update.UserId);
        try
        {
            await gate.Semaphore.WaitAsync(ct).ConfigureAwait(false);
            try
            {
                var outcome = await engine.HandleAsync(update, host.Id, ct).ConfigureAwait(false);
                if (outcome == UpdateOutcome.Repeat)
                {
                    LogDuplicate(update.UpdateId);
                }

                return outcome;
            }
            catch (Exception e) when (TransientFailure.Is(e) && !ct.IsCancellationRequested)
            {
                LogRetry(update.UpdateId, update.UserId, e.GetType().Name, e.Message);
                await ReleaseAsync(update).ConfigureAwait(false);
                return UpdateOutcome.Retry;
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                // Stopping mid-update: the next host (or this one, restarted) takes it at once instead of after the claim expires.
                await ReleaseAsync(update).ConfigureAwait(false);
                throw;
            }
            catch (Exception e)
            {
                LogFailed(update.UpdateId, update.UserId, e);
                await ReportAsync(update, e, ct).ConfigureAwait(false);
                return UpdateOutcome.Handled;
            }
            finally
            {
                gate.Semaphore.Release();
            }
        }
        finally
        {
            Leave(update.UserId, gate);
        }
    }

    /// <summary>Users with updates being handled or waiting (for tests and benchmarks: it returns to zero when idle).</summary>
    public int ActiveUsers
    {
        get
        {
            lock (sync)
            {
                return gates.Count;
            }
        }
    }

    private UserGate Enter(long userId)
    {
        lock (sync)
        {
            if (!gates.TryGetValue(userId, out var gate))
            {
                gates[userId] = gate = new UserGate();
            }

            gate.Holders++;
            return gate;
        }
    }

    private void Leave(long userId, UserGate gate)
    {
        lock (sync)
        {
            if (--gate.Holders == 0)
            {
                gates.Remove(userId);
            }
        }
    }

    private sealed class UserGate
    {
        public SemaphoreSlim Semaphore { get; } = new(1, 1);

        public int Holders { get; set; }
    }

    /// <summary>Gives the claim up, so a re-delivery to another host need not wait for it to expire (the database may still be down: then it expires).</summary>
    private async Task ReleaseAsync(BotUpdate update)
    {
        try
        {
            await store.Updates.ReleaseAsync(update.UpdateId, host.Id, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception e) when (TransientFailure.Is(e))
        {
            LogReleaseFailed(update.UpdateId, e.Message);
        }
    }

    private async Task ReportAsync(BotUpdate update, Exception e, CancellationToken ct)
    {
        try
        {
            // Done: it would fail the same way again.
            await store.Updates.FinishAsync(update.UpdateId, update.UserId, null, ct).ConfigureAwait(false);
            await store.Errors.AddAsync(ErrorSource.Of(e), e.GetType().Name, null, e.Message, $"update {update.UpdateId} user {update.UserId}", ct).ConfigureAwait(false);
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

    [LoggerMessage(Level = LogLevel.Warning, Message = "Update {UpdateId} of user {UserId} not handled ({Kind}: {Reason}); it will come again")]
    private partial void LogRetry(long updateId, long userId, string kind, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not release the claim of update {UpdateId} ({Reason}); it expires by itself")]
    private partial void LogReleaseFailed(long updateId, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Update {UpdateId} of user {UserId} failed")]
    private partial void LogFailed(long updateId, long userId, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not report the failure of update {UpdateId}")]
    private partial void LogReportFailed(long updateId, Exception exception);
}
