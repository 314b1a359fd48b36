using System.Text.Json.Nodes;
using KieCatalog.Tool.Sources;
using static KieCatalog.Tool.Catalog.CatalogNodes;

namespace KieCatalog.Tool.Catalog;

/// <summary>One line of an import's report.</summary>
internal sealed record ImportChange(char Sign, string Subject, string Detail)
{
    public override string ToString() => $"{Sign} {Subject}: {Detail}";

    public static JsonArray ToJson(IEnumerable<ImportChange> changes) =>
        new(changes.Select(c => (JsonNode)new JsonObject { ["sign"] = c.Sign.ToString(), ["subject"] = c.Subject, ["detail"] = c.Detail }).ToArray());
}

/// <summary>How the commands print JSON reports: indented, text unescaped.</summary>
internal static class ToolJson
{
    private static readonly System.Text.Json.JsonSerializerOptions Options = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Text(JsonNode node) => node.ToJsonString(Options);
}

/// <summary>
/// Merges schema records into a catalog. New KIE model ids become hidden modes (grouped into a model by family); the
/// wire facts a source states (type, required, enum values, default, limits) are updated; hand-written facts (labels,
/// descriptions, prices, grouping, hidden reasons) are kept; a mode a complete source no longer lists is marked
/// retired with the date, never deleted. Importing the same sources twice changes nothing the second time.
/// </summary>
internal sealed class Importer(CatalogFile catalog, string today)
{
    /// <summary>Starts the hidden text of a freshly imported mode: its reasons are work left, not facts.</summary>
    public const string Marker = "imported";

    private readonly List<ImportChange> changes = [];
    private readonly Dictionary<string, JsonNode> glossary = Glossary(catalog);
    private readonly Dictionary<string, string> families = new(StringComparer.Ordinal);

    public IReadOnlyList<ImportChange> Changes => changes;

    public void Apply(IReadOnlyList<SchemaSource> sources)
    {
        var records = new Dictionary<string, SchemaRecord>(StringComparer.Ordinal);
        foreach (var record in sources.SelectMany(s => s.Records).Where(r => r.Category != "text"))
        {
            records[record.Key] = record;
            families[record.KieModel] = record.Family;
        }

        var modes = catalog.Models.OfType<JsonObject>()
            .SelectMany(m => Objects(m["modes"]).Select(o => (Model: m, Mode: o)))
            .GroupBy(x => Key(x.Mode), StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        foreach (var record in records.Values)
        {
            if (modes.TryGetValue(record.Key, out var found))
            {
                Update(found.Model, found.Mode, record);
            }
            else
            {
                Add(record);
            }
        }

        var covered = sources.Where(s => s.Complete).SelectMany(s => s.Records).Select(r => r.Api).ToHashSet(StringComparer.Ordinal);
        foreach (var (key, (model, mode)) in modes)
        {
            // A mode on a page KIE documents outside its market schema list ('docs') is not retired for missing from it.
            if (covered.Contains(Api(mode)) && !records.ContainsKey(key) && mode["retired"] is null && mode["docs"] is null)
            {
                Place(mode, "retired", today, "hidden", "label", "output");
                changes.Add(new('-', Subject(model, mode), $"retired ({Str(mode, "kieModel")} is no longer published)"));
            }
        }
    }

    private void Update(JsonObject model, JsonObject mode, SchemaRecord record)
    {
        var subject = Subject(model, mode);
        if (mode["retired"] is not null)
        {
            mode.Remove("retired");
            changes.Add(new('+', subject, "published again: no longer retired"));
        }

        var parameters = mode["params"] as JsonObject ?? [];
        var priced = PricedParams(mode);
        foreach (var field in record.Fields)
        {
            var mapped = ParamMapper.Map(field);
            if (parameters[field.Name] is JsonObject existing)
            {
                foreach (var detail in ParamUpdater.Update(existing, mapped, priced.Contains(field.Name)))
                {
                    changes.Add(new('~', subject, $"{field.Name}: {detail}"));
                }
            }
            else if (!field.Deprecated)
            {
                var added = Labelled(mapped, field.Name);
                parameters[field.Name] = added;
                changes.Add(new('~', subject, $"{field.Name}: new parameter ({Str(added, "type")})"));
                if (mode["hidden"] is null && Str(mode, "retired") is null && (added["label"] is null || Str(added, "type") == "json"))
                {
                    Place(mode, "hidden", $"imported {today}: new parameter '{field.Name}' {(Str(added, "type") == "json" ? "is json (the bot cannot collect it)" : "needs en/ru labels")}", "label", "output");
                    changes.Add(new('~', subject, "hidden until the new parameter is finished by hand"));
                }
            }
        }
    }

    private void Add(SchemaRecord record)
    {
        var (model, created) = ModelFor(record);
        var modes = model["modes"] as JsonArray ?? [];
        model["modes"] = modes;
        var id = UniqueModeId(modes, ModeId(record));
        var parameters = new JsonObject();
        foreach (var field in record.Fields.Where(f => !f.Deprecated))
        {
            parameters[field.Name] = Labelled(ParamMapper.Map(field), field.Name);
        }

        var reasons = new List<string> { "no price", "no labels" };
        reasons.AddRange(parameters.Where(p => Str(p.Value, "type") == "json").Select(p => $"'{p.Key}' is json (the bot cannot collect it)"));
        if (!Families.ClientFollows(record.Api, record.CreatePath))
        {
            reasons.Add($"the KIE client does not follow tasks of {record.CreatePath}");
        }

        var mode = new JsonObject { ["id"] = id, ["kieModel"] = record.KieModel };
        if (record.Api != "jobs")
        {
            mode["api"] = record.Api;
        }

        if (record.ModePath is { } path)
        {
            mode["path"] = path;
        }

        mode["output"] = Output(record);
        mode["hidden"] = $"{Marker} {today}: {string.Join("; ", reasons)}";
        mode["params"] = parameters;
        modes.Add(mode);
        changes.Add(new('+', $"{Str(model, "id")}/{id}", $"{record.KieModel}{(record.ModePath is null ? "" : " at " + record.ModePath)} added{(created ? " (new model)" : "")}, hidden until priced and labelled"));
    }

    private (JsonObject Model, bool Created) ModelFor(SchemaRecord record)
    {
        var group = Group(record.Api, record.KieModel, record.Family);
        var existing = catalog.Models.OfType<JsonObject>().FirstOrDefault(m => Objects(m["modes"]).Any(o => Group(Api(o), Str(o, "kieModel") ?? "", families.GetValueOrDefault(Str(o, "kieModel") ?? "")) == group));
        if (existing is not null)
        {
            return (existing, false);
        }

        var name = record.Api != "jobs" ? record.Api : Prefix(record.KieModel);
        var taken = catalog.Models.OfType<JsonObject>().Select(m => Str(m, "id")).ToHashSet(StringComparer.Ordinal);
        var id = new[] { Id(name), Id(record.Family), Id(record.Family + "-" + name) }.FirstOrDefault(c => !taken.Contains(c)) ?? UniqueModelId(taken, Id(name));
        var model = new JsonObject
        {
            ["id"] = id,
            ["name"] = id == Id(record.Family) ? record.Family : Pretty(name),
            ["vendor"] = record.Family,
            ["category"] = record.Category is "music" ? "audio" : record.Category,
            ["modes"] = new JsonArray(),
        };
        catalog.Models.Add(model);
        return (model, true);
    }

    /// <summary>
    /// Modes of one model share this: for the jobs API, KIE's family and the part of the model id before '/'
    /// (<c>bytedance/seedream…</c> and <c>bytedance/seedance…</c> are two families); for family APIs, the family.
    /// </summary>
    private static string Group(string api, string kieModel, string? family) =>
        api != "jobs" ? api : family + "|" + Prefix(kieModel);

    private static string Prefix(string kieModel) =>
        kieModel.Contains('/', StringComparison.Ordinal) ? kieModel[..kieModel.IndexOf('/', StringComparison.Ordinal)] : kieModel;

    private static string UniqueModelId(HashSet<string?> taken, string id)
    {
        var unique = id;
        for (var n = 2; taken.Contains(unique); n++)
        {
            unique = $"{id}-{n}";
        }

        return unique;
    }

    private static string ModeId(SchemaRecord record)
    {
        if (record.Api == "jobs")
        {
            var slash = record.KieModel.IndexOf('/', StringComparison.Ordinal);
            return slash < 0 ? "generate" : Id(record.KieModel[(slash + 1)..]);
        }

        // A model id KIE derives from the path names the endpoint already; its first part is the family's own
        // segment where it repeats the family (veo/get-4k-video → get-4k-video; midi/generate stays midi-generate).
        if (record.KieModel == record.CreatePath["/api/v1/".Length..] && record.KieModel.Contains('/', StringComparison.Ordinal))
        {
            var first = record.KieModel[..record.KieModel.IndexOf('/', StringComparison.Ordinal)];
            var familySegment = Families.DefaultPath(record.Api)?["/api/v1/".Length..].Split('/')[0];
            return Id(first == familySegment ? record.KieModel[(first.Length + 1)..] : record.KieModel);
        }

        var tail = record.ModePath is { } path ? "-" + Id(path[(path.LastIndexOf('/') + 1)..]) : string.Empty;
        return Id(record.KieModel) + tail;
    }

    private static string UniqueModeId(JsonArray modes, string id)
    {
        var taken = Objects(modes).Select(m => Str(m, "id")).ToHashSet(StringComparer.Ordinal);
        var unique = id;
        for (var n = 2; taken.Contains(unique); n++)
        {
            unique = $"{id}-{n}";
        }

        return unique;
    }

    private static string Output(SchemaRecord record) => record.Category switch
    {
        "video" => "video",
        "audio" or "music" => record.KieModel.Contains("speech-to-text", StringComparison.Ordinal) || record.CreatePath.EndsWith("lyrics", StringComparison.Ordinal) ? "text" : "audio",
        _ => "image",
    };

    private JsonObject Labelled(JsonObject param, string name)
    {
        if (glossary.TryGetValue(name, out var label))
        {
            param.Insert(param.IndexOf("required") is >= 0 and var i ? i + 1 : 1, "label", label.DeepClone());
        }

        return param;
    }

    /// <summary>Labels a parameter name already has elsewhere in the catalog: a new parameter of that name reuses them.</summary>
    private static Dictionary<string, JsonNode> Glossary(CatalogFile catalog)
    {
        var glossary = new Dictionary<string, JsonNode>(StringComparer.Ordinal);
        foreach (var (name, param) in catalog.Models.OfType<JsonObject>().SelectMany(m => Objects(m["modes"])).SelectMany(o => (o["params"] as JsonObject ?? [])))
        {
            if (!glossary.ContainsKey(name) && param?["label"] is { } label && CatalogNodes.Labelled(label))
            {
                glossary[name] = label;
            }
        }

        return glossary;
    }

    private static HashSet<string> PricedParams(JsonObject mode)
    {
        var price = mode["price"] as JsonObject;
        var by = (price?["by"] as JsonArray ?? []).Select(b => b?.ToString() ?? "");
        return by.Append(Str(price, "quantity") ?? "").ToHashSet(StringComparer.Ordinal);
    }

    private static string Pretty(string group) =>
        string.Join(" ", group.Split('-', '_').Where(p => p.Length > 0).Select(p => char.ToUpperInvariant(p[0]) + p[1..]));

    private static string Subject(JsonObject model, JsonObject mode) => $"{Str(model, "id")}/{Str(mode, "id")}";
}
