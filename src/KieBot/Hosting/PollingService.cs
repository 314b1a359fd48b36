using KieBot.Telegram;
using global::Telegram.Bot;
using global::Telegram.Bot.Exceptions;

namespace KieBot.Hosting;

/// <summary>Long polling: removes any webhook, then reads updates with <c>getUpdates</c> and hands each to the pipeline.</summary>
internal sealed partial class PollingService(ITelegramBotClient bot, UpdatePipeline pipeline, TimeProvider time, ILogger<PollingService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await bot.DeleteWebhook(cancellationToken: stoppingToken).ConfigureAwait(false);
        var me = await bot.GetMe(stoppingToken).ConfigureAwait(false);
        LogStarted(me.Username ?? me.FirstName);
        int? offset = null;
        var pause = TimeSpan.FromSeconds(1);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var updates = await bot.GetUpdates(offset, 100, 30, UpdateMapper.Allowed, stoppingToken).ConfigureAwait(false);
                pause = TimeSpan.FromSeconds(1);
                if (updates.Length == 0)
                {
                    continue;
                }

                // Users are independent: a batch's users are handled at once, each user's updates in order. The offset
                // moves past the batch only when all of it is handled, so a stop re-reads what was not.
                var byUser = updates.Select(UpdateMapper.Map).OfType<BotUpdate>().GroupBy(u => u.UserId);
                await Task.WhenAll(byUser.Select(user => HandleInOrderAsync(user, stoppingToken))).ConfigureAwait(false);
                offset = updates[^1].Id + 1;
            }
            catch (Exception e) when (e is ApiRequestException or HttpRequestException or RequestException)
            {
                LogPollFailed(e.Message, pause);
                await Task.Delay(pause, time, stoppingToken).ConfigureAwait(false);
                pause = TimeSpan.FromSeconds(Math.Min(pause.TotalSeconds * 2, 60));
            }
        }
    }

    private async Task HandleInOrderAsync(IEnumerable<BotUpdate> updates, CancellationToken ct)
    {
        foreach (var update in updates)
        {
            await pipeline.HandleAsync(update, ct).ConfigureAwait(false);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Long polling as @{Bot}")]
    private partial void LogStarted(string bot);

    [LoggerMessage(Level = LogLevel.Warning, Message = "getUpdates failed ({Reason}); retrying in {Pause}")]
    private partial void LogPollFailed(string reason, TimeSpan pause);
}
