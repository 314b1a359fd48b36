using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using KieCatalog.Tool.Sources;

namespace KieCatalog.Tool.Catalog;

/// <summary>
/// A schema field as a catalog parameter: its kind from the wire type and name (a URI string named for images is an
/// <c>image</c> upload), and the wire facts a schema states: required, enum values, default, limits.
/// </summary>
internal static partial class ParamMapper
{
    /// <summary>The wire facts the import owns; everything else on a parameter (labels) is hand-written and kept.</summary>
    public static readonly string[] WireFacts = ["type", "required", "values", "default", "min", "max", "maxLength", "minItems", "maxItems"];

    public static JsonObject Map(SchemaField f)
    {
        var kind = Kind(f);
        var param = new JsonObject { ["type"] = kind };
        if (f.Required)
        {
            param["required"] = true;
        }

        if (kind == "enum")
        {
            var numbers = f.Type is "integer" or "number" && f.Enum!.All(v => v is JsonValue n && n.TryGetValue<decimal>(out _));
            param["values"] = new JsonArray(f.Enum!.Where(v => v is not null).Select(v => numbers ? v!.DeepClone() : (JsonNode)JsonValue.Create(Text(v!))).Distinct(NodeText.Comparer).ToArray());
        }

        if (Default(f, kind, param["values"] as JsonArray) is { } value)
        {
            param["default"] = value;
        }

        if (kind is "integer" or "number")
        {
            Set(param, "min", f.Minimum);
            Set(param, "max", f.Maximum);
        }

        if (kind is "text" or "string" && f.MaxLength is { } length)
        {
            param["maxLength"] = length;
        }

        if (kind.EndsWith("[]", StringComparison.Ordinal))
        {
            Set(param, "minItems", f.MinItems);
            Set(param, "maxItems", f.MaxItems);
        }

        return param;
    }

    /// <summary>Kinds that send the same JSON type: a hand-chosen <c>text</c> (or <c>task</c>, an earlier task's id) for a schema <c>string</c> is not a change.</summary>
    public static string WireClass(string kind) => kind switch
    {
        "text" or "string" or "image" or "video" or "audio" or "file" or "task" => "string",
        "image[]" or "video[]" or "audio[]" => "list",

        // A schema's array of objects imports as json; a hand-made list of its items' fields sends the same array.
        "list" => "json",
        _ => kind,
    };

    public static string Kind(SchemaField f)
    {
        if (f.Enum is { Count: > 0 } && f.Type is "string" or "integer" or "number")
        {
            return "enum";
        }

        switch (f.Type)
        {
            case "boolean":
                return "boolean";
            case "integer":
                return "integer";
            case "number":
                return "number";
            case "string":
                return IsUrl(f.Name, f.Format) ? Upload(f.Name) : IsLongText(f) ? "text" : "string";
            case "array" when f.ItemType is null or "string" && (IsUrl(f.Name, f.Format) || UploadWord().IsMatch(f.Name)):
                return Upload(f.Name) is var single && single != "file" ? single + "[]" : "image[]";
            default:
                return "json";
        }
    }

    private static bool IsUrl(string name, string? format) =>
        format is "uri" or "url" || UrlName().IsMatch(name);

    private static bool IsLongText(SchemaField f) =>
        TextName().IsMatch(f.Name) || f.MaxLength is > 300;

    private static string Upload(string name)
    {
        var lower = name.ToLowerInvariant();
        if (lower.Contains("video", StringComparison.Ordinal))
        {
            return "video";
        }

        if (AudioWord().IsMatch(lower))
        {
            return "audio";
        }

        return ImageWord().IsMatch(lower) ? "image" : "file";
    }

    private static JsonNode? Default(SchemaField f, string kind, JsonArray? values)
    {
        if (f.Default is not JsonValue d)
        {
            return null;
        }

        switch (kind)
        {
            case "enum":
                var numbers = values!.Count > 0 && values[0] is JsonValue first && first.GetValueKind() == System.Text.Json.JsonValueKind.Number;
                var text = Text(d);
                var match = values.FirstOrDefault(v => Text(v!) == text);
                return match is null ? null : numbers ? match.DeepClone() : JsonValue.Create(text);
            case "boolean":
                return d.TryGetValue<bool>(out var b) ? JsonValue.Create(b) : null;
            case "integer":
                return d.TryGetValue<decimal>(out var i) && i == decimal.Truncate(i) && (f.Minimum is null || i >= f.Minimum) && (f.Maximum is null || i <= f.Maximum) ? d.DeepClone() : null;
            case "number":
                return d.TryGetValue<decimal>(out var n) && (f.Minimum is null || n >= f.Minimum) && (f.Maximum is null || n <= f.Maximum) ? d.DeepClone() : null;
            case "text" or "string":
                return d.TryGetValue<string>(out var s) && (f.MaxLength is null || s.Length <= f.MaxLength) ? JsonValue.Create(s) : null;
            default:
                return null;
        }
    }

    public static string Text(JsonNode node) => node is JsonValue v && v.TryGetValue<string>(out var s) ? s : node.ToJsonString();

    private static void Set(JsonObject param, string name, decimal? value)
    {
        if (value is { } v)
        {
            param[name] = JsonNode.Parse(v.ToString(CultureInfo.InvariantCulture));
        }
    }

    private static void Set(JsonObject param, string name, int? value)
    {
        if (value is { } v)
        {
            param[name] = v;
        }
    }

    [GeneratedRegex(@"(url|urls|uri|Url|Urls|URL|_input)$|^(image|video|audio|mask)$")]
    private static partial Regex UrlName();

    [GeneratedRegex(@"prompt|lyrics|^text$|_text$|Text$|description|instruction|style$", RegexOptions.IgnoreCase)]
    private static partial Regex TextName();

    [GeneratedRegex("image|video|audio|frame|mask|photo|reference", RegexOptions.IgnoreCase)]
    private static partial Regex UploadWord();

    [GeneratedRegex("audio|music|voice|sound|song|upload")]
    private static partial Regex AudioWord();

    [GeneratedRegex("image|img|photo|frame|mask|reference|picture|logo|face")]
    private static partial Regex ImageWord();
}

/// <summary>Compares JSON values by their text (enum values, defaults).</summary>
internal sealed class NodeText : IEqualityComparer<JsonNode?>
{
    public static readonly NodeText Comparer = new();

    public bool Equals(JsonNode? x, JsonNode? y) => x is null ? y is null : y is not null && x.ToJsonString() == y.ToJsonString();

    public int GetHashCode(JsonNode? obj) => obj?.ToJsonString().GetHashCode(StringComparison.Ordinal) ?? 0;
}
