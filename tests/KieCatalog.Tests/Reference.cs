using System.Text.Json;
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
}
