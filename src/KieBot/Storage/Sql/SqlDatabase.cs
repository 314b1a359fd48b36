using System.Data.Common;
using Dapper;

namespace KieBot.Storage.Sql;

/// <summary>An open write transaction; <see cref="RollbackAsync"/> undoes it instead of committing.</summary>
internal sealed class WriteScope(DbConnection connection, DbTransaction? transaction, CancellationToken cancellationToken)
{
    public DbConnection Connection { get; } = connection;

    /// <summary>Null for a single auto-committed statement (<see cref="SqlDatabase.WriteRelaxedAsync"/>).</summary>
    public DbTransaction? Transaction { get; } = transaction;

    public bool RolledBack { get; private set; }

    public CommandDefinition Command(string sql, object? parameters = null) =>
        new(sql, parameters, Transaction, cancellationToken: cancellationToken);

    public async Task RollbackAsync()
    {
        await (Transaction ?? throw new InvalidOperationException("a single statement has no transaction to roll back")).RollbackAsync(CancellationToken.None).ConfigureAwait(false);
        RolledBack = true;
    }
}

/// <summary>
/// What differs between PostgreSQL and SQLite: connections, how writers are serialized, row claiming, the migration
/// lock, text encoding and size. The stores above it use one portable SQL (ON CONFLICT, RETURNING, integer time in ms).
/// </summary>
internal abstract class SqlDatabase : IAsyncDisposable
{
    static SqlDatabase() => DefaultTypeMap.MatchNamesWithUnderscores = true;

    protected SqlDatabase(TimeProvider time) => Time = time;

    public TimeProvider Time { get; }

    public abstract string Dialect { get; }

    public abstract string Description { get; }

    /// <summary><paramref name="column"/> is one of the values of the list parameter <paramref name="parameter"/> (PostgreSQL takes arrays, SQLite a list Dapper expands).</summary>
    public abstract string In(string column, string parameter);

    /// <summary>"FOR UPDATE SKIP LOCKED" where the database has it.</summary>
    public abstract string SkipLocked { get; }

    /// <summary>A statement that holds the migration lock until the transaction ends (null: the write lock is enough).</summary>
    public abstract string? MigrationLock { get; }

    /// <summary>A statement (parameter <c>@userId</c>) that serializes one user's writes until the transaction ends (null: the write lock is enough).</summary>
    public abstract string? UserLock { get; }

    public abstract Task<DbConnection> OpenAsync(CancellationToken cancellationToken);

    public abstract Task<T> WriteAsync<T>(Func<WriteScope, Task<T>> work, CancellationToken cancellationToken);

    /// <summary>
    /// One statement whose loss in a database crash costs nothing of value (the conversation step, last seen, the
    /// update-id dedupe row, an error event): PostgreSQL commits it without waiting for the WAL flush
    /// (synchronous_commit off; still crash-consistent, at most the last fraction of a second is lost). Money is never
    /// written this way. SQLite writes it like any other.
    /// </summary>
    public virtual Task<T> WriteRelaxedAsync<T>(Func<WriteScope, Task<T>> work, CancellationToken cancellationToken) =>
        WriteAsync(work, cancellationToken);

    public abstract Task<long> SizeAsync(CancellationToken cancellationToken);

    /// <summary>Encodes free text for storage (PostgreSQL text cannot hold NUL).</summary>
    public virtual string? Store(string? text) => text;

    public virtual string? Load(string? text) => text;

    public long Now() => Time.GetUtcNow().ToUnixTimeMilliseconds();

    public async Task<T> ReadAsync<T>(Func<DbConnection, Task<T>> work, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        return await work(connection).ConfigureAwait(false);
    }

    /// <summary>The ledger over this database.</summary>
    public virtual ILedger CreateLedger() => new SqlLedger(this);

    public abstract ValueTask DisposeAsync();

    protected static async Task<T> RunAsync<T>(DbConnection connection, DbTransaction transaction, Func<WriteScope, Task<T>> work, CancellationToken cancellationToken)
    {
        var scope = new WriteScope(connection, transaction, cancellationToken);
        try
        {
            var result = await work(scope).ConfigureAwait(false);
            if (!scope.RolledBack)
            {
                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            }

            return result;
        }
        catch
        {
            if (!scope.RolledBack && transaction.Connection is not null)
            {
                await transaction.RollbackAsync(CancellationToken.None).ConfigureAwait(false);
            }

            throw;
        }
    }
}

internal static class Times
{
    public static DateTimeOffset At(long ms) => DateTimeOffset.FromUnixTimeMilliseconds(ms);

    public static DateTimeOffset? At(long? ms) => ms is { } value ? DateTimeOffset.FromUnixTimeMilliseconds(value) : null;

    public static long Ms(DateTimeOffset at) => at.ToUnixTimeMilliseconds();
}
