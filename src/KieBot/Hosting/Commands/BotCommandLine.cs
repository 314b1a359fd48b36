using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;
using System.CommandLine.Parsing;
using System.Globalization;
using KieBot.Ops;

namespace KieBot.Hosting.Commands;

/// <summary>
/// The bot binary's command line on System.CommandLine: <c>run</c> (also what no command means), <c>migrate</c>,
/// <c>check [--json]</c>, <c>cleanup [--dry-run] [--json]</c>, <c>errors [--since 24h] [--json]</c>,
/// <c>catalog [--json]</c>. <c>--help</c>/<c>-h</c> alone after a command (or alone, or <c>help</c>) prints its usage;
/// anything else a command does not take is bad usage: one line on the error writer, exit code 2. Exit codes: 0 ok,
/// 1 problems found, 2 bad usage. No <c>--version</c>, directives, response files or bundled short options.
/// </summary>
internal static class BotCommandLine
{
    public const int BadUsage = 2;

    private const string RootUsage = "usage: KieBot [command] [options]; KieBot <command> --help\n";

    private static readonly ParserConfiguration Parsing = new() { EnablePosixBundling = false, ResponseFileTokenReplacer = null };

    public static async Task<int> RunAsync(string[] args, Func<string, string?> env, TextReader input, TextWriter output, TextWriter error)
    {
        var root = Create(env, input);
        var parse = root.Parse(args, Parsing);
        if (BadUsageMessage(args, parse) is { } message)
        {
            await error.WriteLineAsync(message).ConfigureAwait(false);
            return BadUsage;
        }

        var invocation = new InvocationConfiguration
        {
            Output = output,
            Error = error,
            EnableDefaultExceptionHandler = false,  // a crash stays a crash, as before
            ProcessTerminationTimeout = null,       // the host handles SIGTERM/Ctrl+C and shuts down gracefully, as before
        };
        return await parse.InvokeAsync(invocation).ConfigureAwait(false);
    }

    /// <summary>The command tree; every action writes to the invocation's output and error writers.</summary>
    public static RootCommand Create(Func<string, string?> env, TextReader input)
    {
        var run = new BotCommand("run", "run", "start the bot: a console chat without TELEGRAM_BOT_TOKEN, long polling with it, a webhook with WEBHOOK_URL");
        Func<ParseResult, CancellationToken, Task<int>> runBot = (parse, ct) =>
            BotRunner.RunAsync(env, input, parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error, ct);
        run.SetAction(runBot);

        var migrate = new BotCommand("migrate", "migrate", "apply the database migrations (DATABASE_URL, else the SQLite file SQLITE_PATH)");
        migrate.SetAction((parse, ct) => MigrateCommand.RunAsync(StorageSettings.FromEnvironment(env), parse.InvocationConfiguration.Output, ct));

        var checkJson = Flag("--json", "print the checks as JSON");
        var check = new BotCommand("check", "check [--json]", "pre-deploy readiness: configuration, database and migrations, ledger, catalog, KIE key") { checkJson };
        check.SetAction((parse, ct) => CheckCommand.RunAsync(env, parse.InvocationConfiguration.Output, parse.GetValue(checkJson), ct));

        var dryRun = Flag("--dry-run", "only count what would be removed");
        var cleanupJson = Flag("--json", "print the counts as JSON");
        var cleanup = new BotCommand("cleanup", "cleanup [--dry-run] [--json]", "remove data past retention (never a ledger row); --dry-run only counts") { dryRun, cleanupJson };
        cleanup.SetAction((parse, ct) => CleanupCommand.RunAsync(
            StorageSettings.FromEnvironment(env), apply: !parse.GetValue(dryRun), parse.GetValue(cleanupJson), parse.InvocationConfiguration.Output, ct));

        var since = new Option<TimeSpan>("--since")
        {
            Description = "the window, like 90m, 24h or 7d (default 24h)",
            HelpName = "24h",
            Arity = ArgumentArity.OneOrMore,           // given twice, the first one counts (as it always did)
            AllowMultipleArgumentsPerToken = false,
            DefaultValueFactory = _ => TimeSpan.FromHours(24),
            CustomParser = ParseWindow,
        };
        var errorsJson = Flag("--json", "print the groups as JSON");
        var errors = new BotCommand("errors", "errors [--since 24h] [--json]", "error events grouped by source and kind (windows like 90m, 24h, 7d)") { since, errorsJson };
        errors.SetAction((parse, ct) => ErrorsCommand.RunAsync(
            StorageSettings.FromEnvironment(env), parse.GetValue(since), parse.GetValue(errorsJson), parse.InvocationConfiguration.Output, ct: ct));

        var catalogJson = Flag("--json", "print the catalog as JSON");
        var catalog = new BotCommand("catalog", "catalog [--json]", "the typed catalog: models, modes, KIE ids, prices in credits and roubles, hidden flags") { catalogJson };
        catalog.SetAction(parse =>
        {
            var options = BotOptions.Read(env, out _);
            parse.InvocationConfiguration.Output.Write(CatalogReport.Render(parse.GetValue(catalogJson), new KieBot.Conversation.Pricing(options.PriceMarkup, options.CreditToRubRate)));
            return 0;
        });

        var root = new RootCommand(run.Summary);
        root.Options.Clear();
        root.Directives.Clear();
        root.Options.Add(new HelpOption("--help", ["-h"]) { Recursive = true, Action = new UsageAction() });
        foreach (var command in new[] { run, migrate, check, cleanup, errors, catalog })
        {
            root.Add(command);
        }

        var help = new Command("help") { Hidden = true };
        help.SetAction(parse => new UsageAction().Invoke(parse));
        root.Add(help);
        root.SetAction(runBot);
        return root;
    }

    /// <summary>A window such as <c>90m</c>, <c>24h</c> or <c>7d</c>: a positive whole number of minutes, hours or days.</summary>
    public static bool TryParseWindow(string? text, out TimeSpan window)
    {
        window = default;
        if (string.IsNullOrEmpty(text) || text.Length < 2 || !int.TryParse(text.AsSpan(0, text.Length - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n <= 0)
        {
            return false;
        }

        window = text[^1] switch
        {
            'm' => TimeSpan.FromMinutes(n),
            'h' => TimeSpan.FromHours(n),
            'd' => TimeSpan.FromDays(n),
            _ => TimeSpan.Zero,
        };
        return window > TimeSpan.Zero;
    }

    /// <summary>
    /// The one line that says why <paramref name="parse"/> is bad usage, or null. As the commands always judged it:
    /// a first word that is no command (and no option: options before any command are <c>run</c>'s) is an unknown
    /// command; then the first word the command does not take is an unknown option (<c>--help</c> too, unless it is
    /// the only word after the command; a flag never takes a value, so <c>--json=1</c> is one); then an option
    /// without its value, then a value the option refuses.
    /// </summary>
    private static string? BadUsageMessage(string[] args, ParseResult parse)
    {
        if (parse.Tokens is not [var first, ..])
        {
            return null;
        }

        var commandWords = first.Type == TokenType.Command ? 1 : 0;
        if (first is { Type: TokenType.Command, Value: "help" } && args.Length > 1 || commandWords == 0 && !first.Value.StartsWith('-'))
        {
            return $"unknown command '{first.Value}'; try --help";
        }

        var command = commandWords == 1 ? parse.CommandResult.Command as BotCommand : parse.RootCommandResult.Command.Subcommands.OfType<BotCommand>().First(c => c.Name == "run");
        if (command is null)
        {
            return null;   // help
        }

        var flags = command.Options.Where(o => o.Arity.MaximumNumberOfValues == 0).Select(o => o.Name).ToHashSet(StringComparer.Ordinal);
        var helpWords = args.Length == commandWords + 1 ? [] : parse.Tokens.Where(t => t is { Type: TokenType.Option, Value: "--help" or "-h" }).Select(t => t.Value);
        var unknown = args.Where(a => a.StartsWith("--", StringComparison.Ordinal) && a.IndexOfAny(['=', ':']) is > 2 and var at && flags.Contains(a[..at]))
            .Concat(parse.Tokens.Where(t => t.Type == TokenType.DoubleDash).Select(t => t.Value))
            .Concat(parse.UnmatchedTokens)
            .Concat(helpWords)
            .OrderBy(word => Array.IndexOf(args, word) is >= 0 and var at ? at : int.MaxValue)
            .FirstOrDefault();
        if (unknown is not null)
        {
            return $"{command.Name}: unknown option {unknown}; usage: KieBot {command.Usage}";
        }

        if (parse.Action is UsageAction)
        {
            return null;
        }

        var valueless = parse.CommandResult.Children.OfType<OptionResult>().FirstOrDefault(o => o is { Implicit: false, Tokens.Count: 0, Option.Arity.MinimumNumberOfValues: > 0 });
        if (valueless is not null)
        {
            return $"{command.Name}: {valueless.Option.Name} needs a value; usage: KieBot {command.Usage}";
        }

        return parse.Errors is [var error, ..] ? $"{command.Name}: {error.Message.TrimEnd('.')}" : null;
    }

    private static TimeSpan ParseWindow(ArgumentResult result)
    {
        var text = result.Tokens[0].Value;
        if (TryParseWindow(text, out var window))
        {
            return window;
        }

        result.AddError($"--since takes a duration like 90m, 24h or 7d (got '{text}')");
        return default;
    }

    /// <summary>An option that is a flag only: it never takes a value.</summary>
    private static Option<bool> Flag(string name, string description) => new(name) { Arity = ArgumentArity.Zero, Description = description };

    /// <summary>A command with the one-line usage its help and its bad-usage messages show.</summary>
    private sealed class BotCommand(string name, string usage, string summary) : Command(name, summary)
    {
        public string Usage { get; } = usage;

        public string Summary { get; } = summary;
    }

    /// <summary><c>--help</c>: the command's usage and summary; before any command (or <c>help</c>), every command's.</summary>
    private sealed class UsageAction : SynchronousCommandLineAction
    {
        public override bool ClearsParseErrors => true;

        public override int Invoke(ParseResult parseResult)
        {
            var output = parseResult.InvocationConfiguration.Output;
            if (parseResult.CommandResult.Command is BotCommand command && parseResult.Tokens is [{ Type: TokenType.Command }, ..])
            {
                output.WriteLine($"usage: KieBot {command.Usage}\n{command.Summary}");
                return 0;
            }

            output.WriteLine(RootUsage);
            foreach (var c in parseResult.RootCommandResult.Command.Subcommands.OfType<BotCommand>())
            {
                output.WriteLine($"  {c.Usage,-34} {c.Summary}");
            }

            return 0;
        }
    }
}
