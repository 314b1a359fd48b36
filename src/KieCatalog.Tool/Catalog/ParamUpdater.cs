using System.Text.Json.Nodes;
using static KieCatalog.Tool.Catalog.CatalogNodes;

namespace KieCatalog.Tool.Catalog;

/// <summary>
/// An import's update of a parameter the catalog has already: the wire facts follow the schema, except that the
/// catalog's enum values keep narrowing a scalar the schema leaves open, and a priced parameter without a default stays
/// required.
/// </summary>
internal static class ParamUpdater
{
    /// <summary>Brings a parameter's wire facts to the schema's; returns what changed.</summary>
    public static List<string> Update(JsonObject existing, JsonObject mapped, bool priced)
    {
        var changed = new List<string>();
        var kind = Str(existing, "type") ?? "string";
        var newKind = Str(mapped, "type")!;
        if (kind == "enum" && newKind is "string" or "text" or "integer" or "number")
        {
            // The schema leaves a scalar open; the catalog's values narrow it (from the docs, and its price may depend on them).
            // Only the JSON type of the values follows the schema.
            if (newKind is "integer" or "number" && existing["values"] is JsonArray strings && strings.All(v => v is JsonValue s && s.TryGetValue<string>(out var t) && decimal.TryParse(t, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out _)))
            {
                existing["values"] = new JsonArray(strings.Select(v => JsonNode.Parse(ParamMapper.Text(v!))).ToArray());
                if (existing["default"] is JsonValue d && d.TryGetValue<string>(out var text))
                {
                    existing["default"] = JsonNode.Parse(text);
                }

                changed.Add("enum values are numbers on the wire");
            }

            newKind = "enum";
            mapped = new JsonObject { ["type"] = "enum", ["required"] = mapped["required"]?.DeepClone() };
            if (mapped["required"] is null)
            {
                mapped.Remove("required");
            }
        }

        if (ParamMapper.WireClass(kind) != ParamMapper.WireClass(newKind))
        {
            foreach (var fact in ParamMapper.WireFacts.Where(f => f != "required"))
            {
                existing.Remove(fact);
            }

            Place(existing, "type", newKind);
            foreach (var fact in ParamMapper.WireFacts.Where(f => f is not ("type" or "required") && mapped[f] is not null))
            {
                existing[fact] = mapped[fact]!.DeepClone();
            }

            changed.Add($"type {kind} → {newKind}");
        }
        else
        {
            if (newKind == "enum" && mapped["values"] is JsonArray values && !SameSet(existing["values"] as JsonArray, values))
            {
                changed.Add($"values [{Join(existing["values"])}] → [{Join(values)}]");
                existing["values"] = values.DeepClone();
                if (existing["default"] is { } d && !values.Any(v => ParamMapper.Text(v!) == ParamMapper.Text(d)))
                {
                    existing.Remove("default");
                    changed.Add("default dropped: no longer one of the values");
                }
            }

            foreach (var fact in new[] { "default", "min", "max", "maxLength", "minItems", "maxItems" })
            {
                if (mapped[fact] is { } value && !NodeText.Comparer.Equals(existing[fact], value) && !(existing[fact] is { } old && ParamMapper.Text(old) == ParamMapper.Text(value)))
                {
                    changed.Add($"{fact} {(existing[fact] is null ? "(none)" : existing[fact]!.ToJsonString())} → {value.ToJsonString()}");
                    Place(existing, fact, value.DeepClone(), "values", "label", "required", "type");
                }
            }
        }

        var required = mapped["required"] is not null;
        var was = existing["required"] is JsonValue r && r.TryGetValue<bool>(out var b) && b;
        if (required && !was)
        {
            Place(existing, "required", true, "type");
            changed.Add("now required");
        }
        else if (!required && was && !(priced && existing["default"] is null))
        {
            existing.Remove("required");
            changed.Add("now optional");
        }

        return changed;
    }

    private static bool SameSet(JsonArray? a, JsonArray b) =>
        a is not null && a.Select(v => ParamMapper.Text(v!)).ToHashSet(StringComparer.Ordinal).SetEquals(b.Select(v => ParamMapper.Text(v!)));

    private static string Join(JsonNode? values) => string.Join(", ", (values as JsonArray ?? []).Select(v => ParamMapper.Text(v!)));
}
