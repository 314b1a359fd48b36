using System.Globalization;
using System.Text.Json;

namespace KieCatalog.Client.Wire;

/// <summary>Lenient reads of KIE's loosely typed fields (a code may come as "500" or 500, a time as null).</summary>
internal static class JsonFields
{
    public static JsonElement? Child(this JsonElement obj, string name) =>
        obj.ValueKind == JsonValueKind.Object && obj.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null
            ? value
            : null;

    /// <summary>The first of <paramref name="names"/> present as a string or number, as text; empty strings count as absent.</summary>
    public static string? Text(this JsonElement obj, params ReadOnlySpan<string> names)
    {
        foreach (var name in names)
        {
            if (obj.Child(name) is not { } value)
            {
                continue;
            }

            var text = value.ValueKind switch
            {
                JsonValueKind.String => value.GetString(),
                JsonValueKind.Number => value.GetRawText(),
                JsonValueKind.True => "true",
                JsonValueKind.False => "false",
                _ => null,
            };
            if (!string.IsNullOrEmpty(text))
            {
                return text;
            }
        }

        return null;
    }

    public static decimal? Decimal(this JsonElement obj, params ReadOnlySpan<string> names) =>
        obj.Text(names) is { } text && decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : null;

    public static int? Int(this JsonElement obj, params ReadOnlySpan<string> names) =>
        obj.Decimal(names) is { } value && value == Math.Truncate(value) && value is >= int.MinValue and <= int.MaxValue ? (int)value : null;

    /// <summary>A Unix time in milliseconds.</summary>
    public static DateTimeOffset? UnixMs(this JsonElement obj, string name) =>
        obj.Decimal(name) is { } ms && ms > 0 && ms < 253402300799999m ? DateTimeOffset.FromUnixTimeMilliseconds((long)ms) : null;

    public static DateTimeOffset? Iso(this JsonElement obj, params ReadOnlySpan<string> names) =>
        obj.Text(names) is { } text && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var value)
            ? value
            : null;
}
