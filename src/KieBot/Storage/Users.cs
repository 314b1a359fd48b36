namespace KieBot.Storage;

/// <summary>A Telegram user of the bot.</summary>
public sealed record BotUser(
    long Id,
    string? Username,
    string? Language,
    bool Blocked,
    long? ReferrerId,
    DateTimeOffset CreatedAt,
    DateTimeOffset LastSeenAt);

public interface IUserStore
{
    /// <summary>Creates the user on first sight (with <paramref name="language"/> and <paramref name="referrerId"/>), else refreshes username and last-seen time.</summary>
    Task<BotUser> TouchAsync(long id, string? username, string? language, long? referrerId = null, CancellationToken cancellationToken = default);

    Task<BotUser?> GetAsync(long id, CancellationToken cancellationToken = default);

    Task SetLanguageAsync(long id, string language, CancellationToken cancellationToken = default);

    Task SetBlockedAsync(long id, bool blocked, CancellationToken cancellationToken = default);

    Task<long> CountAsync(CancellationToken cancellationToken = default);

    /// <summary>How many users joined through <paramref name="referrerId"/>'s link.</summary>
    Task<long> CountReferredAsync(long referrerId, CancellationToken cancellationToken = default);

    /// <summary>A user by Telegram username (without @, case-insensitive).</summary>
    Task<BotUser?> FindByUsernameAsync(string username, CancellationToken cancellationToken = default);

    /// <summary>Ids of users not blocked, in id order after <paramref name="afterId"/> (for broadcasts, a page at a time).</summary>
    Task<IReadOnlyList<long>> ListReachableAsync(long afterId, int limit, CancellationToken cancellationToken = default);

}
