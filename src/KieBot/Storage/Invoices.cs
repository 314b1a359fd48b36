namespace KieBot.Storage;

/// <summary>A Stars invoice: who may pay it, what it costs and credits, until when.</summary>
public sealed record Invoice(string Id, long UserId, Credits Credits, long Stars, bool Paid, string? ChargeId, DateTimeOffset CreatedAt, DateTimeOffset ExpiresAt);

public interface IInvoiceStore
{
    Task CreateAsync(Invoice invoice, CancellationToken cancellationToken = default);

    Task<Invoice?> GetAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>Marks the invoice paid by <paramref name="chargeId"/>; false when it was already paid.</summary>
    Task<bool> MarkPaidAsync(string id, string chargeId, CancellationToken cancellationToken = default);
}
