namespace KieCatalog.Chat;

/// <summary>
/// One KIE chat model of the catalog's <c>chat</c> family: the endpoint it answers at, the protocol it speaks, the
/// limits KIE states and its price per million tokens. Generated into <c>ChatModels</c>; a hidden one says why.
/// </summary>
public sealed class ChatModeDescriptor
{
    public ChatModeDescriptor(
        string id,
        string name,
        string vendor,
        string kieModel,
        ChatProtocol protocol,
        string path,
        bool modelInBody,
        bool acceptsImages,
        int? contextTokens,
        int? maxOutputTokens,
        int? defaultMaxTokens,
        ChatTokenPrice? price,
        string? hiddenReason)
    {
        Id = id;
        Name = name;
        Vendor = vendor;
        KieModel = kieModel;
        Protocol = protocol;
        Path = path;
        ModelInBody = modelInBody;
        AcceptsImages = acceptsImages;
        ContextTokens = contextTokens;
        MaxOutputTokens = maxOutputTokens;
        DefaultMaxTokens = defaultMaxTokens;
        Price = price;
        HiddenReason = hiddenReason;
    }

    /// <summary>The catalog id (KIE's model record id).</summary>
    public string Id { get; }

    public string Name { get; }

    public string Vendor { get; }

    /// <summary>The <c>model</c> sent in the body when <see cref="ModelInBody"/> (otherwise the path names the model).</summary>
    public string KieModel { get; }

    public ChatProtocol Protocol { get; }

    /// <summary>The endpoint, relative to KIE's base URL (e.g. <c>/gemini-2.5-pro/v1/chat/completions</c>).</summary>
    public string Path { get; }

    /// <summary>True when the request body carries <c>model</c> (Claude); false when the path alone names the model.</summary>
    public bool ModelInBody { get; }

    /// <summary>True when KIE's schema for the model takes images in a message.</summary>
    public bool AcceptsImages { get; }

    /// <summary>The context window in tokens, where KIE states it.</summary>
    public int? ContextTokens { get; }

    /// <summary>The most output tokens one answer may have, where KIE states it.</summary>
    public int? MaxOutputTokens { get; }

    /// <summary>The <c>max_tokens</c> KIE's schema defaults to (sent when a request sets none and the protocol needs one).</summary>
    public int? DefaultMaxTokens { get; }

    /// <summary>Credits per million input and output tokens; null when KIE publishes no price for the model.</summary>
    public ChatTokenPrice? Price { get; }

    /// <summary>Why bot users are not offered the model (a fact); null when it is on sale.</summary>
    public string? HiddenReason { get; }

    public bool IsVisible => HiddenReason is null;

    /// <summary>True when the client speaks the model's protocol.</summary>
    public bool IsSupported => Protocol.IsSupported();

    public override string ToString() => Id;
}
