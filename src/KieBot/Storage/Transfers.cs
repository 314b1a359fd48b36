namespace KieBot.Storage;

public enum TransferStatus
{
    Pending,
    Approved,
    Rejected,
}

/// <summary>A bank transfer a user reported with a receipt: the amount they wrote, the credits it buys, the receipt file.</summary>
public sealed record BankTransfer(
    string Id,
    long UserId,
    long ChatId,
    decimal Rubles,
    Credits Credits,
    string FileId,
    string FileKind,
    TransferStatus Status,
    long? DecidedBy,
    DateTimeOffset CreatedAt,
    DateTimeOffset? DecidedAt);

public interface ITransferStore
{
    Task CreateAsync(BankTransfer transfer, CancellationToken cancellationToken = default);

    Task<BankTransfer?> GetAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>
    /// Decides a pending transfer: approval moves it to approved and tops the credits up (key <c>topup:bank:ID</c>) in one
    /// transaction; rejection moves it to rejected. Null when the transfer is unknown or was decided before (nothing changes).
    /// </summary>
    Task<BankTransfer?> DecideAsync(string id, bool approve, long adminId, CancellationToken cancellationToken = default);

    /// <summary>Transfers waiting for the admin, oldest first.</summary>
    Task<IReadOnlyList<BankTransfer>> PendingAsync(int limit, CancellationToken cancellationToken = default);
}
