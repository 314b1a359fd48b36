using KieCatalog.Generator.Tests.Support;

namespace KieCatalog.Generator.Tests;

public sealed class RealCatalogTests
{
    public static string RepositoryCatalog()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var path = Path.Combine(dir.FullName, "catalog", "models.json");
            if (File.Exists(path))
            {
                return File.ReadAllText(path);
            }
        }

        throw new InvalidOperationException("catalog/models.json not found above " + AppContext.BaseDirectory);
    }

    [Fact]
    public void Real_catalog_generates_with_no_diagnostic_and_compiles()
    {
        var (run, errors) = GeneratorHarness.GenerateAndCompile(RepositoryCatalog());

        Assert.Empty(run.Diagnostics);
        Assert.Empty(errors);
        Assert.True(run.GeneratedSources.Length > 30, "one file per model plus the index files");
    }
}
