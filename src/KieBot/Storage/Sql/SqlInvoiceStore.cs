using Dapper;

namespace KieBot.Storage.Sql;

internal sealed class SqlInvoiceStore(SqlDatabase db) : IInvoiceStore
{
    public Task CreateAsync(Invoice invoice, CancellationToken cancellationToken = default) =>
        db.WriteAsync(
            w => w.Connection.ExecuteAsync(w.Command(
                "INSERT INTO invoices (id, user_id, credits, stars, status, charge_id, created_at, expires_at, paid_at) VALUES (@id, @userId, @credits, @stars, 'open', NULL, @created, @expires, NULL)",
                new { id = invoice.Id, userId = invoice.UserId, credits = invoice.Credits.Hundredths, stars = invoice.Stars, created = Times.Ms(invoice.CreatedAt), expires = Times.Ms(invoice.ExpiresAt) })),
            cancellationToken);

    public Task<Invoice?> GetAsync(string id, CancellationToken cancellationToken = default) =>
        db.ReadAsync(
            async c => await c.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(
                "SELECT id, user_id, credits, stars, status, charge_id, created_at, expires_at FROM invoices WHERE id = @id", new { id = db.Store(id) }, cancellationToken: cancellationToken)).ConfigureAwait(false) is { } r
                ? new Invoice(r.Id, r.UserId, new Credits(r.Credits), r.Stars, r.Status == "paid", r.ChargeId, Times.At(r.CreatedAt), Times.At(r.ExpiresAt))
                : null,
            cancellationToken);

    public async Task<bool> MarkPaidAsync(string id, string chargeId, CancellationToken cancellationToken = default) =>
        await db.WriteAsync(
            w => w.Connection.ExecuteAsync(w.Command(
                "UPDATE invoices SET status = 'paid', charge_id = @chargeId, paid_at = @now WHERE id = @id AND status = 'open'",
                new { id, chargeId = db.Store(chargeId), now = db.Now() })),
            cancellationToken).ConfigureAwait(false) == 1;

    private sealed class Row
    {
        public string Id { get; set; } = string.Empty;

        public long UserId { get; set; }

        public long Credits { get; set; }

        public long Stars { get; set; }

        public string Status { get; set; } = string.Empty;

        public string? ChargeId { get; set; }

        public long CreatedAt { get; set; }

        public long ExpiresAt { get; set; }
    }
}
