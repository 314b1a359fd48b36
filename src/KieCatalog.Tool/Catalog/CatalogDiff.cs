using System.Text.Json.Nodes;
using static KieCatalog.Tool.Catalog.CatalogNodes;

namespace KieCatalog.Tool.Catalog;

/// <summary>The semantic difference of two catalogs: models and modes added, removed or moved, and what changed on a mode and its parameters.</summary>
internal static class CatalogDiff
{
    private static readonly string[] ModeFacts = ["kieModel", "api", "path", "output", "label", "hidden", "retired", "price"];

    public static IReadOnlyList<ImportChange> Compare(CatalogFile before, CatalogFile after)
    {
        var changes = new List<ImportChange>();
        var oldModels = Index(before);
        var newModels = Index(after);
        foreach (var id in oldModels.Keys.Except(newModels.Keys))
        {
            changes.Add(new('-', id, "model removed"));
        }

        foreach (var id in newModels.Keys.Except(oldModels.Keys))
        {
            changes.Add(new('+', id, "model added"));
        }

        foreach (var id in oldModels.Keys.Intersect(newModels.Keys))
        {
            foreach (var fact in new[] { "name", "vendor", "category", "description" })
            {
                if (!NodeText.Comparer.Equals(oldModels[id][fact], newModels[id][fact]))
                {
                    changes.Add(new('~', id, $"{fact}: {Show(oldModels[id][fact])} → {Show(newModels[id][fact])}"));
                }
            }
        }

        var oldModes = Modes(before);
        var newModes = Modes(after);
        var oldByKey = oldModes.ToDictionary(m => Key(m.Value), m => m.Key);
        foreach (var (subject, mode) in newModes.Where(m => !oldModes.ContainsKey(m.Key)))
        {
            changes.Add(oldByKey.TryGetValue(Key(mode), out var from) && !newModes.ContainsKey(from)
                ? new('~', subject, $"moved from {from}")
                : new('+', subject, $"mode added ({Str(mode, "kieModel")})"));
        }

        var newKeys = newModes.Values.Select(Key).ToHashSet(StringComparer.Ordinal);
        foreach (var (subject, mode) in oldModes.Where(m => !newModes.ContainsKey(m.Key) && !newKeys.Contains(Key(m.Value))))
        {
            changes.Add(new('-', subject, $"mode removed ({Str(mode, "kieModel")})"));
        }

        foreach (var (subject, mode) in newModes)
        {
            var old = oldModes.GetValueOrDefault(subject) ?? oldModes.FirstOrDefault(m => Key(m.Value) == Key(mode) && !newModes.ContainsKey(m.Key)).Value;
            if (old is not null)
            {
                CompareMode(changes, subject, old, mode);
            }
        }

        return changes;
    }

    private static void CompareMode(List<ImportChange> changes, string subject, JsonObject old, JsonObject mode)
    {
        foreach (var fact in ModeFacts)
        {
            if (!NodeText.Comparer.Equals(old[fact], mode[fact]))
            {
                changes.Add(new('~', subject, $"{fact}: {Show(old[fact])} → {Show(mode[fact])}"));
            }
        }

        var before = old["params"] as JsonObject ?? [];
        var after = mode["params"] as JsonObject ?? [];
        foreach (var (name, _) in before.Where(p => !after.ContainsKey(p.Key)))
        {
            changes.Add(new('~', subject, $"parameter {name} removed"));
        }

        foreach (var (name, param) in after)
        {
            if (before[name] is not JsonObject was)
            {
                changes.Add(new('~', subject, $"parameter {name} added ({Str(param, "type")})"));
                continue;
            }

            foreach (var fact in ParamMapper.WireFacts.Append("label"))
            {
                if (!NodeText.Comparer.Equals(was[fact], param?[fact]))
                {
                    changes.Add(new('~', subject, $"{name}.{fact}: {Show(was[fact])} → {Show(param?[fact])}"));
                }
            }
        }
    }

    private static Dictionary<string, JsonObject> Index(CatalogFile catalog) =>
        catalog.Models.OfType<JsonObject>().GroupBy(m => Str(m, "id") ?? "").ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);

    private static Dictionary<string, JsonObject> Modes(CatalogFile catalog) =>
        catalog.Models.OfType<JsonObject>()
            .SelectMany(m => Objects(m["modes"]).Select(o => (Subject: $"{Str(m, "id")}/{Str(o, "id")}", Mode: o)))
            .GroupBy(x => x.Subject)
            .ToDictionary(g => g.Key, g => g.First().Mode, StringComparer.Ordinal);

    private static string Show(JsonNode? node) => node is null ? "(none)" : node.ToJsonString().Length > 120 ? node.ToJsonString()[..117] + "…" : node.ToJsonString();
}
