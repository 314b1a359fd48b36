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

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken ct, string? today = null)
    {
        if (args.Length == 0 || args[0] is "--help" or "-h" or "help")
        {
            await output.WriteLineAsync(Usage).ConfigureAwait(false);
            return args.Length == 0 ? BadUsage : Ok;
        }

        var rest = args[1..];
        try
        {
            return args[0] switch
            {
                "import" => await ImportCommand.RunAsync(rest, output, error, today ?? DateTime.UtcNow.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), ct).ConfigureAwait(false),
                "coverage" => await CoverageCommand.RunAsync(rest, output, error, ct).ConfigureAwait(false),
                "diff" => DiffCommand.Run(rest, output, error),
                _ => await UnknownAsync(args[0], error).ConfigureAwait(false),
            };
        }
        catch (UsageException e)
        {
            await error.WriteLineAsync($"kiecatalog {args[0]}: {e.Message} (see kiecatalog {args[0]} --help)").ConfigureAwait(false);
            return BadUsage;
        }
    }

    private static async Task<int> UnknownAsync(string command, TextWriter error)
    {
        await error.WriteLineAsync($"kiecatalog: unknown command '{command}'\n\n{Usage}").ConfigureAwait(false);
        return BadUsage;
    }
}

/// <summary>Bad command-line usage (exit code 2).</summary>
internal sealed class UsageException(string message) : Exception(message);

/// <summary>A command's arguments: positional values, flags, and options with one value.</summary>
internal sealed class Arguments
{
    private readonly Dictionary<string, string> options = new(StringComparer.Ordinal);
    private readonly HashSet<string> flags = new(StringComparer.Ordinal);

    public Arguments(string[] args, string[] knownFlags, string[] knownOptions)
    {
        for (var i = 0; i < args.Length; i++)
        {
            var arg = args[i];
            if (knownOptions.Contains(arg))
            {
                options[arg] = i + 1 < args.Length ? args[++i] : throw new UsageException($"{arg} needs a value");
            }
            else if (knownFlags.Contains(arg) || arg is "--help" or "-h")
            {
                flags.Add(arg is "-h" ? "--help" : arg);
            }
            else if (arg.StartsWith("--", StringComparison.Ordinal))
            {
                throw new UsageException($"unknown option {arg}");
            }
            else
            {
                Positional.Add(arg);
            }
        }
    }

    public List<string> Positional { get; } = [];

    public bool Has(string flag) => flags.Contains(flag);

    public string? Option(string name) => options.GetValueOrDefault(name);
}
