using KieBot.Storage.Migrations;

namespace KieBot.Storage.Sql;

/// <summary>The stores over one database.</summary>
internal sealed class SqlBotStore : IBotStore
{
    private readonly SqlDatabase db;

    public SqlBotStore(SqlDatabase db)
    {
        this.db = db;
        var ledger = (SqlLedger)db.CreateLedger();
        Ledger = ledger;
        Generations = new SqlGenerationStore(db, ledger);
        Users = new SqlUserStore(db);
        Conversations = new SqlConversationStore(db);
        Payments = new SqlPaymentStore(db);
        Updates = new SqlUpdateLog(db);
        Errors = new SqlErrorLog(db);
        Settings = new SqlSettingsStore(db);
    }

    public string Dialect => db.Dialect;

    public string Description => db.Description;

    public IUserStore Users { get; }

    public IConversationStore Conversations { get; }

    public IGenerationStore Generations { get; }

    public ILedger Ledger { get; }

    public IPaymentStore Payments { get; }

    public IUpdateLog Updates { get; }

    public IErrorLog Errors { get; }

    public ISettingsStore Settings { get; }

    public Task<IReadOnlyList<int>> MigrateAsync(CancellationToken cancellationToken = default) => Migrator.MigrateAsync(db, cancellationToken);

    public Task<int> SchemaVersionAsync(CancellationToken cancellationToken = default) => Migrator.VersionAsync(db, cancellationToken);

    public Task<long> SizeAsync(CancellationToken cancellationToken = default) => db.SizeAsync(cancellationToken);

    public ValueTask DisposeAsync() => db.DisposeAsync();
}
