using System.CommandLine;

namespace KieCatalog.Tool.Commands;

/// <summary>The command table of <c>kiecatalog</c>. Exit codes: 0 ok, 1 differences or problems, 2 bad usage.</summary>
public static class ToolCommands
{
    public const int Ok = 0;
    public const int Problems = 1;
    public const int BadUsage = 2;

    public const string Usage = """
        kiecatalog: keeps a KieCatalog models.json current with KIE's published schemas.

        Commands:
          import SOURCE… [--catalog FILE] [--check] [--json]   import OpenAPI pages (YAML/JSON, file or URL) or a market schema list
          coverage [SOURCE…] [--catalog FILE] [--json]         models and modes by category and API family; what keeps a mode hidden;
                                                               with SOURCEs, whether each of their records is in the catalog
          diff OLD NEW [--json]                                the semantic difference of two catalogs

        FILE defaults to catalog/models.json. Exit codes: 0 ok, 1 differences or problems, 2 bad usage.
        `kiecatalog COMMAND --help` describes one command.
        """;

    /// <summary>
    /// Parses <paramref name="args"/> (System.CommandLine, see <see cref="ToolCommandLine"/>) and runs the command:
    /// bad usage is one message on <paramref name="error"/> and exit code 2, before anything is read or written.
    /// </summary>
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken ct, string? today = null)
    {
        var root = ToolCommandLine.Create(today ?? DateTime.UtcNow.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        var parse = root.Parse(args, ToolCommandLine.Parsing);
        if (ToolCommandLine.BadUsage(args, parse) is { } message)
        {
            await error.WriteLineAsync(message).ConfigureAwait(false);
            return BadUsage;
        }

        var invocation = new InvocationConfiguration
        {
            Output = output,
            Error = error,
            EnableDefaultExceptionHandler = false,  // a crash stays a crash, as before: nothing prints a half-caught stack
            ProcessTerminationTimeout = null,       // Ctrl+C ends the process as it did; no handler of System.CommandLine's
        };
        return await parse.InvokeAsync(invocation, ct).ConfigureAwait(false);
    }
}
