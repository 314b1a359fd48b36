using System.Globalization;
using System.Text.Json;
using KieCatalog;
using KieCatalog.Catalog;
using KieBot.Conversation;

namespace KieBot.Features.Form;

/// <summary>Form answers as KIE wire JSON, and the typed input built from them with the catalog's own reader.</summary>
public static class ParamValues
{
    public static string Text(string value) => JsonSerializer.Serialize(value, FormJson.Default.String);

    public static string Number(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    public static string Boolean(bool value) => value ? "true" : "false";

    public static string Enum(EnumValueDescriptor value) => value.IsNumber ? value.Wire : Text(value.Wire);

    public static string Urls(IEnumerable<string> urls) => JsonSerializer.Serialize(urls.ToArray(), FormJson.Default.StringArray);

    public static IReadOnlyList<string> ReadUrls(string? json) =>
        string.IsNullOrEmpty(json) ? [] : JsonSerializer.Deserialize(json, FormJson.Default.StringArray) ?? [];

    public static bool ReadBoolean(string? json, string? fallback) => (json ?? fallback) == "true";

    /// <summary>The input object of <paramref name="values"/>, as JSON text.</summary>
    public static string InputJson(IReadOnlyDictionary<string, string> values) =>
        "{" + string.Join(",", values.Select(kv => Text(kv.Key) + ":" + kv.Value)) + "}";

    /// <summary>Reads the typed input; violations of reading and of the mode's constraints together.</summary>
    public static (IModeInput Input, IReadOnlyList<InputViolation> Violations) Build(ModeDescriptor mode, IReadOnlyDictionary<string, string> values)
    {
        using var document = JsonDocument.Parse(InputJson(values));
        var input = mode.ReadInput(document.RootElement, out var reading);
        return (input, reading.Concat(input.Validate()).ToList());
    }

    /// <summary>How a value reads on the summary and settings screens.</summary>
    public static string Display(ParamDescriptor param, string? json, Turn turn)
    {
        if (json is null)
        {
            return param.DefaultValue is not { } fallback
                ? turn.T("value.unset")
                : param.Kind == ParamKind.Boolean ? turn.T(fallback == "true" ? "value.yes" : "value.no")
                : param.FindValue(fallback)?.Display(turn.Language) ?? fallback;
        }

        return param.Accept(new ValueDisplay(turn, json));
    }
}
