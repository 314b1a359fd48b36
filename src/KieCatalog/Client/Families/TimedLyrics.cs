using System.Globalization;
using System.Text;
using System.Text.Json;
using KieCatalog.Client.Wire;

namespace KieCatalog.Client.Families;

/// <summary>
/// Suno's timestamped lyrics (<c>get-timestamped-lyrics</c>: <c>data.alignedWords[{word, startS, endS}]</c>, a word
/// that starts a new line carries the line break) as LRC text: one line per sung line, <c>[mm:ss.xx]</c> at its first
/// word's start; a section tag such as <c>[Verse]</c> stays a line of its own without a time.
/// </summary>
internal static class TimedLyrics
{
    public static ResultRead Read(JsonElement data)
    {
        if (data.ValueKind != JsonValueKind.Object || data.Child("alignedWords") is not { ValueKind: JsonValueKind.Array } words)
        {
            return ResultRead.None;
        }

        var lines = new List<string>();
        var line = new StringBuilder();
        decimal? start = null;
        foreach (var word in words.EnumerateArray())
        {
            var at = word.ValueKind == JsonValueKind.Object && word.TryGetProperty("startS", out var s) && s.ValueKind == JsonValueKind.Number ? s.GetDecimal() : (decimal?)null;
            var parts = (word.ValueKind == JsonValueKind.Object ? word.Text("word") : null)?.Split('\n') ?? [];
            for (var i = 0; i < parts.Length; i++)
            {
                if (i > 0)
                {
                    Flush(lines, line, ref start);
                }

                var part = parts[i].Trim();
                if (part.Length == 0)
                {
                    continue;
                }

                if (line.Length == 0)
                {
                    start = at;
                }
                else
                {
                    line.Append(' ');
                }

                line.Append(part);
            }
        }

        Flush(lines, line, ref start);
        return lines.Count == 0 ? ResultRead.None : new([], [], string.Join('\n', lines));
    }

    private static void Flush(List<string> lines, StringBuilder line, ref decimal? start)
    {
        if (line.Length == 0)
        {
            return;
        }

        var text = line.ToString();
        var tag = text.StartsWith('[') && text.EndsWith(']');
        lines.Add(tag || start is not { } at ? text : Stamp(at) + " " + text);
        line.Clear();
        start = null;
    }

    private static string Stamp(decimal seconds)
    {
        var hundredths = (long)decimal.Round(Math.Max(seconds, 0) * 100, MidpointRounding.AwayFromZero);
        return string.Create(CultureInfo.InvariantCulture, $"[{hundredths / 6000:00}:{hundredths / 100 % 60:00}.{hundredths % 100:00}]");
    }
}
