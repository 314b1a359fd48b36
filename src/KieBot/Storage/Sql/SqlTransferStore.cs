using Dapper;

namespace KieBot.Storage.Sql;

internal sealed class SqlTransferStore(SqlDatabase db, SqlLedger ledger) : ITransferStore
{
    private const string Columns = "id, user_id, chat_id, kopecks, credits, file_id, file_kind, status, decided_by, created_at, decided_at";

    public Task CreateAsync(BankTransfer t, CancellationToken cancellationToken = default) =>
        db.WriteAsync(
            w => w.Connection.ExecuteAsync(w.Command(
                $"INSERT INTO bank_transfers ({Columns}) VALUES (@Id, @UserId, @ChatId, @kopecks, @credits, @FileId, @FileKind, @status, NULL, @now, NULL)",
                new { t.Id, t.UserId, t.ChatId, kopecks = (long)(t.Rubles * 100m), credits = t.Credits.Hundredths, FileId = db.Store(t.FileId), t.FileKind, status = Wire(TransferStatus.Pending), now = db.Now() })),
            cancellationToken);

    public Task<BankTransfer?> GetAsync(string id, CancellationToken cancellationToken = default) =>
        db.ReadAsync(
            async c => await c.QuerySingleOrDefaultAsync<Row>(new CommandDefinition($"SELECT {Columns} FROM bank_transfers WHERE id = @id", new { id }, cancellationToken: cancellationToken)).ConfigureAwait(false) is { } row ? Map(row) : null,
            cancellationToken);

    public Task<BankTransfer?> DecideAsync(string id, bool approve, long adminId, CancellationToken cancellationToken = default) =>
        db.WriteAsync(
            async w =>
            {
                var row = await w.Connection.QuerySingleOrDefaultAsync<Row>(w.Command(
                    $"UPDATE bank_transfers SET status = @status, decided_by = @adminId, decided_at = @now WHERE id = @id AND status = 'pending' RETURNING {Columns}",
                    new { id, status = Wire(approve ? TransferStatus.Approved : TransferStatus.Rejected), adminId, now = db.Now() })).ConfigureAwait(false);
                if (row is null)
                {
                    return null;
                }

                var transfer = Map(row);
                if (approve)
                {
                    await ledger.TopUpInAsync(w, transfer.UserId, transfer.Credits, "topup:bank:" + transfer.Id, transfer.Id).ConfigureAwait(false);
                }

                return transfer;
            },
            cancellationToken);

    public Task<IReadOnlyList<BankTransfer>> PendingAsync(int limit, CancellationToken cancellationToken = default) =>
        db.ReadAsync<IReadOnlyList<BankTransfer>>(
            async c => (await c.QueryAsync<Row>(new CommandDefinition(
                $"SELECT {Columns} FROM bank_transfers WHERE status = 'pending' ORDER BY created_at, id LIMIT @limit", new { limit }, cancellationToken: cancellationToken)).ConfigureAwait(false)).Select(Map).ToList(),
            cancellationToken);

    private static string Wire(TransferStatus status) => status.ToString().ToLowerInvariant();

    private BankTransfer Map(Row r) => new(
        r.Id, r.UserId, r.ChatId, r.Kopecks / 100m, new Credits(r.Credits), db.Load(r.FileId)!, r.FileKind,
        Enum.Parse<TransferStatus>(r.Status, ignoreCase: true), r.DecidedBy, Times.At(r.CreatedAt), Times.At(r.DecidedAt));

    private sealed class Row
    {
        public string Id { get; set; } = string.Empty;

        public long UserId { get; set; }

        public long ChatId { get; set; }

        public long Kopecks { get; set; }

        public long Credits { get; set; }

        public string FileId { get; set; } = string.Empty;

        public string FileKind { get; set; } = string.Empty;

        public string Status { get; set; } = string.Empty;

        public long? DecidedBy { get; set; }

        public long CreatedAt { get; set; }

        public long? DecidedAt { get; set; }
    }
}
