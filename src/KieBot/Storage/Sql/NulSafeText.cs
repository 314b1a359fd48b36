using System.Text;

namespace KieBot.Storage.Sql;

/// <summary>
/// PostgreSQL <c>text</c> cannot hold U+0000. Strings with a NUL (or that begin with the marker) are stored as the
/// marker plus their base64 UTF-8; everything else is stored as is, so the database stays readable.
/// </summary>
internal static class NulSafeText
{
    private const string Marker = "\u0001b64:";

    public static string? Encode(string? text) =>
        text is null || (!text.Contains('\0', StringComparison.Ordinal) && !text.StartsWith(Marker, StringComparison.Ordinal))
            ? text
            : Marker + Convert.ToBase64String(Encoding.UTF8.GetBytes(text));

    public static string? Decode(string? text) =>
        text is not null && text.StartsWith(Marker, StringComparison.Ordinal)
            ? Encoding.UTF8.GetString(Convert.FromBase64String(text[Marker.Length..]))
            : text;
}
