using System.Text.Json.Nodes;
using KieCatalog.Tool.Sources;
using static KieCatalog.Tool.Catalog.CatalogNodes;

namespace KieCatalog.Tool.Catalog;

/// <summary>
/// Brings the sources' chat records into the catalog's <c>chat</c> family: a new one is added hidden (no price, the
/// vendor as KIE's family names it, to be finished by hand); an entry whose endpoint moved gets the new path. Names,
/// vendors, prices, limits and hidden reasons written by hand are kept.
/// </summary>
internal sealed class ChatImporter(CatalogFile catalog, string today)
{
    private static readonly (string Ending, string Protocol)[] Protocols =
    [
        ("/v1/chat/completions", "openai-chat"),
        ("/v1/messages", "anthropic-messages"),
        ("/responses", "openai-responses"),
        ("GenerateContent", "gemini-generate"),
    ];

    public IReadOnlyList<ImportChange> Apply(IReadOnlyList<SchemaSource> sources)
    {
        var changes = new List<ImportChange>();
        var records = sources.SelectMany(s => s.Chat ?? []).DistinctBy(r => r.KieModel).ToList();
        if (records.Count == 0)
        {
            return changes;
        }

        if (catalog.Root["chat"] is not JsonArray chat)
        {
            chat = [];
            catalog.Root["chat"] = chat;
        }

        var byId = Objects(chat).Where(c => Str(c, "id") is not null).ToDictionary(c => Str(c, "id")!, StringComparer.Ordinal);
        foreach (var record in records)
        {
            var protocol = Protocols.FirstOrDefault(p => record.CreatePath.EndsWith(p.Ending, StringComparison.Ordinal)).Protocol;
            if (protocol is null)
            {
                changes.Add(new ImportChange('!', "chat " + record.KieModel, $"left out: no chat protocol KIE serves ends like {record.CreatePath}"));
                continue;
            }

            if (byId.TryGetValue(record.KieModel, out var existing))
            {
                if (Str(existing, "path") != record.CreatePath)
                {
                    changes.Add(new ImportChange('~', "chat " + record.KieModel, $"path: {Str(existing, "path")} → {record.CreatePath}"));
                    existing["path"] = record.CreatePath;
                    existing["protocol"] = protocol;
                }

                continue;
            }

            chat.Add(New(record, protocol));
            changes.Add(new ImportChange('+', "chat " + record.KieModel, $"added ({protocol} at {record.CreatePath})"));
        }

        return changes;
    }

    /// <summary>A new hidden entry; Anthropic messages always carry the model in the body.</summary>
    private JsonObject New(ChatRecord record, string protocol)
    {
        var entry = new JsonObject
        {
            ["id"] = record.KieModel,
            ["name"] = record.KieModel,
            ["vendor"] = record.Family.Length > 0 ? record.Family : "KIE",
            ["protocol"] = protocol,
            ["path"] = record.CreatePath,
        };
        if (record.ModelInBody || protocol == "anthropic-messages")
        {
            entry["modelInBody"] = true;
        }

        if (record.BodyModel is { } body)
        {
            entry["kieModel"] = body;
        }

        if (record.Images)
        {
            entry["images"] = true;
        }

        if (record.DefaultMaxTokens is { } tokens)
        {
            entry["defaultMaxTokens"] = tokens;
        }

        entry["hidden"] = $"{Importer.Marker} {today}: no price";
        return entry;
    }
}
