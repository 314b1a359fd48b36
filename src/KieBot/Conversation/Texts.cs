using System.Globalization;
using System.Text;
using System.Text.Json;

namespace KieBot.Conversation;

/// <summary>
/// Every text the bot shows, in Russian and English: the shared ones from <c>Conversation/Texts/{ru,en}.json</c> and each
/// feature's own from <c>Features/&lt;Name&gt;/Texts/{ru,en}.json</c> (a key defined twice fails at start-up).
/// </summary>
public static class Texts
{
    public static readonly IReadOnlyList<string> Languages = ["ru", "en"];

    private static readonly Dictionary<string, IReadOnlyDictionary<string, string>> All = Languages.ToDictionary(l => l, Load);

    /// <summary>The keys of one language (tests compare the two).</summary>
    public static IReadOnlyDictionary<string, string> Of(string language) => All[Normalize(language)];

    /// <summary>"ru" for Russian Telegram clients, "en" otherwise.</summary>
    public static string Normalize(string? language) =>
        language is not null && language.StartsWith("ru", StringComparison.OrdinalIgnoreCase) ? "ru" : "en";

    /// <summary>The text <paramref name="key"/> with <c>{name}</c> placeholders filled (values HTML-encoded: texts are Telegram HTML).</summary>
    public static string Get(string language, string key, params ReadOnlySpan<(string Name, object? Value)> values)
    {
        var text = Of(language).TryGetValue(key, out var found) ? found : throw new KeyNotFoundException($"No text '{key}'.");
        if (values.Length == 0)
        {
            return text;
        }

        var builder = new StringBuilder(text);
        foreach (var (name, value) in values)
        {
            builder.Replace("{" + name + "}", Html(Convert.ToString(value, CultureInfo.InvariantCulture)));
        }

        return builder.ToString();
    }

    /// <summary>Escapes the three characters Telegram HTML reserves (and quotes); everything else, emoji included, stays as is.</summary>
    public static string Html(string? text) =>
        string.IsNullOrEmpty(text) ? string.Empty : text.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal).Replace("\"", "&quot;", StringComparison.Ordinal);

    /// <summary>The inverse of <see cref="Html"/>, for places that show plain text (button labels, the console).</summary>
    public static string Plain(string text) =>
        text.Replace("&quot;", "\"", StringComparison.Ordinal).Replace("&gt;", ">", StringComparison.Ordinal).Replace("&lt;", "<", StringComparison.Ordinal).Replace("&amp;", "&", StringComparison.Ordinal);

    private static IReadOnlyDictionary<string, string> Load(string language)
    {
        var assembly = typeof(Texts).Assembly;
        var names = assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith("texts/", StringComparison.Ordinal) && (n == $"texts/{language}.json" || n.EndsWith($"/Texts/{language}.json", StringComparison.Ordinal) || n.EndsWith($"\\Texts\\{language}.json", StringComparison.Ordinal)))
            .Order(StringComparer.Ordinal)
            .ToList();
        if (!names.Contains($"texts/{language}.json"))
        {
            throw new InvalidOperationException($"Texts for '{language}' are not embedded.");
        }

        var all = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var name in names)
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            foreach (var (key, text) in JsonSerializer.Deserialize<Dictionary<string, string>>(stream) ?? [])
            {
                if (!all.TryAdd(key, text))
                {
                    throw new InvalidOperationException($"The text '{key}' is defined twice ({name}).");
                }
            }
        }

        return all;
    }
}
