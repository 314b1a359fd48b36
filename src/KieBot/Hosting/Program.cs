using KieBot.Ops;

namespace KieBot.Hosting;

/// <summary>Entry point. Commands: <c>catalog</c> (default for now) prints the typed catalog; <c>migrate</c> applies the database migrations.</summary>
public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        var command = args.Length > 0 ? args[0] : "catalog";
        switch (command)
        {
            case "catalog":
                Console.Out.Write(CatalogReport.Render(json: args.Contains("--json")));
                return 0;
            case "migrate":
                return await MigrateCommand.RunAsync(StorageSettings.FromEnvironment(), Console.Out).ConfigureAwait(false);
            case "--help":
            case "-h":
            case "help":
                Console.Out.WriteLine("usage: KieBot [catalog [--json] | migrate]   (migrate uses DATABASE_URL, else the SQLite file SQLITE_PATH, default data/kiebot.db)");
                return 0;
            default:
                Console.Error.WriteLine($"unknown command '{command}'; try --help");
                return 2;
        }
    }
}
