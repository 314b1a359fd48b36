using System.CommandLine;
using System.Text.Json.Nodes;
using KieCatalog.Tool.Catalog;
using KieCatalog.Tool.Sources;

namespace KieCatalog.Tool.Commands;

/// <summary><c>coverage [SOURCE…] [--catalog FILE] [--json]</c>.</summary>
internal static class CoverageCommand
{
    private const string Help = """
        kiecatalog coverage [SOURCE…] [--catalog FILE] [--json]

        Models and modes by category and API family: visible, hidden, priced, labelled; for each hidden mode why:
        retired (KIE no longer publishes it), the reason its "hidden" text states (a fact about KIE or the bot), or,
        for a mode no reason explains (a fresh import), "unfinished" and what it lacks (no price, missing en/ru texts,
        json inputs, an endpoint the KIE client does not follow). Then the chat models (the catalog's own "chat"
        family, not generation records): protocol, endpoint, on sale or why hidden. With SOURCEs (as for import),
        lists each of their records as present or missing (exits 1 when a generation record is missing), and each
        of their chat records as in the catalog's chat family or not.

          --catalog FILE   the catalog (default catalog/models.json)
          --json           print the report as JSON
        """;

    public static Command Create()
    {
        var sources = new Argument<string[]>("SOURCE") { Arity = ArgumentArity.ZeroOrMore, Description = "sources as for import, to list each of their records as present or missing" };
        var catalog = ToolCommandLine.CatalogOption("the catalog (default catalog/models.json)");
        var json = ToolCommandLine.Flag("--json", "print the report as JSON");
        var command = new Command("coverage", Help) { sources, catalog, json };
        command.SetAction((parse, ct) => RunAsync(
            parse.GetRequiredValue(sources), parse.GetRequiredValue(catalog), parse.GetValue(json),
            parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error, ct));
        return command;
    }

    public static async Task<int> RunAsync(IReadOnlyList<string> sourceArguments, string path, bool json, TextWriter output, TextWriter error, CancellationToken ct)
    {
        var catalog = CatalogFile.Load(path, out var problems);
        if (problems.Count > 0)
        {
            await error.WriteLineAsync(string.Join("\n", problems)).ConfigureAwait(false);
            return ToolCommands.Problems;
        }

        if (await SourceReader.ReadAllAsync(sourceArguments, error, ct).ConfigureAwait(false) is not { } sources)
        {
            return ToolCommands.Problems;
        }

        var modes = Coverage.Of(catalog);
        var chat = ChatCoverages.Of(catalog);
        var byKey = modes.GroupBy(m => m.KieModel + " " + (m.Path ?? Families.DefaultPath(m.Api))).ToDictionary(g => g.Key, g => g.First());
        var records = sources.SelectMany(s => s.Records).DistinctBy(r => r.Key).Select(r => (Record: r, Mode: byKey.GetValueOrDefault(r.Key))).ToList();
        var leftOut = sources.SelectMany(s => s.LeftOut ?? []).ToList();
        var missing = records.Count(r => r.Mode is null);
        if (json)
        {
            var report = Json(modes, records, leftOut);
            report["chat"] = new JsonArray(chat.Select(c => (JsonNode)new JsonObject
            {
                ["id"] = c.Id, ["protocol"] = c.Protocol, ["path"] = c.Path, ["priced"] = c.Priced, ["visible"] = c.Visible, ["hiddenBecause"] = c.Hidden,
            }).ToArray());
            await output.WriteLineAsync(ToolJson.Text(report)).ConfigureAwait(false);
        }
        else
        {
            await WriteTextAsync(output, modes, records, leftOut).ConfigureAwait(false);
            await WriteChatAsync(output, chat, leftOut).ConfigureAwait(false);
        }

        return missing > 0 ? ToolCommands.Problems : ToolCommands.Ok;
    }

    private static async Task WriteTextAsync(TextWriter output, IReadOnlyList<ModeCoverage> modes, List<(SchemaRecord Record, ModeCoverage? Mode)> records, List<string> leftOut)
    {
        await output.WriteLineAsync($"{"category",-9} {"api",-13} {"models",6} {"modes",6} {"visible",8} {"hidden",7} {"priced",7} {"labelled",9}").ConfigureAwait(false);
        foreach (var group in modes.GroupBy(m => (m.Category, m.Api)).OrderBy(g => g.Key.Category, StringComparer.Ordinal).ThenBy(g => g.Key.Api, StringComparer.Ordinal))
        {
            await output.WriteLineAsync(Row(group.Key.Category, group.Key.Api, group.ToList())).ConfigureAwait(false);
        }

        await output.WriteLineAsync(Row("all", "", modes)).ConfigureAwait(false);
        var hidden = modes.Where(m => !m.Visible).ToList();
        if (hidden.Count > 0)
        {
            await output.WriteLineAsync($"\nhidden modes ({hidden.Count}):").ConfigureAwait(false);
            foreach (var mode in hidden)
            {
                await output.WriteLineAsync($"  {mode.Key} ({mode.KieModel}): {string.Join("; ", mode.Blockers)}").ConfigureAwait(false);
            }
        }

        if (records.Count > 0)
        {
            await output.WriteLineAsync($"\nsource records ({records.Count}; {records.Count(r => r.Mode is not null)} present, {records.Count(r => r.Mode is null)} missing, {records.Count(r => r.Mode is { Visible: true })} on sale):").ConfigureAwait(false);
            foreach (var (record, mode) in records)
            {
                var where = record.KieModel + (record.ModePath is null ? "" : " at " + record.ModePath);
                await output.WriteLineAsync(mode is null ? $"  MISSING  {where}" : $"  present  {where} → {mode.Key}{(mode.Visible ? "" : " (hidden)")}").ConfigureAwait(false);
            }
        }

        if (leftOut.Count > 0)
        {
            await output.WriteLineAsync($"\nleft out (chat models, not generations): {leftOut.Count}").ConfigureAwait(false);
        }
    }

    private static async Task WriteChatAsync(TextWriter output, IReadOnlyList<ChatCoverage> chat, List<string> leftOut)
    {
        if (chat.Count > 0)
        {
            await output.WriteLineAsync($"\nchat models ({chat.Count}; {chat.Count(c => c.Visible)} on sale, {chat.Count(c => c.Priced)} priced; not generation records):").ConfigureAwait(false);
            foreach (var c in chat)
            {
                await output.WriteLineAsync($"  {c.Id} ({c.Protocol} at {c.Path}): {(c.Visible ? "on sale" : "hidden: " + c.Hidden)}").ConfigureAwait(false);
            }
        }

        var absent = leftOut.Where(id => chat.All(c => c.Id != id)).ToList();
        if (leftOut.Count > 0)
        {
            await output.WriteLineAsync($"\nchat records of the sources ({leftOut.Count}; {leftOut.Count - absent.Count} in the catalog's chat family, {absent.Count} not)").ConfigureAwait(false);
            foreach (var id in absent)
            {
                await output.WriteLineAsync($"  not in the chat family  {id}").ConfigureAwait(false);
            }
        }
    }

    private static string Row(string category, string api, IReadOnlyCollection<ModeCoverage> modes) =>
        $"{category,-9} {api,-13} {modes.Select(m => m.Key.Split('/')[0]).Distinct().Count(),6} {modes.Count,6} {modes.Count(m => m.Visible),8} {modes.Count(m => !m.Visible),7} {modes.Count(m => m.Priced),7} {modes.Count(m => m.Labelled),9}";

    private static JsonObject Json(IReadOnlyList<ModeCoverage> modes, List<(SchemaRecord Record, ModeCoverage? Mode)> records, List<string> leftOut) => new()
    {
        ["modes"] = new JsonArray(modes.Select(m => (JsonNode)new JsonObject
        {
            ["key"] = m.Key, ["kieModel"] = m.KieModel, ["path"] = m.Path, ["category"] = m.Category, ["api"] = m.Api,
            ["visible"] = m.Visible, ["priced"] = m.Priced, ["labelled"] = m.Labelled,
            ["hiddenBecause"] = new JsonArray(m.Blockers.Select(b => (JsonNode)JsonValue.Create(b)).ToArray()),
        }).ToArray()),
        ["records"] = new JsonArray(records.Select(r => (JsonNode)new JsonObject
        {
            ["kieModel"] = r.Record.KieModel, ["createPath"] = r.Record.CreatePath, ["present"] = r.Mode is not null, ["mode"] = r.Mode?.Key,
            ["onSale"] = r.Mode is { Visible: true },
        }).ToArray()),
        ["totals"] = new JsonObject
        {
            ["modes"] = modes.Count, ["visibleModes"] = modes.Count(m => m.Visible), ["records"] = records.Count,
            ["recordsPresent"] = records.Count(r => r.Mode is not null), ["recordsOnSale"] = records.Count(r => r.Mode is { Visible: true }),
        },
        ["leftOut"] = new JsonArray(leftOut.Select(l => (JsonNode)JsonValue.Create(l)).ToArray()),
    };
}
