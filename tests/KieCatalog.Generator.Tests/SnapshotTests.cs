using KieCatalog.Generator.Tests.Support;

namespace KieCatalog.Generator.Tests;

public sealed class SnapshotTests
{
    [Fact]
    public void Small_catalog_generates_the_approved_sources_which_compile()
    {
        var json = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Catalogs", "small.json"));
        var (run, errors) = GeneratorHarness.GenerateAndCompile(json);

        Assert.Empty(run.Diagnostics);
        Assert.Empty(errors);
        var names = run.GeneratedSources.Select(s => s.HintName).OrderBy(n => n, StringComparer.Ordinal).ToArray();
        Assert.Equal(
            new[] { "CatalogCallbacks.g.cs", "ChatModels.g.cs", "Models.KlingModel.g.cs", "Models.SeedreamModel.g.cs", "Models.g.cs", "ParamKinds.g.cs" },
            names);
        foreach (var source in run.GeneratedSources)
        {
            Approved.Match(source.HintName, source.SourceText.ToString());
        }
    }

    [Fact]
    public void Namespace_follows_the_root_namespace()
    {
        var json = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Catalogs", "small.json"));
        var run = GeneratorHarness.Driver(json, rootNamespace: "Acme.Media").RunGenerators(GeneratorHarness.Compilation()).GetRunResult().Results.Single();

        Assert.All(run.GeneratedSources, s => Assert.Contains("namespace Acme.Media;", s.SourceText.ToString(), StringComparison.Ordinal));
    }
}
