using System.Text.Json.Nodes;
using KieCatalog.Tool.Sources;
using static KieCatalog.Tool.Catalog.CatalogNodes;

namespace KieCatalog.Tool.Catalog;

/// <summary>One mode as coverage sees it: where it belongs, whether bot users see it, and what keeps it hidden.</summary>
internal sealed record ModeCoverage(string Key, string KieModel, string? Path, string Category, string Api, bool Visible, bool Priced, bool Labelled, IReadOnlyList<string> Blockers);

/// <summary>What a catalog covers: every mode with the reasons it is hidden, computed from the catalog itself.</summary>
internal static class Coverage
{
    /// <summary>Leads the reasons of a hidden mode no written fact explains: what it lacks is work left, not a fact.</summary>
    public const string UnfinishedMarker = "unfinished (no written reason)";

    public static IReadOnlyList<ModeCoverage> Of(CatalogFile catalog)
    {
        var result = new List<ModeCoverage>();
        foreach (var model in catalog.Models.OfType<JsonObject>())
        {
            var modes = Objects(model["modes"]).ToList();
            foreach (var mode in modes)
            {
                var api = Api(mode);
                var parameters = (mode["params"] as JsonObject ?? []).ToList();
                var unlabelled = parameters.Where(p => !Labelled(p.Value?["label"])).Select(p => p.Key).ToList();
                if (!Labelled(mode["label"]))
                {
                    unlabelled.Insert(0, "the mode");
                }

                if (!Labelled(model["description"]))
                {
                    unlabelled.Insert(0, "the model's description");
                }

                var blockers = new List<string>();
                if (Str(mode, "retired") is { } retired)
                {
                    blockers.Add($"retired: KIE no longer publishes it (since {retired})");
                }

                var priced = mode["price"] is not null;
                if (!priced)
                {
                    blockers.Add("no price");
                }

                if (unlabelled.Count > 0)
                {
                    blockers.Add("no en/ru text for " + string.Join(", ", unlabelled));
                }

                blockers.AddRange(parameters.Where(p => Str(p.Value, "type") == "json").Select(p => $"'{p.Key}' is json: the bot cannot collect it"));
                var path = Str(mode, "path");
                if (!Families.ClientFollows(api, path ?? Families.DefaultPath(api) ?? ""))
                {
                    blockers.Add($"the KIE client does not follow tasks of {path ?? api}");
                }

                var visible = mode["hidden"] is null && mode["retired"] is null;
                var written = Str(mode, "hidden");
                if (!visible && mode["retired"] is null && written is not null && !written.StartsWith(Importer.Marker, StringComparison.Ordinal))
                {
                    // The catalog says why in a fact about KIE or the bot; what else the mode lacks follows from that fact.
                    blockers = ["hidden: " + written];
                }
                else if (!visible && mode["retired"] is null)
                {
                    blockers.Insert(0, UnfinishedMarker);
                }

                result.Add(new ModeCoverage($"{Str(model, "id")}/{Str(mode, "id")}", Str(mode, "kieModel") ?? "", path, Str(model, "category") ?? "image", api, visible, priced, unlabelled.Count == 0, visible ? [] : blockers));
            }
        }

        return result;
    }
}
