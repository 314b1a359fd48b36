using KieCatalog.Generator.Model;

namespace KieCatalog.Generator.Emitting;

/// <summary>Emits <c>ChatModels</c>: one typed descriptor per chat model, the list of them and a look-up by id.</summary>
internal static class ChatEmitter
{
    private const string Descriptor = "global::KieCatalog.Chat.ChatModeDescriptor";

    public static string Emit(string ns, CatalogSpec catalog)
    {
        var w = new SourceWriter().Header().Line($"namespace {ns};").Line();
        w.Line("/// <summary>KIE's chat models from the catalog file: endpoint, protocol, limits and price per million tokens.</summary>");
        w.Open("public static partial class ChatModels");
        foreach (var chat in catalog.Chat)
        {
            w.Line($"/// <summary>{SourceWriter.Doc(chat.Name)} at <c>{SourceWriter.Doc(chat.Path)}</c>{(chat.Hidden is null ? "" : " (hidden: " + SourceWriter.Doc(chat.Hidden) + ")")}.</summary>");
            w.Line($"public static {Descriptor} {Naming.Pascal(chat.Id)} {{ get; }} = new(");
            w.Line($"    {SourceWriter.Str(chat.Id)}, {SourceWriter.Str(chat.Name)}, {SourceWriter.Str(chat.Vendor)}, {SourceWriter.Str(chat.KieModel)},");
            w.Line($"    global::KieCatalog.Chat.ChatProtocol.{Protocol(chat.Protocol)}, {SourceWriter.Str(chat.Path)},");
            w.Line($"    modelInBody: {Bool(chat.ModelInBody)}, acceptsImages: {Bool(chat.Images)},");
            w.Line($"    contextTokens: {SourceWriter.Int(chat.ContextTokens)}, maxOutputTokens: {SourceWriter.Int(chat.MaxOutputTokens)}, defaultMaxTokens: {SourceWriter.Int(chat.DefaultMaxTokens)},");
            w.Line($"    price: {Price(chat.Price)},");
            w.Line($"    hiddenReason: {SourceWriter.Str(chat.Hidden)});");
            w.Line();
        }

        w.Line("/// <summary>Every chat model, in catalog order.</summary>");
        w.Line($"public static global::System.Collections.Generic.IReadOnlyList<{Descriptor}> All {{ get; }} = new {Descriptor}[]");
        w.Line("{");
        foreach (var chat in catalog.Chat)
        {
            w.Line($"    {Naming.Pascal(chat.Id)},");
        }

        w.Line("};");
        w.Line();
        w.Line($"private static readonly global::System.Collections.Generic.Dictionary<string, {Descriptor}> ById =");
        w.Line("    global::System.Linq.Enumerable.ToDictionary(All, m => m.Id, global::System.StringComparer.Ordinal);");
        w.Line();
        w.Line("/// <summary>The chat model with this catalog id, or null.</summary>");
        w.Line($"public static {Descriptor}? Find(string id) => ById.TryGetValue(id, out var model) ? model : null;");
        w.Close();
        return w.ToString();
    }

    private static string Protocol(string protocol) => protocol switch
    {
        "anthropic-messages" => "AnthropicMessages",
        "openai-responses" => "OpenAiResponses",
        "gemini-generate" => "GeminiGenerateContent",
        _ => "OpenAiChatCompletions",
    };

    private static string Bool(bool value) => value ? "true" : "false";

    private static string Price(ChatPriceSpec? price) => price is null
        ? "null"
        : $"new global::KieCatalog.Chat.ChatTokenPrice({price.InputPerMillion}m, {price.OutputPerMillion}m)";
}
