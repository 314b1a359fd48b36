using System.Text.Json.Nodes;
using KieCatalog.Tool.Sources;

namespace KieCatalog.Tool.Catalog;

/// <summary>Reading and placing properties of catalog JSON objects (models, modes, parameters) in the file's key order.</summary>
internal static class CatalogNodes
{
    public static string? Str(JsonNode? owner, string name) => owner?[name] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    public static IEnumerable<JsonObject> Objects(JsonNode? array) => (array as JsonArray ?? []).OfType<JsonObject>();

    public static string Api(JsonObject mode) => Str(mode, "api") ?? "jobs";

    /// <summary>The identity of a mode: its KIE model id and create endpoint.</summary>
    public static string Key(JsonObject mode) =>
        Str(mode, "kieModel") + " " + (Str(mode, "path") ?? Families.DefaultPath(Api(mode)) ?? "");

    /// <summary>Sets a property, placing a new one right after <paramref name="after"/> (the first of them present), else at the end.</summary>
    public static void Place(JsonObject owner, string name, JsonNode? value, params string[] after)
    {
        if (owner.ContainsKey(name))
        {
            owner[name] = value;
            return;
        }

        var anchor = after.Select(owner.IndexOf).Where(i => i >= 0).DefaultIfEmpty(-1).Max();
        if (anchor < 0)
        {
            owner[name] = value;
        }
        else
        {
            owner.Insert(anchor + 1, name, value);
        }
    }

    /// <summary>Whether a localized text has both en and ru.</summary>
    public static bool Labelled(JsonNode? label) => !string.IsNullOrWhiteSpace(Str(label, "en")) && !string.IsNullOrWhiteSpace(Str(label, "ru"));

    /// <summary>A catalog id from free text: lowercase letters, digits, '-', '.', '_'.</summary>
    public static string Id(string text)
    {
        var chars = text.ToLowerInvariant().Select(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-' or '.' or '_' ? c : '-').ToArray();
        return new string(chars).Trim('-') is { Length: > 0 } id ? id : "model";
    }
}
