using KieBot.Storage;
using KieBot.Telegram;
using Microsoft.Extensions.Logging;
using KieBot.Conversation;

namespace KieBot.Features.Admin;

/// <summary>
/// Sends one text to every reachable user in the background, under Telegram's ~30 messages/s (Telegram.Bot itself
/// waits out a 429's retry_after); users who blocked the bot are marked blocked; the admin's status message shows
/// progress and the final report.
/// </summary>
public sealed partial class Broadcaster(IBotStore store, IChatSurface chat, TimeProvider time, ILogger<Broadcaster> logger)
{
    /// <summary>Pause between two messages (25 messages/s).</summary>
    public TimeSpan Pace { get; init; } = TimeSpan.FromMilliseconds(40);

    /// <summary>The broadcast running now, if any (tests and shutdown wait on it).</summary>
    public Task? Current { get; private set; }

    public void Start(long adminChat, int statusMessage, string language, string text) =>
        Current = Task.Run(() => RunAsync(adminChat, statusMessage, language, text, CancellationToken.None));

    public async Task RunAsync(long adminChat, int statusMessage, string language, string text, CancellationToken ct)
    {
        int sent = 0, blocked = 0, failed = 0;
        long after = 0;
        while (true)
        {
            var page = await store.Users.ListReachableAsync(after, 500, ct).ConfigureAwait(false);
            if (page.Count == 0)
            {
                break;
            }

            foreach (var user in page)
            {
                try
                {
                    await chat.SendAsync(user, new Screen(text), ct).ConfigureAwait(false);
                    sent++;
                }
                catch (ChatUnavailableException)
                {
                    await store.Users.SetBlockedAsync(user, true, ct).ConfigureAwait(false);
                    blocked++;
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    LogFailed(user, e.Message);
                    failed++;
                }

                if ((sent + blocked + failed) % 100 == 0)
                {
                    await chat.EditAsync(adminChat, statusMessage, new Screen(Texts.Get(language, "admin.broadcast_progress", ("sent", sent), ("blocked", blocked), ("failed", failed))), ct).ConfigureAwait(false);
                }

                await Task.Delay(Pace, time, ct).ConfigureAwait(false);
            }

            after = page[^1];
        }

        await chat.EditAsync(adminChat, statusMessage, new Screen(Texts.Get(language, "admin.broadcast_done", ("sent", sent), ("blocked", blocked), ("failed", failed))), ct).ConfigureAwait(false);
        LogDone(sent, blocked, failed);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Broadcast to user {UserId} failed: {Reason}")]
    private partial void LogFailed(long userId, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Broadcast finished: {Sent} sent, {Blocked} blocked, {Failed} failed")]
    private partial void LogDone(int sent, int blocked, int failed);
}
