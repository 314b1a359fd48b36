namespace KieBot.Storage;

/// <summary>
/// Telegram update ids and how far their handling got. Telegram re-delivers an update it was not answered 2xx for (and
/// long polling re-reads one whose offset was not passed), so an update is claimed when its handling starts and marked
/// done when it ends: a repeat of a done update changes nothing, a re-delivery of one that never finished (the database
/// or Telegram failed under it, or its host died) is handled again.
/// </summary>
public interface IUpdateLog
{
    /// <summary>Marks an update done at once; true for the first caller with <paramref name="updateId"/>, false for every repeat, under any concurrency.</summary>
    Task<bool> TryMarkAsync(long updateId, CancellationToken cancellationToken = default);

    /// <summary>
    /// What every update starts with, in one round trip: claims the update for <paramref name="holder"/>, creates or
    /// touches its user (username, last seen; language and referrer only when new) and reads the user's conversation.
    /// A claim is granted for a new update, or one not done that <paramref name="holder"/> holds itself or whose claim is
    /// older than <paramref name="claimExpiry"/> (its handler is gone); otherwise the update is a repeat (done) or busy
    /// (another handler is on it now).
    /// </summary>
    Task<UpdateStart> StartAsync(UpdateClaimRequest request, CancellationToken cancellationToken = default);

    /// <summary>
    /// Ends a claimed update in one round trip: marks it done and, when <paramref name="state"/> is given, saves the user's
    /// conversation unless a newer update (a higher id) saved it already.
    /// </summary>
    Task FinishAsync(long updateId, long userId, string? state, CancellationToken cancellationToken = default);

    /// <summary>
    /// Gives up <paramref name="holder"/>'s claim of an update that did not finish, so a re-delivery to any host is
    /// handled at once (and still counts as a retry: what the first attempt did first may be missing).
    /// </summary>
    Task ReleaseAsync(long updateId, string holder, CancellationToken cancellationToken = default);
}

/// <summary>An update to claim: its id, who claims it and for how long, and the user it is from.</summary>
public sealed record UpdateClaimRequest(long UpdateId, string Holder, TimeSpan ClaimExpiry, long UserId, string? Username, string? Language, long? ReferrerId = null);

/// <summary>Whether an update is this handler's to handle.</summary>
public enum UpdateClaim
{
    /// <summary>Claimed: handle it, then finish it.</summary>
    Claimed,

    /// <summary>Handled to the end before: a repeat.</summary>
    Done,

    /// <summary>Another handler holds it and may still be working on it: try again later.</summary>
    Busy,
}

/// <summary>
/// The claim, the user an update is from and their saved conversation (null when none); <paramref name="Retried"/> when an
/// earlier attempt at this update claimed it and did not finish (what it did first, such as a welcome grant, may be missing).
/// </summary>
public sealed record UpdateStart(UpdateClaim Claim, BotUser User, Conversation? Conversation, bool Retried = false);
