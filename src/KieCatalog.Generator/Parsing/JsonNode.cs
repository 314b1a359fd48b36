using System.Collections.Generic;

namespace KieCatalog.Generator.Parsing;

internal enum JsonKind
{
    Object,
    Array,
    String,
    Number,
    True,
    False,
    Null,
}

/// <summary>A JSON value with the character span it came from in the catalog file.</summary>
internal sealed class JsonNode
{
    public JsonNode(JsonKind kind, int start)
    {
        Kind = kind;
        Start = start;
    }

    public JsonKind Kind { get; }

    public int Start { get; }

    public int End { get; set; }

    /// <summary>The decoded string, or the raw number token.</summary>
    public string? Text { get; set; }

    // Created on first use: most nodes are leaves, and a large catalog has hundreds of thousands of them.
    private List<JsonProperty>? properties;
    private List<JsonNode>? items;

    public IReadOnlyList<JsonProperty> Properties => (IReadOnlyList<JsonProperty>?)properties ?? System.Array.Empty<JsonProperty>();

    public IReadOnlyList<JsonNode> Items => (IReadOnlyList<JsonNode>?)items ?? System.Array.Empty<JsonNode>();

    public void Add(JsonProperty property) => (properties ??= new List<JsonProperty>()).Add(property);

    public void Add(JsonNode item) => (items ??= new List<JsonNode>()).Add(item);

    public JsonProperty? Property(string name)
    {
        if (properties is null)
        {
            return null;
        }

        foreach (var property in properties)
        {
            if (property.Name == name)
            {
                return property;
            }
        }

        return null;
    }

    public JsonNode? this[string name] => Property(name)?.Value;

    public string Describe() => Kind switch
    {
        JsonKind.Object => "an object",
        JsonKind.Array => "an array",
        JsonKind.String => "a string",
        JsonKind.Number => "a number",
        JsonKind.Null => "null",
        _ => "a boolean",
    };
}

internal sealed class JsonProperty
{
    public JsonProperty(string name, int nameStart, int nameEnd, JsonNode value)
    {
        Name = name;
        NameStart = nameStart;
        NameEnd = nameEnd;
        Value = value;
    }

    public string Name { get; }

    public int NameStart { get; }

    public int NameEnd { get; }

    public JsonNode Value { get; }
}
