using KieCatalog.Generator.Tests.Support;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace KieCatalog.Generator.Tests;

public sealed class IncrementalityTests
{
    private static readonly string[] Steps =
    {
        TrackingNames.Parse, TrackingNames.Catalogs, TrackingNames.Namespace, TrackingNames.Combined,
    };

    [Fact]
    public void Unrelated_csharp_edit_leaves_every_step_cached()
    {
        var compilation = GeneratorHarness.Compilation("namespace Consumer; public class A { }");
        var driver = GeneratorHarness.Driver(RealCatalogTests.RepositoryCatalog()).RunGenerators(compilation);

        var edited = compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText("namespace Consumer; public class B { }", new CSharpParseOptions(LanguageVersion.Latest)));
        var run = driver.RunGenerators(edited).GetRunResult().Results.Single();

        foreach (var step in Steps)
        {
            Assert.True(run.TrackedSteps.ContainsKey(step), $"step {step} was not tracked");
            var reasons = run.TrackedSteps[step].SelectMany(s => s.Outputs).Select(o => o.Reason).ToList();
            Assert.NotEmpty(reasons);
            Assert.All(reasons, r => Assert.True(r is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, $"{step}: {r}"));
        }

        Assert.All(run.TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(s => s.Outputs),
            o => Assert.Equal(IncrementalStepRunReason.Cached, o.Reason));
    }

    [Fact]
    public void Editing_the_catalog_regenerates()
    {
        var compilation = GeneratorHarness.Compilation();
        var json = RealCatalogTests.RepositoryCatalog();
        var original = new GeneratorHarness.MemoryAdditionalText(GeneratorHarness.CatalogPath, json);
        var driver = GeneratorHarness.Driver(new[] { original }).RunGenerators(compilation);
        var before = driver.GetRunResult().Results.Single().GeneratedSources.Single(s => s.HintName == "Models.g.cs").SourceText.ToString();

        var changed = new GeneratorHarness.MemoryAdditionalText(GeneratorHarness.CatalogPath, json.Replace("\"version\": \"2026-06-30\"", "\"version\": \"edited\"", StringComparison.Ordinal));
        var run = driver.ReplaceAdditionalText(original, changed).RunGenerators(compilation).GetRunResult().Results.Single();

        Assert.Contains(run.TrackedSteps[TrackingNames.Parse].SelectMany(s => s.Outputs), o => o.Reason == IncrementalStepRunReason.Modified);
        var after = run.GeneratedSources.Single(s => s.HintName == "Models.g.cs").SourceText.ToString();
        Assert.NotEqual(before, after);
        Assert.Contains("Version = \"edited\"", after, StringComparison.Ordinal);
    }
}
