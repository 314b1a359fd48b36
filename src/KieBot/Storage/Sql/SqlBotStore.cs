using KieBot.Storage.Migrations;

namespace KieBot.Storage.Sql;

/// <summary>The stores over one database.</summary>
internal sealed class SqlBotStore(SqlDatabase db) : IBotStore
{
    public string Dialect => db.Dialect;

    public string Description => db.Description;

    public IUserStore Users { get; } = new SqlUserStore(db);

    public IConversationStore Conversations { get; } = new SqlConversationStore(db);

    public IGenerationStore Generations { get; } = new SqlGenerationStore(db);

    public ILedger Ledger { get; } = db.CreateLedger();

    public IPaymentStore Payments { get; } = new SqlPaymentStore(db);

    public IUpdateLog Updates { get; } = new SqlUpdateLog(db);

    public IErrorLog Errors { get; } = new SqlErrorLog(db);

    public ISettingsStore Settings { get; } = new SqlSettingsStore(db);

    public Task<IReadOnlyList<int>> MigrateAsync(CancellationToken cancellationToken = default) => Migrator.MigrateAsync(db, cancellationToken);

    public Task<int> SchemaVersionAsync(CancellationToken cancellationToken = default) => Migrator.VersionAsync(db, cancellationToken);

    public Task<long> SizeAsync(CancellationToken cancellationToken = default) => db.SizeAsync(cancellationToken);

    public ValueTask DisposeAsync() => db.DisposeAsync();
}
