namespace KieBot.Storage;

public enum PaymentStatus
{
    Pending,
    Paid,
    Credited,
    Refunded,
    Failed,
}

/// <summary>A payment from a provider; (provider, external charge id) is unique, so a charge is credited once.</summary>
public sealed record Payment(
    string Id,
    string Provider,
    string ExternalChargeId,
    long UserId,
    long Amount,
    string Currency,
    Credits Credits,
    PaymentStatus Status,
    string? Payload,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt);

public interface IPaymentStore
{
    /// <summary>Records the payment; when the charge is already known, returns the stored one and <c>Created</c> false.</summary>
    Task<(Payment Payment, bool Created)> RecordAsync(Payment payment, CancellationToken cancellationToken = default);

    Task<Payment?> GetAsync(string id, CancellationToken cancellationToken = default);

    Task<Payment?> FindByChargeAsync(string provider, string externalChargeId, CancellationToken cancellationToken = default);

    /// <summary>Moves the status only from <paramref name="from"/>; false when it was not in that status.</summary>
    Task<bool> MoveAsync(string id, PaymentStatus from, PaymentStatus to, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<Payment>> ListByUserAsync(long userId, int limit, CancellationToken cancellationToken = default);
}
