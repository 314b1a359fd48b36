namespace KieBot.Storage;

/// <summary>started → answered → settled; started → failed → refunded. Each move is a compare-and-set, so a retry changes nothing.</summary>
public enum MeteredCallState
{
    Started,
    Answered,
    Settled,
    Failed,
    Refunded,
}

/// <summary>
/// One chat call billed by the tokens KIE counts: an upper bound reserved before the call (<see cref="Reserved"/>), the
/// answer kept with its usage and its price (<see cref="Charge"/>) before the capture, and then the capture of exactly
/// that price with the rest released. A free call (<see cref="FreeDay"/> set) reserves nothing.
/// </summary>
public sealed record MeteredCall
{
    public required string Id { get; init; }

    public required long UserId { get; init; }

    public required long ChatId { get; init; }

    /// <summary>What the call is for (a feature's name: the prompt coach, the text shelf); free allowances count per purpose.</summary>
    public required string Purpose { get; init; }

    /// <summary>The conversation the call belongs to: the recent calls of one thread are the next call's context.</summary>
    public required string Thread { get; init; }

    /// <summary>The chat model's catalog id.</summary>
    public required string ChatModel { get; init; }

    /// <summary>What the user asked (the text kept with the answer, for the thread's context and history).</summary>
    public required string Prompt { get; init; }

    /// <summary>The reservation of <see cref="Reserved"/>; null for a free call.</summary>
    public string? ReservationKey { get; init; }

    public Credits Reserved { get; init; }

    /// <summary>The day (yyyy-MM-dd in the free quota's time zone) a free call counts against; null when paid.</summary>
    public string? FreeDay { get; init; }

    public MeteredCallState State { get; init; } = MeteredCallState.Started;

    public int? InputTokens { get; init; }

    public int? OutputTokens { get; init; }

    /// <summary>What the answer costs the user (its usage priced), never above <see cref="Reserved"/>; null until answered.</summary>
    public Credits? Charge { get; init; }

    public string? Answer { get; init; }

    public string? Error { get; init; }

    public bool DryRun { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset UpdatedAt { get; init; }
}

/// <summary>The chat calls billed by usage (see <see cref="MeteredCall"/>).</summary>
public interface IMeteredCallStore
{
    /// <summary>Reserves <see cref="MeteredCall.Reserved"/> and records the call in one transaction: a refused reservation records nothing.</summary>
    Task<LedgerResult> StartReservedAsync(MeteredCall call, CancellationToken cancellationToken = default);

    /// <summary>
    /// Records a free call if the user has fewer than <paramref name="dailyAllowance"/> free calls of its purpose on its
    /// day that were not refunded (count and insert in one transaction serialized per user). False when it is used up.
    /// </summary>
    Task<bool> StartFreeAsync(MeteredCall call, int dailyAllowance, CancellationToken cancellationToken = default);

    /// <summary>The user's free calls of <paramref name="purpose"/> on <paramref name="day"/> that use the allowance.</summary>
    Task<int> CountFreeAsync(long userId, string purpose, string day, CancellationToken cancellationToken = default);

    /// <summary>
    /// started → answered, keeping the answer, its usage and its price (capped at the reservation) before anything is
    /// captured. False when the call is no longer started (a sweep refunded it meanwhile, or a replay).
    /// </summary>
    Task<bool> AnswerAsync(string id, int inputTokens, int outputTokens, Credits charge, string answer, CancellationToken cancellationToken = default);

    /// <summary>
    /// answered → settled: captures the kept price of the reservation and releases the rest, in one ledger row and
    /// transaction, once (the capture's key is the call's: a retry, or a host that settles it after a restart, replays
    /// it). Returns the capture (null for a free call, or when the call is not answered).
    /// </summary>
    Task<LedgerResult?> SettleAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>started → failed → refunded: the reservation released once (a call that died before KIE answered). False when it was answered meanwhile.</summary>
    Task<bool> RefundAsync(string id, string error, CancellationToken cancellationToken = default);

    Task<MeteredCall?> GetAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>
    /// What a sweep settles: answered calls not yet captured, failed ones not yet refunded, and started ones untouched
    /// since <paramref name="staleBefore"/> (the host died before KIE answered). Oldest first.
    /// </summary>
    Task<IReadOnlyList<MeteredCall>> ListUnsettledAsync(DateTimeOffset staleBefore, int max, CancellationToken cancellationToken = default);

    /// <summary>The newest <paramref name="limit"/> answered or settled calls of a thread, oldest first (the next call's context).</summary>
    Task<IReadOnlyList<MeteredCall>> ListThreadAsync(long userId, string thread, int limit, CancellationToken cancellationToken = default);

    /// <summary>The user's calls of <paramref name="purpose"/>, newest first.</summary>
    Task<IReadOnlyList<MeteredCall>> ListByUserAsync(long userId, string purpose, int limit, int offset = 0, CancellationToken cancellationToken = default);
}
