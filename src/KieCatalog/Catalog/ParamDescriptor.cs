namespace KieCatalog.Catalog;

/// <summary>One allowed value of an enum parameter.</summary>
public sealed class EnumValueDescriptor
{
    public EnumValueDescriptor(string wire, bool isNumber, string callbackData, LocalizedText? label = null, bool offered = true)
    {
        Wire = wire;
        IsNumber = isNumber;
        CallbackData = callbackData;
        Label = label;
        Offered = offered;
    }

    /// <summary>The value as KIE takes it (a string, or the text of a number when <see cref="IsNumber"/>).</summary>
    public string Wire { get; }

    public bool IsNumber { get; }

    /// <summary>The Telegram callback data of the button that picks this value.</summary>
    public string CallbackData { get; }

    /// <summary>What to call the value for people (a voice's name, "Text to video"), when the wire value does not read as is.</summary>
    public LocalizedText? Label { get; }

    /// <summary>False for a value KIE's schema lists but KIE refuses in this mode whatever else is chosen (the catalog's <c>rejects</c>): not worth a button.</summary>
    public bool Offered { get; }

    /// <summary>The value as a person reads it in <paramref name="language"/>: its label, else the wire value.</summary>
    public string Display(string language) => Label?.Get(language) ?? Wire;

    public override string ToString() => Wire;
}

/// <summary>One input parameter of a mode: enough for a generic form to ask for it and check it.</summary>
public sealed class ParamDescriptor
{
    private readonly Func<ModeDescriptor> mode;

    public ParamDescriptor(
        Func<ModeDescriptor> mode,
        string name,
        ParamKind kind,
        bool required,
        LocalizedText label,
        string? defaultValue = null,
        decimal? min = null,
        decimal? max = null,
        int? maxLength = null,
        int? minItems = null,
        int? maxItems = null,
        IReadOnlyList<EnumValueDescriptor>? values = null,
        bool affectsPrice = false,
        string? toggleCallbackData = null,
        int? maxSeconds = null,
        bool durationPriced = false,
        decimal? maxMegapixels = null,
        bool sizePriced = false,
        FollowUpRule? followUp = null,
        ListItems? items = null,
        string? fromParent = null)
    {
        FromParent = fromParent;
        this.mode = mode;
        Name = name;
        Kind = kind;
        Required = required;
        Label = label;
        DefaultValue = defaultValue;
        Min = min;
        Max = max;
        MaxLength = maxLength;
        MinItems = minItems;
        MaxItems = maxItems;
        Values = values ?? Array.Empty<EnumValueDescriptor>();
        AffectsPrice = affectsPrice;
        ToggleCallbackData = toggleCallbackData;
        MaxSeconds = maxSeconds;
        DurationPriced = durationPriced;
        SecondsKey = durationPriced ? name + SecondsKeySuffix : null;
        MaxMegapixels = maxMegapixels;
        SizePriced = sizePriced;
        WidthKey = sizePriced ? name + WidthKeySuffix : null;
        HeightKey = sizePriced ? name + HeightKeySuffix : null;
        FollowUp = followUp;
        Items = items;
        fields = new Lazy<IReadOnlyList<ParamDescriptor>>(() => items?.Build(this) ?? Array.Empty<ParamDescriptor>());
    }

    /// <summary>
    /// On a follow-up, the parent's setting this enum holds (Grok extend's <c>resolution</c>, by which KIE bills it): set
    /// from the task it continues, never asked, never sent to KIE (the price reads it). Null for an ordinary parameter.
    /// </summary>
    public string? FromParent { get; }

    /// <summary>For a <see cref="ParamKind.Task"/> parameter: which earlier generations it takes; null otherwise.</summary>
    public FollowUpRule? FollowUp { get; }

    private readonly Lazy<IReadOnlyList<ParamDescriptor>> fields;

    /// <summary>For a <see cref="ParamKind.List"/> parameter: what its items are (their fields, the switch that turns it on, bounds on totals).</summary>
    public ListItems? Items { get; }

    /// <summary>For a <see cref="ParamKind.List"/> parameter: the fields of each item, each an ordinary parameter; empty otherwise.</summary>
    public IReadOnlyList<ParamDescriptor> Fields => fields.Value;

    /// <summary>For a field of a list's items: the list parameter it belongs to; null for a parameter of the mode.</summary>
    public ParamDescriptor? List { get; internal set; }

    /// <summary>The field of this list's items named <paramref name="name"/>, or null.</summary>
    public ParamDescriptor? FindField(string name) => Fields.FirstOrDefault(f => f.Name == name);

    /// <summary>Appended to a parameter's name, the key of the file's length in an input object (see <see cref="SecondsKey"/>).</summary>
    public const string SecondsKeySuffix = "#seconds";

    /// <summary>Appended to an image parameter's name, the keys of its pixel width and height in an input object (see <see cref="WidthKey"/>).</summary>
    public const string WidthKeySuffix = "#width";

    public const string HeightKeySuffix = "#height";

    /// <summary>The largest image (in megapixels of 1,048,576 pixels) an image parameter takes, where the catalog says.</summary>
    public decimal? MaxMegapixels { get; }

    /// <summary>The price follows this uploaded image's pixel size (per megapixel, or by the output it makes).</summary>
    public bool SizePriced { get; }

    /// <summary>
    /// For a <see cref="SizePriced"/> image, <c>name + "#width"</c> / <c>name + "#height"</c>: the keys under which an input
    /// object given to <see cref="ModeDescriptor.ReadInput"/> carries the image's pixel size (never written to KIE's input).
    /// </summary>
    public string? WidthKey { get; }

    public string? HeightKey { get; }

    public ModeDescriptor Mode => mode();

    /// <summary>The KIE wire name (e.g. <c>image_urls</c>).</summary>
    public string Name { get; }

    public ParamKind Kind { get; }

    public bool Required { get; }

    public LocalizedText Label { get; }

    /// <summary>The default as text: the enum wire value, the number, "true"/"false", or the string.</summary>
    public string? DefaultValue { get; }

    public decimal? Min { get; }

    public decimal? Max { get; }

    public int? MaxLength { get; }

    public int? MinItems { get; }

    public int? MaxItems { get; }

    public IReadOnlyList<EnumValueDescriptor> Values { get; }

    /// <summary>True when changing this parameter changes the price.</summary>
    public bool AffectsPrice { get; }

    /// <summary>The callback data of the toggle button of a boolean parameter.</summary>
    public string? ToggleCallbackData { get; }

    /// <summary>The longest audio or video file KIE takes for this parameter, in seconds (null: no limit in the catalog).</summary>
    public int? MaxSeconds { get; }

    /// <summary>
    /// True for the audio or video upload whose length prices the mode (<see cref="PriceDescriptor.ByFileDuration"/>):
    /// a form that collects this file must also collect its length in seconds, or the input does not validate and
    /// <c>Price()</c> throws.
    /// </summary>
    public bool DurationPriced { get; }

    /// <summary>
    /// For a <see cref="DurationPriced"/> parameter, <c>name + "#seconds"</c> (e.g. <c>audio_url#seconds</c>): the key under
    /// which <see cref="ModeDescriptor.ReadInput"/> reads the file's length as a JSON number, so generic code that keeps
    /// form values as wire JSON per key sets it like any other value. The typed record carries it in its
    /// <c>&lt;Param&gt;Seconds</c> property (e.g. <c>AudioUrlSeconds</c>); it is never written to KIE's input. Null otherwise.
    /// </summary>
    public string? SecondsKey { get; }

    /// <summary>True for uploads (image, video, audio, file and their lists): the value is a URL.</summary>
    public bool IsUpload => Kind is ParamKind.Image or ParamKind.ImageList or ParamKind.Video or ParamKind.VideoList
        or ParamKind.Audio or ParamKind.AudioList or ParamKind.File;

    /// <summary>True for lists of uploads (image[], video[], audio[]): the value is a list of URLs (a <see cref="ParamKind.List"/> of objects is not).</summary>
    public bool IsList => Kind is ParamKind.ImageList or ParamKind.VideoList or ParamKind.AudioList;

    /// <summary>
    /// Asked for in the main form (required and without default; a list only when it needs an item whatever else is
    /// chosen); the rest sit behind settings.
    /// </summary>
    public bool IsAskedFirst => Required && DefaultValue is null && (Kind != ParamKind.List || (MinItems is > 0 && Items?.OnlyWith is null));

    public EnumValueDescriptor? FindValue(string wire) => Values.FirstOrDefault(v => v.Wire == wire);

    public override string ToString() => Name;
}
