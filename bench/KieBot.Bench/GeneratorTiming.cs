using System.Diagnostics;
using KieCatalog.Generator;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace KieBot.Bench;

/// <summary>Runs the real generator in a GeneratorDriver and measures it.</summary>
internal static class GeneratorTiming
{
    private static readonly CSharpParseOptions Parse = new(LanguageVersion.Latest);

    public static TimeSpan Once(string catalog)
    {
        var stopwatch = Stopwatch.StartNew();
        var result = Driver(catalog).RunGenerators(Compilation()).GetRunResult();
        stopwatch.Stop();
        if (result.Diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error) || result.Results.Single().Exception is { } e)
        {
            throw new InvalidOperationException("the catalog does not generate cleanly: " + string.Join("; ", result.Diagnostics));
        }

        return stopwatch.Elapsed;
    }

    public static TimeSpan Median(string catalog, int runs)
    {
        var times = Enumerable.Range(0, runs).Select(_ => Once(catalog)).OrderBy(t => t).ToList();
        return times[times.Count / 2];
    }

    /// <summary>Share of tracked step outputs that are Cached/Unchanged after an unrelated C# edit.</summary>
    public static double CachedShare(string catalog)
    {
        var compilation = Compilation();
        var driver = Driver(catalog).RunGenerators(compilation);
        var edited = compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText("class Unrelated { }", Parse));
        var run = driver.RunGenerators(edited).GetRunResult().Results.Single();
        var reasons = run.TrackedSteps.Values.SelectMany(s => s).SelectMany(s => s.Outputs).Select(o => o.Reason).ToList();
        return reasons.Count(r => r is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged) / (double)reasons.Count;
    }

    private static Compilation Compilation() => CSharpCompilation.Create("Bench", new[] { CSharpSyntaxTree.ParseText("class A { }", Parse) });

    private static GeneratorDriver Driver(string catalog)
    {
        var text = new Text("/bench/models.json", catalog);
        return CSharpGeneratorDriver.Create(
            new[] { new CatalogGenerator().AsSourceGenerator() },
            new AdditionalText[] { text },
            Parse,
            new Options(),
            new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));
    }

    private sealed class Text(string path, string content) : AdditionalText
    {
        public override string Path { get; } = path;

        public override SourceText GetText(CancellationToken cancellationToken = default) => SourceText.From(content);
    }

    private sealed class Options : AnalyzerConfigOptionsProvider
    {
        public override AnalyzerConfigOptions GlobalOptions { get; } = new Values(new() { ["build_property.RootNamespace"] = "Bench" });

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => new Values(new());

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => new Values(new() { ["build_metadata.AdditionalFiles.KieCatalog"] = "true" });
    }

    private sealed class Values(Dictionary<string, string> values) : AnalyzerConfigOptions
    {
        public override bool TryGetValue(string key, out string value) => values.TryGetValue(key, out value!);
    }
}
