using System.Reflection;
using Dapper;
using KieBot.Storage.Sql;

namespace KieBot.Storage.Migrations;

/// <summary>One versioned script of one dialect (embedded as <c>migrations/&lt;dialect&gt;/NNNN_name.sql</c>).</summary>
internal sealed record Migration(int Version, string Name, string Sql);

/// <summary>
/// Applies the missing scripts in order, each in its own transaction together with its <c>schema_version</c> row.
/// On PostgreSQL every transaction first takes an advisory lock, so instances starting at once apply each script once.
/// </summary>
internal static class Migrator
{
    public static IReadOnlyList<Migration> For(string dialect)
    {
        var assembly = typeof(Migrator).Assembly;
        var prefix = $"migrations/{dialect}/";
        return assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(prefix, StringComparison.Ordinal) && n.EndsWith(".sql", StringComparison.Ordinal))
            .Select(n => Load(assembly, n, prefix))
            .OrderBy(m => m.Version)
            .ToList();
    }

    public static async Task<IReadOnlyList<int>> MigrateAsync(SqlDatabase db, CancellationToken cancellationToken)
    {
        var applied = new List<int>();
        foreach (var migration in For(db.Dialect))
        {
            var ran = await db.WriteAsync(
                async w =>
                {
                    if (db.MigrationLock is { } lockSql)
                    {
                        await w.Connection.ExecuteAsync(w.Command(lockSql)).ConfigureAwait(false);
                    }

                    await w.Connection.ExecuteAsync(w.Command(
                        "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at BIGINT NOT NULL)")).ConfigureAwait(false);
                    var done = await w.Connection.ExecuteScalarAsync<long>(w.Command(
                        "SELECT COUNT(*) FROM schema_version WHERE version = @version", new { version = migration.Version })).ConfigureAwait(false);
                    if (done > 0)
                    {
                        return false;
                    }

                    await w.Connection.ExecuteAsync(w.Command(migration.Sql)).ConfigureAwait(false);
                    await w.Connection.ExecuteAsync(w.Command(
                        "INSERT INTO schema_version (version, name, applied_at) VALUES (@version, @name, @now)",
                        new { version = migration.Version, name = migration.Name, now = db.Now() })).ConfigureAwait(false);
                    return true;
                },
                cancellationToken).ConfigureAwait(false);
            if (ran)
            {
                applied.Add(migration.Version);
            }
        }

        return applied;
    }

    public static Task<int> VersionAsync(SqlDatabase db, CancellationToken cancellationToken) =>
        db.ReadAsync(
            async c =>
            {
                try
                {
                    return await c.ExecuteScalarAsync<int?>(new CommandDefinition("SELECT MAX(version) FROM schema_version", cancellationToken: cancellationToken)).ConfigureAwait(false) ?? 0;
                }
                catch (System.Data.Common.DbException)
                {
                    return 0;
                }
            },
            cancellationToken);

    private static Migration Load(Assembly assembly, string resource, string prefix)
    {
        var file = resource[prefix.Length..^".sql".Length];
        var underscore = file.IndexOf('_', StringComparison.Ordinal);
        var version = int.Parse(file[..underscore], System.Globalization.CultureInfo.InvariantCulture);
        using var stream = assembly.GetManifestResourceStream(resource)!;
        using var reader = new StreamReader(stream);
        return new Migration(version, file[(underscore + 1)..], reader.ReadToEnd());
    }
}
