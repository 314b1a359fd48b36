using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using KieBot.TestSupport;

namespace KieCatalog.Tests;

/// <summary>The shared reference data (../shared/reference beside the repository).</summary>
public static class Reference
{

    public static string Path(string file) =>
        System.IO.Path.Combine(RepositoryPaths.FolderHolding(System.IO.Path.Combine("shared", "reference", file)), "shared", "reference", file);

    public static JsonDocument Json(string file) => JsonDocument.Parse(File.ReadAllText(Path(file)));

    /// <summary>credits_per_generation of one price variant in kie-pricing-credits.json.</summary>
    public static decimal Credits(string model, string variant)
    {
        using var doc = Json("kie-pricing-credits.json");
        var modes = doc.RootElement.GetProperty("models").GetProperty(model).GetProperty("modes");
        return modes.EnumerateArray().First(m => m.GetProperty("mode").GetString() == variant).GetProperty("credits_per_generation").GetDecimal();
    }

    /// <summary>The price cell of a model's row in kie-api.md §7 (the kie.ai/pricing copy), or null when it has no row.</summary>
    public static string? PriceCell(string model)
    {
        var row = File.ReadLines(Path("kie-api.md")).FirstOrDefault(l => l.StartsWith("| `" + model + "` |", StringComparison.Ordinal));
        return row?.Split('|', StringSplitOptions.TrimEntries)[4];
    }

    /// <summary>A model id has a published price: a kie-pricing-credits.json entry, or a §7 row whose price is given.</summary>
    public static bool HasPrice(string model)
    {
        using var doc = Json("kie-pricing-credits.json");
        if (doc.RootElement.GetProperty("models").TryGetProperty(model, out _))
        {
            return true;
        }

        return PriceCell(model) is { } cell && cell.Contains('$', StringComparison.Ordinal) || PriceCell(model) is { } c && Regex.IsMatch(c, @"\d+(\.\d+)?\s*cr");
    }

    /// <summary>Credits of the <paramref name="index"/>-th dollar amount after <paramref name="marker"/> in a text (200 credits per USD, kie-api.md §8).</summary>
    public static decimal CreditsAfter(string text, string marker, int index = 0)
    {
        var at = text.IndexOf(marker, StringComparison.Ordinal);
        Assert.True(at >= 0, $"'{marker}' is not in '{text}'");
        var usd = Regex.Matches(text[(at + marker.Length)..], @"\$([0-9]+(?:\.[0-9]+)?)")[index].Groups[1].Value;
        return decimal.Parse(usd, CultureInfo.InvariantCulture) * 200;
    }
}
