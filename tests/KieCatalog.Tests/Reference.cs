using System.Text.Json;

namespace KieCatalog.Tests;

/// <summary>The shared reference data (../shared/reference beside the repository).</summary>
public static class Reference
{
    public static string Path(string file)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = System.IO.Path.Combine(dir.FullName, "shared", "reference", file);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException($"shared/reference/{file} not found above {AppContext.BaseDirectory}; the reference folder must sit beside the repository");
    }

    public static JsonDocument Json(string file) => JsonDocument.Parse(File.ReadAllText(Path(file)));

    /// <summary>credits_per_generation of one price variant in kie-pricing-credits.json.</summary>
    public static decimal Credits(string model, string variant)
    {
        using var doc = Json("kie-pricing-credits.json");
        var modes = doc.RootElement.GetProperty("models").GetProperty(model).GetProperty("modes");
        return modes.EnumerateArray().First(m => m.GetProperty("mode").GetString() == variant).GetProperty("credits_per_generation").GetDecimal();
    }
}
