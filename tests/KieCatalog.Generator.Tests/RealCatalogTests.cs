using KieBot.TestSupport;
using KieCatalog.Generator.Tests.Support;

namespace KieCatalog.Generator.Tests;

public sealed class RealCatalogTests
{
    public static string RepositoryCatalog() =>
        File.ReadAllText(Path.Combine(RepositoryPaths.FolderHolding(Path.Combine("catalog", "models.json")), "catalog", "models.json"));

    [Fact]
    public void Real_catalog_generates_with_no_diagnostic_and_compiles()
    {
        var (run, errors) = GeneratorHarness.GenerateAndCompile(RepositoryCatalog());

        Assert.Empty(run.Diagnostics);
        Assert.Empty(errors);
        Assert.True(run.GeneratedSources.Length > 30, "one file per model plus the index files");
    }
}
