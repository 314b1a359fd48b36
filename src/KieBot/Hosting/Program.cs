using KieBot.Ops;

namespace KieBot.Hosting;

/// <summary>Entry point. Commands: <c>catalog</c> (default for now) prints the typed catalog.</summary>
public static class Program
{
    public static int Main(string[] args)
    {
        var command = args.Length > 0 ? args[0] : "catalog";
        switch (command)
        {
            case "catalog":
                Console.Out.Write(CatalogReport.Render(json: args.Contains("--json")));
                return 0;
            case "--help":
            case "-h":
            case "help":
                Console.Out.WriteLine("usage: KieBot [catalog [--json]]");
                return 0;
            default:
                Console.Error.WriteLine($"unknown command '{command}'; try --help");
                return 2;
        }
    }
}
