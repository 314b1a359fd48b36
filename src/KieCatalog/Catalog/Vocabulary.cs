namespace KieCatalog.Catalog;

/// <summary>What a model makes; the bot groups its menu by it.</summary>
public enum ModelCategory
{
    Image,
    Video,
    Audio,
}

/// <summary>What a finished task delivers.</summary>
public enum OutputKind
{
    Image,
    Video,
    Audio,
    Text,
}

/// <summary>The KIE API family a mode is called through (create and status endpoints differ per family).</summary>
public enum ApiFamily
{
    Jobs,
    Veo,
    Runway,
    Aleph,
    Suno,
    Gpt4oImage,
    FluxKontext,
    Midjourney,
    Luma,

    /// <summary>Gemini Omni helpers (voice and character creation): synchronous endpoints that answer with the ids they made.</summary>
    Omni,
}

/// <summary>The closed set of parameter kinds a catalog may use.</summary>
public enum ParamKind
{
    Text,
    String,
    Integer,
    Number,
    Boolean,
    Enum,
    Image,
    ImageList,
    Video,
    VideoList,
    Audio,
    AudioList,
    File,

    /// <summary>Any JSON value sent as is (Wan 2.7 Image's boxes, lists of integers); the bot cannot collect it, so such modes are hidden.</summary>
    Json,

    /// <summary>
    /// An earlier generation, sent as its KIE task id: the mode continues it (extend, upscale, a higher resolution). Its
    /// <see cref="ParamDescriptor.FollowUp"/> says which modes' results it takes.
    /// </summary>
    Task,

    /// <summary>A list of objects whose fields are parameters of their own (<see cref="ParamDescriptor.Fields"/>): shots, dialogue lines.</summary>
    List,
}

/// <summary>What a price is counted per.</summary>
public enum PriceUnit
{
    Task,
    Image,
    Second,
    Minute,
    ThousandChars,

    /// <summary>Per started megapixel (1,048,576 pixels) of an uploaded image (<see cref="PriceDescriptor.ByImageSize"/>).</summary>
    Megapixel,

    /// <summary>By the longer side of the output an uploaded image makes (its longer side times a factor), in tiers (<see cref="PriceDescriptor.ByImageSize"/>).</summary>
    OutputSize,

    /// <summary>The catalog has no price for this (hidden) mode yet; its input's Price() throws <see cref="UnpricedModeException"/>.</summary>
    Unpriced,
}

/// <summary>A text in English and Russian.</summary>
public sealed record LocalizedText(string En, string Ru)
{
    /// <summary>The Russian text for "ru", the English one for anything else.</summary>
    public string Get(string? language) => language == "ru" ? Ru : En;

    public override string ToString() => En;
}
