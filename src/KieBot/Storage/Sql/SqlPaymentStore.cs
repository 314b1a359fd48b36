using Dapper;

namespace KieBot.Storage.Sql;

internal sealed class SqlPaymentStore(SqlDatabase db) : IPaymentStore
{
    private const string Columns = "id, provider, external_charge_id, user_id, amount, currency, credits, status, payload, created_at, updated_at";

    public async Task<(Payment Payment, bool Created)> RecordAsync(Payment p, CancellationToken cancellationToken = default)
    {
        var now = db.Now();
        var inserted = await db.WriteAsync(
            w => w.Connection.QuerySingleOrDefaultAsync<string>(w.Command(
                $"""
                INSERT INTO payments ({Columns})
                VALUES (@Id, @Provider, @ExternalChargeId, @UserId, @Amount, @Currency, @Credits, @Status, @Payload, @now, @now)
                ON CONFLICT (provider, external_charge_id) DO NOTHING
                RETURNING id
                """,
                new
                {
                    p.Id, Provider = db.Store(p.Provider), ExternalChargeId = db.Store(p.ExternalChargeId), p.UserId, p.Amount, p.Currency,
                    Credits = p.Credits.Hundredths, Status = p.Status.ToString().ToLowerInvariant(), Payload = db.Store(p.Payload), now,
                })),
            cancellationToken).ConfigureAwait(false);
        var stored = await FindByChargeAsync(p.Provider, p.ExternalChargeId, cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException("A recorded payment cannot be read back.");
        return (stored, inserted is not null);
    }

    public Task<Payment?> GetAsync(string id, CancellationToken cancellationToken = default) =>
        FindAsync("id = @id", new { id }, cancellationToken);

    public Task<Payment?> FindByChargeAsync(string provider, string externalChargeId, CancellationToken cancellationToken = default) =>
        FindAsync("provider = @provider AND external_charge_id = @charge", new { provider = db.Store(provider), charge = db.Store(externalChargeId) }, cancellationToken);

    public async Task<bool> MoveAsync(string id, PaymentStatus from, PaymentStatus to, CancellationToken cancellationToken = default) =>
        await db.WriteAsync(
            w => w.Connection.ExecuteAsync(w.Command(
                "UPDATE payments SET status = @to, updated_at = @now WHERE id = @id AND status = @from",
                new { id, from = from.ToString().ToLowerInvariant(), to = to.ToString().ToLowerInvariant(), now = db.Now() })),
            cancellationToken).ConfigureAwait(false) == 1;

    public Task<IReadOnlyList<Payment>> ListByUserAsync(long userId, int limit, CancellationToken cancellationToken = default) =>
        db.ReadAsync<IReadOnlyList<Payment>>(
            async c => (await c.QueryAsync<Row>(new CommandDefinition(
                $"SELECT {Columns} FROM payments WHERE user_id = @userId ORDER BY created_at DESC, id DESC LIMIT @limit", new { userId, limit }, cancellationToken: cancellationToken)).ConfigureAwait(false))
                .Select(Map).ToList(),
            cancellationToken);

    private Task<Payment?> FindAsync(string where, object parameters, CancellationToken cancellationToken) =>
        db.ReadAsync(
            async c => await c.QuerySingleOrDefaultAsync<Row>(new CommandDefinition($"SELECT {Columns} FROM payments WHERE {where}", parameters, cancellationToken: cancellationToken)).ConfigureAwait(false) is { } row
                ? Map(row)
                : null,
            cancellationToken);

    private Payment Map(Row r) => new(
        r.Id, db.Load(r.Provider)!, db.Load(r.ExternalChargeId)!, r.UserId, r.Amount, r.Currency, new Credits(r.Credits),
        Enum.Parse<PaymentStatus>(r.Status, ignoreCase: true), db.Load(r.Payload), Times.At(r.CreatedAt), Times.At(r.UpdatedAt));

    private sealed class Row
    {
        public string Id { get; set; } = string.Empty;

        public string Provider { get; set; } = string.Empty;

        public string ExternalChargeId { get; set; } = string.Empty;

        public long UserId { get; set; }

        public long Amount { get; set; }

        public string Currency { get; set; } = string.Empty;

        public long Credits { get; set; }

        public string Status { get; set; } = string.Empty;

        public string? Payload { get; set; }

        public long CreatedAt { get; set; }

        public long UpdatedAt { get; set; }
    }
}
