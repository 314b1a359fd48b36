using System.Data;
using System.Data.Common;
using Dapper;
using KieBot.Storage.Sql;
using Npgsql;

namespace KieBot.Storage.Postgres;

/// <summary>PostgreSQL through one pooled <see cref="NpgsqlDataSource"/>; writes run in Read Committed transactions.</summary>
internal sealed class PostgresDatabase : SqlDatabase
{
    private readonly NpgsqlDataSource source;

    /// <summary>Connections whose commits do not wait for the WAL flush, for <see cref="WriteRelaxedAsync"/> only.</summary>
    private readonly NpgsqlDataSource relaxed;
    private LedgerBatcher? batcher;

    public PostgresDatabase(string databaseUrl, TimeProvider time)
        : base(time)
    {
        var builder = PostgresConnection.Parse(databaseUrl);
        Description = PostgresConnection.Describe(builder);

        // No session state is ever set, so a pooled connection needs no DISCARD ALL (which would also drop the plans
        // cached inside the ledger functions), and statements run often are prepared once per connection.
        builder.NoResetOnClose = true;
        if (builder.MaxAutoPrepare == 0)
        {
            builder.MaxAutoPrepare = 32;
        }

        source = NpgsqlDataSource.Create(builder);
        var relaxedBuilder = new NpgsqlConnectionStringBuilder(builder.ConnectionString)
        {
            Options = ((builder.Options ?? string.Empty) + " -c synchronous_commit=off").Trim(),
            ApplicationName = (builder.ApplicationName ?? "kiebot") + " (relaxed)",
        };
        relaxed = NpgsqlDataSource.Create(relaxedBuilder);
    }

    public override string Dialect => "postgres";

    public override string Description { get; }

    public override string In(string column, string parameter) => $"{column} = ANY({parameter})";

    public override string SkipLocked => "FOR UPDATE SKIP LOCKED";

    public override string? MigrationLock => "SELECT pg_advisory_xact_lock(7245001)";

    // The two-key form has its own key space (it never meets the migration lock's single key).
    public override string? UserLock => "SELECT pg_advisory_xact_lock(7245002, hashtext(@userId::text))";

    public override async Task<DbConnection> OpenAsync(CancellationToken cancellationToken) =>
        await source.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);

    public override async Task<T> WriteAsync<T>(Func<WriteScope, Task<T>> work, CancellationToken cancellationToken)
    {
        await using var connection = await source.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(IsolationLevel.ReadCommitted, cancellationToken).ConfigureAwait(false);
        return await RunAsync(connection, transaction, work, cancellationToken).ConfigureAwait(false);
    }

    public override async Task<T> WriteRelaxedAsync<T>(Func<WriteScope, Task<T>> work, CancellationToken cancellationToken)
    {
        await using var connection = await relaxed.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        return await work(new WriteScope(connection, null, cancellationToken)).ConfigureAwait(false);
    }

    public override Task<long> SizeAsync(CancellationToken cancellationToken) =>
        ReadAsync(c => c.ExecuteScalarAsync<long>(new CommandDefinition("SELECT pg_database_size(current_database())", cancellationToken: cancellationToken)), cancellationToken);

    public override ILedger CreateLedger() => new PostgresLedger(this, batcher ??= new LedgerBatcher(this));

    public override string? Store(string? text) => NulSafeText.Encode(text);

    public override string? Load(string? text) => NulSafeText.Decode(text);

    public override async ValueTask DisposeAsync()
    {
        if (batcher is not null)
        {
            await batcher.DisposeAsync().ConfigureAwait(false);
        }

        await source.DisposeAsync().ConfigureAwait(false);
        await relaxed.DisposeAsync().ConfigureAwait(false);
    }
}
