using System.Diagnostics;
using System.Globalization;
using Npgsql;

namespace KieBot.TestSupport.Postgres;

/// <summary>
/// A throw-away PostgreSQL server: <c>initdb</c> + <c>pg_ctl</c> on a temp directory and a free port on 127.0.0.1,
/// stopped and deleted on dispose. Run as root (machines and CI), it runs the server as the <c>postgres</c> account.
/// </summary>
public sealed class PostgresServer : IAsyncDisposable
{
    private readonly string root;
    private readonly string bin;
    private readonly bool asPostgresUser;
    private int databases;

    private PostgresServer(string root, string bin, bool asPostgresUser, int port)
    {
        this.root = root;
        this.bin = bin;
        this.asPostgresUser = asPostgresUser;
        Port = port;
    }

    public int Port { get; }

    private string settings = string.Empty;

    /// <summary>Starts a server. <paramref name="durable"/> false turns fsync off (tests); true keeps PostgreSQL's defaults (benchmarks).</summary>
    public static async Task<PostgresServer> StartAsync(bool durable = false)
    {
        var bin = FindBinaries();
        var asPostgres = Environment.UserName == "root";
        var root = Directory.CreateTempSubdirectory("kiebot-pg-").FullName;
        if (asPostgres)
        {
            Run("chown", $"-R postgres:postgres {root}");
            Run("chmod", $"700 {root}");
        }

        var port = KieBot.TestSupport.Hosting.LoopbackHost.FreePort();
        var server = new PostgresServer(root, bin, asPostgres, port);
        var data = Path.Combine(root, "data");
        server.RunServerTool("initdb", $"-D {data} -U postgres --auth=trust -E UTF8 --no-locale --no-sync");
        var settings = $"-p {port} -c listen_addresses=127.0.0.1 -k {root} -c max_connections=300 -c shared_buffers=128MB" +
            (durable ? string.Empty : " -c fsync=off -c synchronous_commit=off -c full_page_writes=off");
        server.settings = settings;
        server.RunServerTool("pg_ctl", $"-D {data} -l {Path.Combine(root, "server.log")} -o \"{settings}\" -w -t 60 start");
        await using var connection = new NpgsqlConnection(server.ConnectionString("postgres"));
        await connection.OpenAsync().ConfigureAwait(false);
        return server;
    }

    public string ConnectionString(string database) =>
        $"Host=127.0.0.1;Port={Port};Username=postgres;Database={database};Maximum Pool Size=200;Timeout=30;Command Timeout=60";

    /// <summary>A new empty database; returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync(string? prefix = null)
    {
        var name = $"{prefix ?? "t"}_{Interlocked.Increment(ref databases)}_{Guid.NewGuid():N}";
        await using var connection = new NpgsqlConnection(ConnectionString("postgres"));
        await connection.OpenAsync().ConfigureAwait(false);
        await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
        await command.ExecuteNonQueryAsync().ConfigureAwait(false);
        return ConnectionString(name);
    }

    /// <summary>Stops the server as a crash would (<c>pg_ctl stop -m immediate</c>): every connection is cut at once.</summary>
    public void Crash() => RunServerTool("pg_ctl", $"-D {Path.Combine(root, "data")} -m immediate -w stop");

    /// <summary>Starts the server again after <see cref="Crash"/> (recovery from the WAL), on the same port.</summary>
    public void Restart() => RunServerTool("pg_ctl", $"-D {Path.Combine(root, "data")} -l {Path.Combine(root, "server.log")} -o \"{settings}\" -w -t 60 start");

    public ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        try
        {
            RunServerTool("pg_ctl", $"-D {Path.Combine(root, "data")} -m immediate -w stop");
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }

        return ValueTask.CompletedTask;
    }

    private static string FindBinaries()
    {
        var versions = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql")
                .Select(d => Path.Combine(d, "bin"))
                .Where(d => File.Exists(Path.Combine(d, "initdb")))
                .OrderByDescending(d => int.TryParse(Path.GetFileName(Path.GetDirectoryName(d)), NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : 0)
                .ToList()
            : [];
        if (versions.Count > 0)
        {
            return versions[0];
        }

        var onPath = (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator)
            .FirstOrDefault(d => File.Exists(Path.Combine(d, "initdb")) && File.Exists(Path.Combine(d, "pg_ctl")));
        return onPath ?? throw new InvalidOperationException(
            "PostgreSQL server binaries (initdb, pg_ctl) were not found in /usr/lib/postgresql/*/bin or on PATH. " +
            "Install them: `apt-get install -y postgresql` (Debian/Ubuntu) — .ci/run does this itself.");
    }

    private void RunServerTool(string tool, string arguments)
    {
        var path = Path.Combine(bin, tool);
        if (asPostgresUser)
        {
            Run("runuser", $"-u postgres -- {path} {arguments}");
        }
        else
        {
            Run(path, arguments);
        }
    }

    private static void Run(string file, string arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(file, arguments)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetTempPath(),
        }) ?? throw new InvalidOperationException($"{file} did not start");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(120_000))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{file} {arguments} did not finish in 2 minutes");
        }

        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {arguments} failed ({process.ExitCode}): {output.Result}{error.Result}");
        }
    }

}
