using System.CommandLine;
using System.Text.Json.Nodes;
using KieCatalog.Tool.Catalog;
using KieCatalog.Tool.Sources;

namespace KieCatalog.Tool.Commands;

/// <summary><c>import SOURCE… [--catalog FILE] [--check] [--json]</c>.</summary>
internal static class ImportCommand
{
    private const string Help = """
        kiecatalog import SOURCE… [--catalog FILE] [--check] [--json]

        Imports KIE request schemas into the catalog. SOURCE is an OpenAPI document (YAML or JSON, a file or an
        http(s) URL) or a market schema list (kie-market-schemas.json). New KIE model ids become hidden modes until
        priced and labelled; wire facts (types, enum values, defaults, limits, required) follow the sources;
        labels, descriptions, prices, grouping and hidden reasons are kept; a mode a complete source no longer lists
        is marked retired, never deleted. Prints what was added, changed and retired.

          --catalog FILE   the catalog (default catalog/models.json; created when missing)
          --check          change nothing; exit 1 when the catalog differs from the sources ("catalog out of date")
          --json           print the report as JSON
        """;

    public static Command Create(string today)
    {
        var sources = new Argument<string[]>("SOURCE") { Arity = ArgumentArity.ZeroOrMore, Description = "OpenAPI documents or market schema lists (files or http(s) URLs)" };
        var catalog = ToolCommandLine.CatalogOption("the catalog (default catalog/models.json; created when missing)");
        var check = ToolCommandLine.Flag("--check", "change nothing; exit 1 when the catalog differs from the sources");
        var json = ToolCommandLine.Flag("--json", "print the report as JSON");
        var command = new Command("import", Help) { sources, catalog, check, json };
        command.Validators.Add(result =>
        {
            if (result.GetValue(sources) is not { Length: > 0 })
            {
                result.AddError("name at least one SOURCE");
            }
        });
        command.SetAction((parse, ct) => RunAsync(
            parse.GetRequiredValue(sources), parse.GetRequiredValue(catalog), parse.GetValue(check), parse.GetValue(json),
            parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error, today, ct));
        return command;
    }

    public static async Task<int> RunAsync(IReadOnlyList<string> sourceArguments, string path, bool checkOnly, bool json, TextWriter output, TextWriter error, string today, CancellationToken ct)
    {
        if (await SourceReader.ReadAllAsync(sourceArguments, error, ct).ConfigureAwait(false) is not { } sources)
        {
            return ToolCommands.Problems;
        }

        CatalogFile catalog;
        if (File.Exists(path))
        {
            catalog = CatalogFile.Load(path, out var problems);
            if (problems.Count > 0)
            {
                await error.WriteLineAsync(string.Join("\n", problems) + $"\nkiecatalog import: fix {path} first (the build refuses it too)").ConfigureAwait(false);
                return ToolCommands.Problems;
            }
        }
        else
        {
            catalog = CatalogFile.New(path, today);
        }

        var importer = new Importer(catalog, today);
        importer.Apply(sources);
        var changes = importer.Changes.Concat(new ChatImporter(catalog, today).Apply(sources)).ToList();
        var text = catalog.Render();
        var outOfDate = text != catalog.Text;
        var check = CatalogFile.Check(path, text);
        if (json)
        {
            var report = new JsonObject
            {
                ["catalog"] = path,
                ["records"] = sources.Sum(s => s.Records.Count),
                ["changed"] = outOfDate,
                ["changes"] = ImportChange.ToJson(changes),
                ["problems"] = new JsonArray(check.Select(p => (JsonNode)JsonValue.Create(p)).ToArray()),
            };
            await output.WriteLineAsync(ToolJson.Text(report)).ConfigureAwait(false);
        }
        else
        {
            foreach (var change in changes)
            {
                await output.WriteLineAsync(change.ToString()).ConfigureAwait(false);
            }

            var added = changes.Count(c => c.Sign == '+');
            var retired = changes.Count(c => c.Sign == '-');
            var changed = changes.Count(c => c.Sign == '~');
            await output.WriteLineAsync($"{sources.Sum(s => s.Records.Count)} records from {sources.Count} source(s): {added} added, {changed} changes, {retired} retired").ConfigureAwait(false);
        }

        if (checkOnly)
        {
            if (outOfDate)
            {
                await error.WriteLineAsync($"catalog out of date: {path} differs from the sources (run kiecatalog import without --check)").ConfigureAwait(false);
                return ToolCommands.Problems;
            }

            return ToolCommands.Ok;
        }

        if (outOfDate)
        {
            var directory = Path.GetDirectoryName(Path.GetFullPath(path));
            Directory.CreateDirectory(directory!);
            await File.WriteAllTextAsync(path, text, ct).ConfigureAwait(false);
        }

        if (check.Count > 0)
        {
            await error.WriteLineAsync(string.Join("\n", check) + $"\nkiecatalog import: {path} was written but the build will refuse it until these are fixed by hand").ConfigureAwait(false);
            return ToolCommands.Problems;
        }

        return ToolCommands.Ok;
    }
}
