namespace KieBot.Storage;

/// <summary>Telegram update ids already handled: Telegram re-delivers on errors and timeouts.</summary>
public interface IUpdateLog
{
    /// <summary>True for the first caller with <paramref name="updateId"/>, false for every repeat, under any concurrency.</summary>
    Task<bool> TryMarkAsync(long updateId, CancellationToken cancellationToken = default);

    /// <summary>
    /// What every update starts with, in one round trip: marks the update handled, creates or touches its user
    /// (username, last seen; language and referrer only when new) and reads the user's conversation. Null when the
    /// update was handled before (then only the user's last-seen time moved).
    /// </summary>
    Task<UpdateStart?> StartAsync(long updateId, long userId, string? username, string? language, long? referrerId = null, CancellationToken cancellationToken = default);
}

/// <summary>The user an update is from and their saved conversation (null when none).</summary>
public sealed record UpdateStart(BotUser User, Conversation? Conversation);
