using System.Text.Json;

namespace KieCatalog.Catalog;

/// <summary>One KIE model id with its parameters and price: the unit the bot offers and the client calls.</summary>
public abstract class ModeDescriptor
{
    private readonly Func<ModelDescriptor> model;
    private readonly IReadOnlyList<IReadOnlyList<string>> requireOneOfNames;
    private IReadOnlyList<IReadOnlyList<ParamDescriptor>>? requireOneOf;

    protected ModeDescriptor(
        Func<ModelDescriptor> model,
        string id,
        string kieModel,
        ApiFamily api,
        string? createPath,
        OutputKind output,
        LocalizedText label,
        string? hiddenReason,
        IReadOnlyList<string> seedIds,
        PriceDescriptor price,
        string callbackData,
        IReadOnlyList<IReadOnlyList<string>>? requireOneOf = null,
        IReadOnlyList<RequiredWhen>? requireWhen = null)
    {
        requireOneOfNames = requireOneOf ?? Array.Empty<IReadOnlyList<string>>();
        RequireWhen = requireWhen ?? Array.Empty<RequiredWhen>();
        this.model = model;
        Id = id;
        KieModel = kieModel;
        Api = api;
        CreatePath = createPath;
        Output = output;
        Label = label;
        HiddenReason = hiddenReason;
        SeedIds = seedIds;
        Price = price;
        CallbackData = callbackData;
    }

    public ModelDescriptor Model => model();

    public string Id { get; }

    /// <summary>The exact KIE <c>model</c> string.</summary>
    public string KieModel { get; }

    public ApiFamily Api { get; }

    /// <summary>The create endpoint when it is not the family's usual one (e.g. Suno's <c>/api/v1/generate/extend</c>); null otherwise.</summary>
    public string? CreatePath { get; }

    public OutputKind Output { get; }

    public LocalizedText Label { get; }

    /// <summary>Why bot users do not see this mode (null when visible).</summary>
    public string? HiddenReason { get; }

    public bool IsVisible => HiddenReason is null;

    /// <summary>Ids this mode had in earlier catalogs, for tracing.</summary>
    public IReadOnlyList<string> SeedIds { get; }

    public PriceDescriptor Price { get; }

    public string CallbackData { get; }

    public abstract IReadOnlyList<ParamDescriptor> Params { get; }

    public abstract Type InputType { get; }

    /// <summary>
    /// Groups of optional parameters of which at least one must be given (catalog <c>requireOneOf</c>; e.g. GPT-4o Image
    /// takes a prompt, images, or both). <c>Validate()</c> reports <see cref="ViolationCode.NoneOf"/> when a group is
    /// empty; a form can ask the first parameter of each group as a required step. Empty for most modes.
    /// </summary>
    public IReadOnlyList<IReadOnlyList<ParamDescriptor>> RequireOneOf =>
        requireOneOf ?? Interlocked.CompareExchange(ref requireOneOf, requireOneOfNames.Select(g => (IReadOnlyList<ParamDescriptor>)g.Select(n => FindParam(n)!).ToArray()).ToArray(), null) ?? requireOneOf!;

    /// <summary>
    /// Parameters required only while others hold given values (catalog <c>requireWhen</c>; Suno's custom mode needs a
    /// style and a title). <c>Validate()</c> reports <see cref="ViolationCode.Missing"/> (and <see cref="ViolationCode.TooLong"/>
    /// past a rule's <see cref="RequiredWhen.MaxLength"/>); a form asks a rule's parameters once its conditions hold. Empty
    /// for most modes.
    /// </summary>
    public IReadOnlyList<RequiredWhen> RequireWhen { get; }

    /// <summary>The upload whose length in seconds prices this mode (<see cref="PriceDescriptor.ByFileDuration"/>), or null.</summary>
    public ParamDescriptor? DurationParam => Price.ByFileDuration ? FindParam(Price.QuantityParam!) : null;

    /// <summary>"modelId/modeId".</summary>
    public string Key => Model.Id + "/" + Id;

    public ParamDescriptor? FindParam(string name) => Params.FirstOrDefault(p => p.Name == name);

    /// <summary>The parameter that takes the earlier generation this mode continues; null for a mode that starts from scratch.</summary>
    public ParamDescriptor? FollowUpParam => Params.FirstOrDefault(p => p.Kind == ParamKind.Task);

    /// <summary>True when this mode continues a finished task of <paramref name="parent"/> (its result is one this mode takes).</summary>
    public bool Continues(ModeDescriptor parent) => FollowUpParam?.FollowUp?.From.Contains(parent) == true;

    /// <summary>
    /// Reads a KIE <c>input</c> object (the shape <see cref="IModeInput.WriteInput"/> writes) into the typed input.
    /// Missing required values, wrong types and unknown names are listed in <paramref name="violations"/>;
    /// call <see cref="IModeInput.Validate"/> on the result for the constraints. Besides KIE's parameters it reads the
    /// length in seconds of a <see cref="ParamDescriptor.DurationPriced"/> file under its
    /// <see cref="ParamDescriptor.SecondsKey"/> (<c>{"audio_url": "https://…", "audio_url#seconds": 3}</c>), which
    /// <see cref="IModeInput.WriteInput"/> never writes.
    /// </summary>
    public abstract IModeInput ReadInput(JsonElement input, out IReadOnlyList<InputViolation> violations);

    public override string ToString() => Key;
}

/// <summary>A mode whose typed input record is <typeparamref name="TInput"/>.</summary>
public sealed class ModeDescriptor<TInput> : ModeDescriptor
    where TInput : IModeInput
{
    private readonly Func<ModeDescriptor, IReadOnlyList<ParamDescriptor>> parameters;
    private readonly Func<JsonElement, List<InputViolation>, TInput> reader;
    private IReadOnlyList<ParamDescriptor>? built;

    public ModeDescriptor(
        Func<ModelDescriptor> model,
        string id,
        string kieModel,
        ApiFamily api,
        string? createPath,
        OutputKind output,
        LocalizedText label,
        string? hiddenReason,
        IReadOnlyList<string> seedIds,
        PriceDescriptor price,
        string callbackData,
        Func<ModeDescriptor, IReadOnlyList<ParamDescriptor>> parameters,
        Func<JsonElement, List<InputViolation>, TInput> reader,
        IReadOnlyList<IReadOnlyList<string>>? requireOneOf = null,
        IReadOnlyList<RequiredWhen>? requireWhen = null)
        : base(model, id, kieModel, api, createPath, output, label, hiddenReason, seedIds, price, callbackData, requireOneOf, requireWhen)
    {
        this.parameters = parameters;
        this.reader = reader;
    }

    /// <summary>Built once on first use; threads racing to it all get the same instances (callbacks compare them by reference).</summary>
    public override IReadOnlyList<ParamDescriptor> Params => built ?? Interlocked.CompareExchange(ref built, parameters(this), null) ?? built!;

    public override Type InputType => typeof(TInput);

    public override IModeInput ReadInput(JsonElement input, out IReadOnlyList<InputViolation> violations) => Read(input, out violations);

    /// <summary>Typed variant of <see cref="ModeDescriptor.ReadInput"/>.</summary>
    public TInput Read(JsonElement input, out IReadOnlyList<InputViolation> violations)
    {
        var list = new List<InputViolation>();
        var result = reader(input, list);
        violations = list;
        return result;
    }
}
