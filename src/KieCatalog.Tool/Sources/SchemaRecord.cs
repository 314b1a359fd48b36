using System.Text.Json.Nodes;

namespace KieCatalog.Tool.Sources;

/// <summary>One request field of a KIE model as its published schema states it.</summary>
internal sealed record SchemaField(
    string Name,
    string Type,
    bool Required,
    IReadOnlyList<JsonNode?>? Enum,
    JsonNode? Default,
    decimal? Minimum,
    decimal? Maximum,
    int? MaxLength,
    int? MinItems,
    int? MaxItems,
    string? ItemType,
    string? Format,
    bool Deprecated);

/// <summary>
/// One KIE model id on one create endpoint: the unit a catalog mode stands for. <see cref="Api"/> is the catalog's
/// API family name (<c>jobs</c>, <c>veo</c>, <c>suno</c>…); <see cref="Category"/> is KIE's (image, video, audio, music, text).
/// </summary>
internal sealed record SchemaRecord(string KieModel, string Api, string CreatePath, string Category, string Family, IReadOnlyList<SchemaField> Fields)
{
    /// <summary>The create path a catalog mode writes as <c>path</c>: null when it is the family's usual endpoint.</summary>
    public string? ModePath => Families.DefaultPath(Api) == CreatePath ? null : CreatePath;

    public string Key => KieModel + " " + CreatePath;
}

/// <summary>
/// What one SOURCE argument held. A complete source (the market schema list) speaks for every model of the API
/// families it contains, so a catalog mode of those families it lacks has been retired; a single OpenAPI page does not.
/// </summary>
/// <see cref="LeftOut"/> names the records that are not generations (KIE's <c>text</c> category: chat models), and
/// <see cref="Chat"/> holds what the catalog's chat family takes of them.
internal sealed record SchemaSource(string Origin, bool Complete, IReadOnlyList<SchemaRecord> Records, IReadOnlyList<string>? LeftOut = null, IReadOnlyList<ChatRecord>? Chat = null);

/// <summary>
/// One of KIE's chat records: its id and endpoint, whether the body carries <c>model</c> (and which id it sends, when KIE's
/// schema allows one other than the record's), whether its messages take images, and the <c>max_tokens</c> its schema defaults to.
/// </summary>
internal sealed record ChatRecord(string KieModel, string CreatePath, string Family, bool ModelInBody, string? BodyModel, bool Images, int? DefaultMaxTokens);

/// <summary>A source that cannot be read: where and why, printed as <c>file(line,col): error: message</c>.</summary>
internal sealed class SourceException(string origin, int line, int column, string message) : Exception(message)
{
    public string Origin { get; } = origin;

    public int Line { get; } = line;

    public int Column { get; } = column;

    public override string ToString() => $"{Origin}({Line},{Column}): error: {Message}";
}
