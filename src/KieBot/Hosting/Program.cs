using KieBot.Ops;
using KieBot.Conversation;

namespace KieBot.Hosting;

/// <summary>
/// One binary, several commands: <c>run</c> (default), <c>migrate</c>, <c>check</c>, <c>cleanup</c>, <c>errors</c>,
/// <c>catalog</c>; <c>--help</c> on each. Exit codes: 0 ok, 1 problems found, 2 bad usage.
/// </summary>
public static class Program
{
    private sealed record Command(string Name, string Usage, string Summary, string[] Options, Func<string[], Task<int>> Run);

    private static readonly Command[] Commands =
    [
        new("run", "run", "start the bot: a console chat without TELEGRAM_BOT_TOKEN, long polling with it, a webhook with WEBHOOK_URL", [],
            _ => BotRunner.RunAsync(Environment.GetEnvironmentVariable, Console.In, Console.Out, Console.Error)),
        new("migrate", "migrate", "apply the database migrations (DATABASE_URL, else the SQLite file SQLITE_PATH)", [],
            _ => MigrateCommand.RunAsync(StorageSettings.FromEnvironment(), Console.Out)),
        new("check", "check [--json]", "pre-deploy readiness: configuration, database and migrations, ledger, catalog, KIE key", ["--json"],
            args => CheckCommand.RunAsync(Environment.GetEnvironmentVariable, Console.Out, OpsArguments.Flag(args, "--json"))),
        new("cleanup", "cleanup [--dry-run] [--json]", "remove data past retention (never a ledger row); --dry-run only counts", ["--dry-run", "--json"],
            args => CleanupCommand.RunAsync(StorageSettings.FromEnvironment(), apply: !OpsArguments.Flag(args, "--dry-run"), OpsArguments.Flag(args, "--json"), Console.Out)),
        new("errors", "errors [--since 24h] [--json]", "error events grouped by source and kind (windows like 90m, 24h, 7d)", ["--since", "--json"], ErrorsAsync),
        new("catalog", "catalog [--json]", "the typed catalog: models, modes, KIE ids, prices in credits and roubles, hidden flags", ["--json"],
            args =>
            {
                var options = BotOptions.Read(Environment.GetEnvironmentVariable, out _);
                Console.Out.Write(CatalogReport.Render(OpsArguments.Flag(args, "--json"), new KieBot.Conversation.Pricing(options.PriceMarkup, options.CreditToRubRate)));
                return Task.FromResult(0);
            }),
    ];

    public static async Task<int> Main(string[] args)
    {
        if (args is ["--help" or "-h" or "help"])
        {
            Console.Out.WriteLine("usage: KieBot [command] [options]; KieBot <command> --help\n");
            foreach (var c in Commands)
            {
                Console.Out.WriteLine($"  {c.Usage,-34} {c.Summary}");
            }

            return 0;
        }

        var name = args.Length == 0 || args[0].StartsWith('-') ? "run" : args[0];
        var rest = args.Length == 0 || args[0].StartsWith('-') ? args : args[1..];
        if (Commands.FirstOrDefault(c => c.Name == name) is not { } command)
        {
            await Console.Error.WriteLineAsync($"unknown command '{name}'; try --help").ConfigureAwait(false);
            return 2;
        }

        if (rest is ["--help" or "-h"])
        {
            Console.Out.WriteLine($"usage: KieBot {command.Usage}\n{command.Summary}");
            return 0;
        }

        if (OpsArguments.Unknown(rest, command.Options) is { Count: > 0 } unknown)
        {
            await Console.Error.WriteLineAsync($"{command.Name}: unknown option {unknown[0]}; usage: KieBot {command.Usage}").ConfigureAwait(false);
            return 2;
        }

        return await command.Run(rest).ConfigureAwait(false);
    }

    private static Task<int> ErrorsAsync(string[] args)
    {
        var since = OpsArguments.Value(args, "--since") ?? "24h";
        if (!OpsArguments.TryDuration(since, out var window))
        {
            Console.Error.WriteLine($"errors: --since takes a duration like 90m, 24h or 7d (got '{since}')");
            return Task.FromResult(2);
        }

        return ErrorsCommand.RunAsync(StorageSettings.FromEnvironment(), window, OpsArguments.Flag(args, "--json"), Console.Out);
    }
}
