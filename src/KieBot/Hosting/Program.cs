using KieBot.Ops;

namespace KieBot.Hosting;

/// <summary>
/// Entry point. No command: run the bot (a console chat without <c>TELEGRAM_BOT_TOKEN</c>, long polling with it, a
/// webhook with <c>WEBHOOK_URL</c> too). Commands: <c>catalog [--json]</c>, <c>migrate</c>.
/// </summary>
public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        var command = args.Length > 0 ? args[0] : "run";
        switch (command)
        {
            case "run":
                return await BotRunner.RunAsync(Environment.GetEnvironmentVariable, Console.In, Console.Out, Console.Error).ConfigureAwait(false);
            case "catalog":
                Console.Out.Write(CatalogReport.Render(json: args.Contains("--json")));
                return 0;
            case "migrate":
                return await MigrateCommand.RunAsync(StorageSettings.FromEnvironment(), Console.Out).ConfigureAwait(false);
            case "--help":
            case "-h":
            case "help":
                Console.Out.WriteLine("usage: KieBot [run | catalog [--json] | migrate]");
                Console.Out.WriteLine("  run (default): console chat without TELEGRAM_BOT_TOKEN; long polling with it; webhook with WEBHOOK_URL");
                Console.Out.WriteLine("  migrate: apply database migrations (DATABASE_URL, else the SQLite file SQLITE_PATH, default data/kiebot.db)");
                return 0;
            default:
                Console.Error.WriteLine($"unknown command '{command}'; try --help");
                return 2;
        }
    }
}
