using System.Data.Common;
using Dapper;
using KieBot.Storage.Sql;
using Microsoft.Data.Sqlite;

namespace KieBot.Storage.Sqlite;

/// <summary>
/// An embedded SQLite file in WAL mode. Writers are serialized in process (one semaphore) and across processes by
/// <c>BEGIN IMMEDIATE</c> with a busy timeout; readers run alongside.
/// </summary>
internal sealed class SqliteDatabase : SqlDatabase
{
    private readonly string connectionString;
    private readonly SemaphoreSlim writer = new(1, 1);

    public SqliteDatabase(string path, TimeProvider time)
        : base(time)
    {
        var full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        Description = "sqlite " + full;
        connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = full,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            DefaultTimeout = 30,
        }.ToString();
        using var connection = new SqliteConnection(connectionString);
        connection.Open();
        connection.Execute("PRAGMA journal_mode = WAL;");
    }

    public override string Dialect => "sqlite";

    public override string Description { get; }

    public override string In(string column, string parameter) => $"{column} IN {parameter}";

    public override string SkipLocked => string.Empty;

    public override string? MigrationLock => null;

    public override string? UserLock => null;

    public override async Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        return connection;
    }

    public override async Task<T> WriteAsync<T>(Func<WriteScope, Task<T>> work, CancellationToken cancellationToken)
    {
        await writer.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await using var connection = new SqliteConnection(connectionString);
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            await using var transaction = connection.BeginTransaction(deferred: false);
            return await RunAsync(connection, transaction, work, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            writer.Release();
        }
    }

    public override Task<long> SizeAsync(CancellationToken cancellationToken) =>
        ReadAsync(c => c.ExecuteScalarAsync<long>(new CommandDefinition("SELECT page_count * page_size FROM pragma_page_count(), pragma_page_size()", cancellationToken: cancellationToken)), cancellationToken);

    public override ValueTask DisposeAsync()
    {
        using (var connection = new SqliteConnection(connectionString))
        {
            SqliteConnection.ClearPool(connection);
        }

        writer.Dispose();
        return ValueTask.CompletedTask;
    }
}
