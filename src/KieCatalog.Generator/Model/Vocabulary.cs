using System.Collections.Generic;
using System.Linq;

namespace KieCatalog.Generator.Model;

/// <summary>The closed sets the catalog may use. The KieCatalog library mirrors each of them.</summary>
internal static class Vocabulary
{
    public static readonly string[] ParamKinds =
    {
        "text", "string", "integer", "number", "boolean", "enum",
        "image", "image[]", "video", "video[]", "audio", "audio[]", "file", "json", "task", "list",
    };

    public static readonly string[] Categories = { "image", "video", "audio" };

    public static readonly string[] Outputs = { "image", "video", "audio", "text" };

    /// <summary>KIE API families (kie-api.md §2–3).</summary>
    public static readonly string[] Apis =
    {
        "jobs", "veo", "runway", "aleph", "suno", "gpt4o-image", "flux-kontext", "midjourney", "luma", "omni",
    };

    /// <summary>Chat protocols (kie-api.md §2.3), each with the end of the endpoint path it is served at.</summary>
    public static readonly string[] ChatProtocols = { "openai-chat", "anthropic-messages", "openai-responses", "gemini-generate" };

    public static readonly string[] ChatPathEndings = { "/v1/chat/completions", "/v1/messages", "/responses", "GenerateContent" };

    /// <summary>The chat protocols the KieCatalog client speaks: a visible chat model must use one.</summary>
    public static readonly string[] SupportedChatProtocols = { "openai-chat", "anthropic-messages" };

    public static readonly string[] PriceUnits = { "task", "image", "second", "minute", "1000-chars", "megapixel", "output-size" };

    /// <summary>Units priced by the dimensions of an uploaded image: per started megapixel, or by the output's longer side.</summary>
    public static readonly string[] SizeUnits = { "megapixel", "output-size" };

    /// <summary>Appended to an image parameter's name: the keys of its pixel width and height in an input object.</summary>
    public const string WidthKeySuffix = "#width";

    public const string HeightKeySuffix = "#height";

    public static readonly HashSet<string> UrlListKinds = new() { "image[]", "video[]", "audio[]" };

    /// <summary>Uploads: the value is a URL (or a list of them).</summary>
    public static readonly HashSet<string> UploadKinds = new() { "image", "image[]", "video", "video[]", "audio", "audio[]", "file" };

    /// <summary>Single-file uploads with a length in seconds: a price may be per second (or minute) of the file given.</summary>
    public static readonly HashSet<string> DurationKinds = new() { "audio", "video" };

    /// <summary>Lists of files with a length: one taking a single file (<c>maxItems</c> 1) may be priced by that file's length.</summary>
    public static readonly HashSet<string> DurationListKinds = new() { "audio[]", "video[]" };

    /// <summary>Appended to a duration-priced parameter's name: the key of its file length in an input object read by Read().</summary>
    public const string SecondsKeySuffix = "#seconds";

    /// <summary>The C# identifier part used for a kind (in ParamKind and in the handler interface).</summary>
    public static string KindIdentifier(string kind) => kind switch
    {
        "text" => "Text",
        "string" => "String",
        "integer" => "Integer",
        "number" => "Number",
        "boolean" => "Boolean",
        "enum" => "Enum",
        "image" => "Image",
        "image[]" => "ImageList",
        "video" => "Video",
        "video[]" => "VideoList",
        "audio" => "Audio",
        "audio[]" => "AudioList",
        "json" => "Json",
        "task" => "Task",
        "list" => "List",
        _ => "File",
    };

    /// <summary>
    /// Why a wire value cannot be shown on a button as it is: an opaque id (12+ letters and digits, mixed case, with a
    /// digit, e.g. a voice id) or an UPPER_CASE constant (3+ letters, e.g. <c>TEXT_2_VIDEO</c>); null when it reads as is
    /// (<c>16:9</c>, <c>1080p</c>, <c>2K</c>, <c>square_hd</c>).
    /// </summary>
    public static string? Unreadable(string wire)
    {
        var letters = wire.Count(char.IsLetter);
        var lettersAndDigits = wire.All(char.IsLetterOrDigit);
        if (lettersAndDigits && wire.Length >= 12 && wire.Any(char.IsDigit) && wire.Any(char.IsUpper) && wire.Any(char.IsLower))
        {
            return "an opaque id";
        }

        var constant = wire.Length > 0 && char.IsUpper(wire[0]) && wire.All(c => (c >= 'A' && c <= 'Z') || char.IsDigit(c) || c == '_');
        return constant && letters >= 3 ? "an UPPER_CASE constant" : null;
    }
}
