using System.Collections.Generic;
using System.Text;

namespace KieCatalog.Generator.Model;

/// <summary>How catalog ids become C# identifiers. Validation and emitting share it, so a collision is caught before emit.</summary>
internal static class Naming
{
    /// <summary>Members every generated input record has; a parameter may not take these names.</summary>
    public static readonly HashSet<string> ReservedInputMembers = new()
    {
        "Descriptor", "Validate", "Price", "WriteInput", "Read", "EqualityContract", "ToString", "GetHashCode",
        "Equals", "GetType", "MemberwiseClone", "Finalize", "Deconstruct", "PrintMembers", "Clone",
    };

    /// <summary>Members every generated model class has; a mode may not take these names.</summary>
    public static readonly HashSet<string> ReservedModelMembers = new()
    {
        "Id", "Name", "Vendor", "Category", "Description", "SeedIds", "Modes", "CallbackData", "IsVisible",
        "VisibleModes", "FindMode", "ToString", "GetHashCode", "Equals", "GetType", "MemberwiseClone", "Finalize",
    };

    /// <summary>"text-to-image" → "TextToImage", "aspect_ratio" → "AspectRatio", "2-5-turbo" → "_2_5Turbo".</summary>
    public static string Pascal(string id) => Convert(id, "_");

    /// <summary>Enum member names: "16:9" → "V16_9", "square_hd" → "SquareHd", "1K" → "V1K".</summary>
    public static string EnumMember(string wire) => Convert(wire, "V");

    /// <summary>The non-wire property carrying the length in seconds of a duration-priced file: "audio_url" → "AudioUrlSeconds".</summary>
    public static string SecondsProperty(string param) => Pascal(param) + "Seconds";

    /// <summary>The non-wire properties carrying the pixel size of a size-priced image: "image_url" → "ImageUrlWidth" / "ImageUrlHeight".</summary>
    public static string WidthProperty(string param) => Pascal(param) + "Width";

    public static string HeightProperty(string param) => Pascal(param) + "Height";

    /// <summary>The record of one item of a list parameter, nested in its input record: "multi_prompt" → "MultiPromptItem".</summary>
    public static string ItemType(string list) => Pascal(list) + "Item";

    public static string ModelClass(string modelId) => Pascal(modelId) + "Model";

    public static string InputType(string modelId, string modeId) => Pascal(modelId) + Pascal(modeId) + "Input";

    public static string EnumType(string modelId, string modeId, string param) =>
        Pascal(modelId) + Pascal(modeId) + Pascal(param);

    private static string Convert(string id, string digitPrefix)
    {
        var sb = new StringBuilder(id.Length + 2);
        var upperNext = true;
        var lastWasDigit = false;
        var pendingSeparator = false;
        foreach (var c in id)
        {
            var isLetter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
            var isDigit = c >= '0' && c <= '9';
            if (!isLetter && !isDigit)
            {
                upperNext = true;
                pendingSeparator = sb.Length > 0;
                continue;
            }

            if (isDigit && pendingSeparator && lastWasDigit)
            {
                sb.Append('_');
            }

            sb.Append(upperNext && isLetter ? char.ToUpperInvariant(c) : c);
            upperNext = false;
            pendingSeparator = false;
            lastWasDigit = isDigit;
        }

        if (sb.Length == 0)
        {
            return digitPrefix + "Empty";
        }

        return char.IsDigit(sb[0]) ? digitPrefix + sb : sb.ToString();
    }
}
