using KieBot.Telegram;
using global::Telegram.Bot;
using global::Telegram.Bot.Exceptions;
using global::Telegram.Bot.Types;

namespace KieBot.Hosting;

/// <summary>
/// Long polling: removes any webhook, then reads updates with <c>getUpdates</c> and hands each to its user's queue.
/// Users are independent: a slow user never holds the next <c>getUpdates</c> or anyone else, and each user's updates
/// run in order. The offset passed to Telegram (which confirms every update below it) never passes an update that is
/// not finished: one that failed on the database or the Bot API is retried with a back-off, and one still in hand when
/// the host stops is delivered again to the next start.
/// </summary>
internal sealed partial class PollingService(ITelegramBotClient bot, UpdatePipeline pipeline, TimeProvider time, ILogger<PollingService> logger) : BackgroundService
{
    /// <summary>How often Telegram is asked again while updates are in hand (they come back with the new ones and are skipped).</summary>
    public static readonly TimeSpan BusyPoll = TimeSpan.FromMilliseconds(300);

    private readonly SortedSet<int> unfinished = [];
    private readonly Dictionary<long, Task> userTails = [];
    private readonly Lock sync = new();
    private int nextOffset;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await bot.DeleteWebhook(cancellationToken: stoppingToken).ConfigureAwait(false);
        var me = await bot.GetMe(stoppingToken).ConfigureAwait(false);
        LogStarted(me.Username ?? me.FirstName);
        var pause = TimeSpan.FromSeconds(1);
        var finished = new SemaphoreSlim(0);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var busy = Busy;
                var updates = await bot.GetUpdates(Offset, 100, busy ? 0 : 30, UpdateMapper.Allowed, stoppingToken).ConfigureAwait(false);
                pause = TimeSpan.FromSeconds(1);
                foreach (var update in updates)
                {
                    Dispatch(update, finished, stoppingToken);
                }

                if (Busy)
                {
                    // Updates in hand come back on every read until they are finished: read again shortly, or as soon as one finishes.
                    using var wait = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
                    var delay = Task.Delay(BusyPoll, time, wait.Token);
                    await Task.WhenAny(delay, finished.WaitAsync(wait.Token)).ConfigureAwait(false);
                    await wait.CancelAsync().ConfigureAwait(false);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is ApiRequestException or HttpRequestException or RequestException)
            {
                LogPollFailed(e.Message, pause);
                await Task.Delay(pause, time, stoppingToken).ConfigureAwait(false);
                pause = TimeSpan.FromSeconds(Math.Min(pause.TotalSeconds * 2, 60));
            }
        }
    }

    /// <summary>The lowest update not finished, or past the newest seen: Telegram forgets every update below it.</summary>
    private int? Offset
    {
        get
        {
            lock (sync)
            {
                return unfinished.Count > 0 ? unfinished.Min : nextOffset == 0 ? null : nextOffset;
            }
        }
    }

    private bool Busy
    {
        get
        {
            lock (sync)
            {
                return unfinished.Count > 0;
            }
        }
    }

    private void Dispatch(Update update, SemaphoreSlim finished, CancellationToken ct)
    {
        lock (sync)
        {
            // In hand, or finished: Telegram sends them again while the offset stays below an unfinished one.
            if (unfinished.Contains(update.Id) || update.Id < nextOffset)
            {
                return;
            }

            unfinished.Add(update.Id);
            nextOffset = Math.Max(nextOffset, update.Id + 1);
            if (UpdateMapper.Map(update) is not { } mapped)
            {
                unfinished.Remove(update.Id);
                return;
            }

            var previous = userTails.GetValueOrDefault(mapped.UserId, Task.CompletedTask);
            Task tail = null!;
            tail = Task.Run(
                async () =>
                {
                    await previous.ConfigureAwait(false);
                    try
                    {
                        if (await HandleUntilDoneAsync(mapped, ct).ConfigureAwait(false))
                        {
                            lock (sync)
                            {
                                unfinished.Remove(update.Id);
                            }

                            finished.Release();
                        }
                    }
                    finally
                    {
                        lock (sync)
                        {
                            if (userTails.GetValueOrDefault(mapped.UserId) == tail)
                            {
                                userTails.Remove(mapped.UserId);
                            }
                        }
                    }
                },
                CancellationToken.None);
            userTails[mapped.UserId] = tail;
        }
    }

    /// <summary>Handles one update, retrying while the database or the Bot API fails under it; false when stopped first.</summary>
    private async Task<bool> HandleUntilDoneAsync(BotUpdate update, CancellationToken ct)
    {
        var pause = TimeSpan.FromSeconds(1);
        while (!ct.IsCancellationRequested)
        {
            try
            {
                if (await pipeline.HandleAsync(update, ct).ConfigureAwait(false) != UpdateOutcome.Retry)
                {
                    return true;
                }

                await Task.Delay(pause, time, ct).ConfigureAwait(false);
                pause = TimeSpan.FromSeconds(Math.Min(pause.TotalSeconds * 2, 30));
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                return false;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // Never end a user's queue: their later updates wait behind this one, which is tried again.
                LogHandleFailed(update.UpdateId, e.Message);
                await Task.Delay(pause, time, ct).ConfigureAwait(false);
            }
        }

        return false;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Long polling as @{Bot}")]
    private partial void LogStarted(string bot);

    [LoggerMessage(Level = LogLevel.Error, Message = "Update {UpdateId} failed outside the pipeline ({Reason}); trying it again")]
    private partial void LogHandleFailed(long updateId, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "getUpdates failed ({Reason}); retrying in {Pause}")]
    private partial void LogPollFailed(string reason, TimeSpan pause);
}
