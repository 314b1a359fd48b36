using System.Text.Json;
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

    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        var a = new Arguments(args, ["--json"], []);
        if (a.Has("--help"))
        {
            output.WriteLine(Help);
            return ToolCommands.Ok;
        }

        if (a.Positional.Count != 2)
        {
            throw new UsageException("name two catalogs: OLD NEW");
        }

        var before = CatalogFile.Load(a.Positional[0], out var oldProblems);
        var after = CatalogFile.Load(a.Positional[1], out var newProblems);
        var unreadable = oldProblems.Concat(newProblems).Where(p => p.Contains("KIE001", StringComparison.Ordinal) || p.Contains("no such catalog", StringComparison.Ordinal)).ToList();
        if (unreadable.Count > 0)
        {
            error.WriteLine(string.Join("\n", unreadable));
            return ToolCommands.Problems;
        }

        var changes = CatalogDiff.Compare(before, after);
        if (a.Has("--json"))
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
