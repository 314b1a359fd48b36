using System.Diagnostics;
using KieCatalog.Generator;
using KieCatalog.Generator.Tests.Support;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace KieBot.Bench;

/// <summary>Runs the real generator through the tests' <see cref="GeneratorHarness"/> and measures it.</summary>
internal static class GeneratorTiming
{
    public static TimeSpan Once(string catalog)
    {
        var compilation = GeneratorHarness.Compilation("class A { }");
        var stopwatch = Stopwatch.StartNew();
        var result = GeneratorHarness.Driver(catalog).RunGenerators(compilation).GetRunResult();
        stopwatch.Stop();
        if (result.Diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error) || result.Results.Single().Exception is not null)
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
        var compilation = GeneratorHarness.Compilation("class A { }");
        var driver = GeneratorHarness.Driver(catalog).RunGenerators(compilation);
        var edited = compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText("class Unrelated { }", new CSharpParseOptions(LanguageVersion.Latest)));
        var run = driver.RunGenerators(edited).GetRunResult().Results.Single();
        var reasons = run.TrackedSteps.Values.SelectMany(s => s).SelectMany(s => s.Outputs).Select(o => o.Reason).ToList();
        return reasons.Count(r => r is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged) / (double)reasons.Count;
    }
}
