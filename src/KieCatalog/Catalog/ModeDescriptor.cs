using System.Text.Json;

namespace KieCatalog.Catalog;

/// <summary>One KIE model id with its parameters and price: the unit the bot offers and the client calls.</summary>
public abstract class ModeDescriptor
{
    private readonly Func<ModelDescriptor> model;

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
        string callbackData)
    {
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

    /// <summary>"modelId/modeId".</summary>
    public string Key => Model.Id + "/" + Id;

    public ParamDescriptor? FindParam(string name) => Params.FirstOrDefault(p => p.Name == name);

    /// <summary>
    /// Reads a KIE <c>input</c> object (the shape <see cref="IModeInput.WriteInput"/> writes) into the typed input.
    /// Missing required values, wrong types and unknown names are listed in <paramref name="violations"/>;
    /// call <see cref="IModeInput.Validate"/> on the result for the constraints.
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
        Func<JsonElement, List<InputViolation>, TInput> reader)
        : base(model, id, kieModel, api, createPath, output, label, hiddenReason, seedIds, price, callbackData)
    {
        this.parameters = parameters;
        this.reader = reader;
    }

    public override IReadOnlyList<ParamDescriptor> Params => built ??= parameters(this);

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
