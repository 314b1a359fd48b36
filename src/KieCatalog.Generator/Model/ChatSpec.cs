namespace KieCatalog.Generator.Model;

/// <summary>A chat model's price: KIE credits per million input tokens and per million output tokens (decimal literals as text).</summary>
internal sealed record ChatPriceSpec(string InputPerMillion, string OutputPerMillion);

/// <summary>
/// One chat model of the catalog's <c>chat</c> family: its endpoint, protocol, the limits KIE states, its token price
/// (null when KIE publishes none) and why it is hidden.
/// </summary>
internal sealed record ChatModelSpec(
    string Id,
    string Name,
    string Vendor,
    string KieModel,
    string Protocol,
    string Path,
    bool ModelInBody,
    bool Images,
    int? ContextTokens,
    int? MaxOutputTokens,
    int? DefaultMaxTokens,
    ChatPriceSpec? Price,
    string? Hidden);
