using System.Text.Json.Nodes;

namespace KieBot.Features.Form.Lists;

/// <summary>
/// A list's answer as KIE wire JSON: an array of objects, one per item, each holding its fields' answers as the mode's
/// reader takes them (<c>[{"prompt":"a fox","duration":3}]</c>).
/// </summary>
public static class ListValues
{
    public static IReadOnlyList<JsonObject> Read(string? json) =>
        string.IsNullOrEmpty(json) || JsonNode.Parse(json) is not JsonArray array ? [] : array.OfType<JsonObject>().ToList();

    public static int Count(string? json) => Read(json).Count;

    /// <summary>Item <paramref name="index"/>'s field as JSON text, or null when it has none.</summary>
    public static string? Field(string? json, int index, string field) =>
        Read(json) is var items && index < items.Count && items[index][field] is { } value ? value.ToJsonString() : null;

    /// <summary>The list with item <paramref name="index"/>'s field set to <paramref name="value"/> (removed when null).</summary>
    public static string SetField(string? json, int index, string field, string? value)
    {
        var items = Copy(json);
        if (index < items.Count && items[index] is JsonObject item)
        {
            item.Remove(field);
            if (value is not null)
            {
                item[field] = JsonNode.Parse(value);
            }
        }

        return items.ToJsonString();
    }

    /// <summary>The list with an empty item at its end.</summary>
    public static string Append(string? json)
    {
        var items = Copy(json);
        items.Add(new JsonObject());
        return items.ToJsonString();
    }

    /// <summary>The list without item <paramref name="index"/>.</summary>
    public static string Remove(string? json, int index)
    {
        var items = Copy(json);
        if (index < items.Count)
        {
            items.RemoveAt(index);
        }

        return items.ToJsonString();
    }

    private static JsonArray Copy(string? json) =>
        string.IsNullOrEmpty(json) || JsonNode.Parse(json) is not JsonArray array ? [] : (JsonArray)array.DeepClone();
}
