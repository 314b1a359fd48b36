using System.CommandLine;
using System.Text.Json.Nodes;
using KieCatalog.Tool.Catalog;

namespace KieCatalog.Tool.Commands;

/// <summary><c>diff OLD NEW [--json]</c>.</summary>
internal static class DiffCommand
{
    private const string Help = """
        kiecatalog diff OLD NEW [--json]

        The semantic difference of two catalogs: models and modes added, removed or moved; changed model facts, mode
        facts (KIE model id, family, endpoint, output, label, hidden, retired, price) and parameters (wire facts and
        labels). Exit code 0 when they are the same, 1 when they differ or one cannot be read.

          --json   print the differences as JSON
        """;

    public static Command Create()
    {
        var catalogs = new Argument<string[]>("OLD NEW") { Arity = ArgumentArity.ZeroOrMore, Description = "the two catalogs" };
        var json = ToolCommandLine.Flag("--json", "print the differences as JSON");
        var command = new Command("diff", Help) { catalogs, json };
        command.Validators.Add(result =>
        {
            if (result.GetValue(catalogs) is not { Length: 2 })
            {
                result.AddError("name two catalogs: OLD NEW");
            }
        });
        command.SetAction(parse =>
        {
            var pair = parse.GetRequiredValue(catalogs);
            return Run(pair[0], pair[1], parse.GetValue(json), parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error);
        });
        return command;
    }

    public static int Run(string oldPath, string newPath, bool json, TextWriter output, TextWriter error)
    {
        var before = CatalogFile.Load(oldPath, out var oldProblems);
        var after = CatalogFile.Load(newPath, out var newProblems);
        var unreadable = oldProblems.Concat(newProblems).Where(p => p.Contains("KIE001", StringComparison.Ordinal) || p.Contains("no such catalog", StringComparison.Ordinal)).ToList();
        if (unreadable.Count > 0)
        {
            error.WriteLine(string.Join("\n", unreadable));
            return ToolCommands.Problems;
        }

        var changes = CatalogDiff.Compare(before, after);
        if (json)
        {
            output.WriteLine(ToolJson.Text(ImportChange.ToJson(changes)));
        }
        else
        {
            foreach (var change in changes)
            {
                output.WriteLine(change.ToString());
            }

            output.WriteLine($"{changes.Count} difference(s)");
        }

        return changes.Count == 0 ? ToolCommands.Ok : ToolCommands.Problems;
    }
}
