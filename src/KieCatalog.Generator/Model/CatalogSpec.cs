namespace KieCatalog.Generator.Model;

/// <summary>An English and Russian text.</summary>
internal sealed record LocalizedSpec(string En, string Ru);

/// <summary>One allowed value of an enum parameter: its wire token (string, or raw number), C# name, and its label if it has one.</summary>
internal sealed record EnumValueSpec(string Wire, bool IsNumber, string Identifier, LocalizedSpec? Label = null);

/// <summary>
/// One input parameter of a mode, with its constraints. Default is the decoded text of the JSON value. MaxSeconds is the
/// longest audio/video file KIE takes; DurationPriced marks the upload whose length in seconds the price is multiplied by.
/// FromParent: on a follow-up, the parent's setting this enum copies (never sent: KIE bills Grok's extend by the
/// resolution of the video it extends, which only the parent task knows).
/// </summary>
internal sealed record ParamSpec(
    string Name,
    string Kind,
    bool Required,
    LocalizedSpec Label,
    string? Default,
    string? Min,
    string? Max,
    int? MaxLength,
    int? MinItems,
    int? MaxItems,
    EquatableArray<EnumValueSpec> Values,
    bool AffectsPrice,
    int? MaxSeconds = null,
    bool DurationPriced = false,
    string? MaxMegapixels = null,
    bool SizePriced = false,
    FollowUpSpec? FollowUp = null,
    ListSpec? List = null,
    string? FromParent = null);

/// <summary>
/// What a <c>task</c> parameter (an earlier generation) accepts: the modes whose results it continues (<c>model/mode</c>
/// keys), the integer parameter that takes the index of one of the parent's outputs, the modes after whose success on the
/// parent KIE refuses it, how many days KIE keeps a parent it can continue, whether the parameter itself takes the id of
/// one of the parent's outputs (a Suno track's audioId) instead of the task's, and the string parameter that takes it.
/// </summary>
internal sealed record FollowUpSpec(EquatableArray<string> From, string? Output, EquatableArray<string> NotAfter, int? MaxAgeDays, bool TakesOutputId = false, string? OutputId = null);

/// <summary>
/// The items of a <c>list</c> parameter: their fields (ordinary parameters), the boolean parameter that switches the list
/// on (<c>onlyWith</c>), and bounds on what a field adds up to over the items (<c>totals</c>).
/// </summary>
internal sealed record ListSpec(EquatableArray<ParamSpec> Fields, string? OnlyWith, EquatableArray<TotalSpec> Totals);

/// <summary>The least and most a field of a list's items may add up to (a number's sum, a text's characters).</summary>
internal sealed record TotalSpec(string Field, string? Min, string? Max);

/// <summary>One row of a price table: the values of the priced parameters, and credits (null = not offered).</summary>
internal sealed record PriceEntrySpec(EquatableArray<string> Key, string? Credits);

/// <summary>
/// How a mode is priced. Credits are decimal literals kept as text. ByFileDuration: Quantity names an audio/video upload
/// and the rate is multiplied by that file's length (whole seconds, or started minutes), not by a parameter's value.
/// A Quantity of the form <c>list[].field</c> sums the field over the list's items; Otherwise is the parameter that
/// counts instead while the list is not in use (switched off, or without items).
/// </summary>
internal sealed record PriceSpec(
    string? Credits,
    EquatableArray<string> By,
    EquatableArray<PriceEntrySpec> Table,
    string Unit,
    string? Quantity,
    string? MaxQuantity,
    string MinCredits,
    string? MaxCredits,
    bool ByFileDuration = false,
    bool ByImageSize = false,
    string? Factor = null,
    EquatableArray<SizeTierSpec> Tiers = default,
    bool Produced = false,
    string? Otherwise = null);

/// <summary>One step of a price by output size: up to <paramref name="MaxSide"/> pixels on the longer side, <paramref name="Credits"/>.</summary>
internal sealed record SizeTierSpec(int MaxSide, string Credits);

/// <summary>
/// A mode: one KIE model id with its parameters and price. RequireOneOf: groups of parameters of which at least one must be
/// given; RequireWhen: parameters required (and limits applied) only while other parameters hold given values.
/// </summary>
internal sealed record ModeSpec(
    string Id,
    string KieModel,
    string Api,
    string? Path,
    string Output,
    LocalizedSpec Label,
    string? Hidden,
    EquatableArray<string> SeedIds,
    PriceSpec Price,
    EquatableArray<ParamSpec> Params,
    EquatableArray<EquatableArray<string>> RequireOneOf = default,
    EquatableArray<RejectSpec> Rejects = default,
    EquatableArray<RequireWhenSpec> RequireWhen = default);

/// <summary>One parameter's part of a combination (KIE rejects it, or a condition holds): the parameter and the wire values that take part.</summary>
internal sealed record RejectTerm(string Param, EquatableArray<string> Values);

/// <summary>A combination of values KIE rejects: an input matching every term is not offered.</summary>
internal sealed record RejectSpec(EquatableArray<RejectTerm> Terms);

/// <summary>
/// Parameters KIE requires only in some settings: while every term of <paramref name="When"/> holds, each of
/// <paramref name="Params"/> must be given, and when <paramref name="MaxLength"/> is set, be at most that many characters.
/// </summary>
internal sealed record RequireWhenSpec(EquatableArray<RejectTerm> When, EquatableArray<string> Params, int? MaxLength);

/// <summary>A model: a family of modes shown together.</summary>
internal sealed record ModelSpec(
    string Id,
    string Name,
    string Vendor,
    string Category,
    LocalizedSpec Description,
    EquatableArray<string> SeedIds,
    EquatableArray<ModeSpec> Modes);

/// <summary>The whole catalog: the generation models and the chat models.</summary>
internal sealed record CatalogSpec(string Version, string CreditUsd, EquatableArray<ModelSpec> Models, EquatableArray<ChatModelSpec> Chat = default);

/// <summary>What the parse step hands on: the spec (null when an error makes emitting pointless) and the problems.</summary>
internal sealed record CatalogResult(string Path, CatalogSpec? Spec, EquatableArray<DiagnosticInfo> Diagnostics);
