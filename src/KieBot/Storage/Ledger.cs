namespace KieBot.Storage;

/// <summary>The kinds of ledger rows. A refused reservation or deduction is kept as <see cref="Rejected"/> so that its key replays the same answer.</summary>
public enum LedgerKind
{
    Grant,
    TopUp,
    Reserve,
    Capture,
    Release,
    Adjust,
    Rejected,
}

/// <summary>Why credits were granted.</summary>
public enum GrantReason
{
    Admin,
    Bonus,
    Promo,
}

/// <summary>How a ledger call ended.</summary>
public enum LedgerStatus
{
    /// <summary>The row was written (or, on a replay, had been written) and the balance changed.</summary>
    Applied,

    /// <summary>Not enough available credits: nothing changed.</summary>
    Insufficient,

    /// <summary>The reservation was already captured or released by another call.</summary>
    AlreadyResolved,

    /// <summary>No reservation with that key.</summary>
    NotFound,
}

/// <summary>One immutable ledger row. Deltas say how it moved the user's available and reserved credits.</summary>
public sealed record LedgerEntry(
    long Id,
    string Key,
    long UserId,
    LedgerKind Kind,
    Credits Amount,
    Credits AvailableDelta,
    Credits ReservedDelta,
    string? ReservationKey,
    LedgerKind? Resolution,
    string? Reason,
    string? Note,
    bool DryRun,
    DateTimeOffset CreatedAt);

/// <summary>A user's credits: free to spend, and held by reservations.</summary>
public sealed record Balance(long UserId, Credits Available, Credits Reserved);

/// <summary>The answer of a ledger call. <see cref="Replayed"/> is true when the key had been used: the first answer, nothing changed.</summary>
public sealed record LedgerResult(LedgerStatus Status, LedgerEntry? Entry, bool Replayed)
{
    public bool Succeeded => Status == LedgerStatus.Applied;
}

/// <summary>Result of comparing every balance with the sum of its ledger rows (dry-run rows excluded).</summary>
public sealed record LedgerCheck(IReadOnlyList<long> MismatchedUsers, int NegativeBalances, long Entries, Credits TotalAvailable, Credits TotalReserved)
{
    public bool IsConsistent => MismatchedUsers.Count == 0 && NegativeBalances == 0;
}

/// <summary>
/// Credits, exactly. Every call is one ledger row under a UNIQUE idempotency key: the same key again returns the
/// first answer and changes nothing. A reservation never takes the available balance below zero; a reservation is
/// captured or released once. Dry-run rows are recorded and flagged but move no balance.
/// </summary>
public interface ILedger
{
    Task<LedgerResult> GrantAsync(long userId, Credits amount, string key, GrantReason reason, string? note = null, bool dryRun = false, CancellationToken cancellationToken = default);

    Task<LedgerResult> TopUpAsync(long userId, Credits amount, string key, string? paymentId = null, CancellationToken cancellationToken = default);

    Task<LedgerResult> ReserveAsync(long userId, Credits amount, string key, string? note = null, bool dryRun = false, CancellationToken cancellationToken = default);

    Task<LedgerResult> CaptureAsync(string reservationKey, string key, CancellationToken cancellationToken = default);

    /// <summary>
    /// Captures <paramref name="amount"/> of a reservation and gives the rest back to the available balance, in one row
    /// and one transaction (a metered call, or a task that made fewer images than it reserved for). Once per
    /// reservation, like a whole capture: the same key again answers the first capture, whatever amount it names.
    /// </summary>
    Task<LedgerResult> CaptureAsync(string reservationKey, string key, Credits amount, CancellationToken cancellationToken = default);

    Task<LedgerResult> ReleaseAsync(string reservationKey, string key, CancellationToken cancellationToken = default);

    /// <summary>Adds <paramref name="delta"/> (negative to deduct; never below zero).</summary>
    Task<LedgerResult> AdjustAsync(long userId, Credits delta, string key, string note, CancellationToken cancellationToken = default);

    Task<Balance> GetBalanceAsync(long userId, CancellationToken cancellationToken = default);

    Task<LedgerEntry?> FindAsync(string key, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<LedgerEntry>> HistoryAsync(long userId, int limit, CancellationToken cancellationToken = default);

    Task<LedgerCheck> CheckAsync(CancellationToken cancellationToken = default);
}
