using System.Globalization;
using KieBot.TestSupport;

namespace KieBot.Bench;

/// <summary>Generator timings on the real and synthetic catalogs, cache share, and the generator's share of the KieCatalog build.</summary>
internal static class GeneratorReport
{
    public static int Run(string[] args)
    {
        var results = new BenchResults();
        Measure(results, buildShare: !args.Contains("--no-build-share"));
        return 0;
    }

    public static void Measure(BenchResults results, bool buildShare)
    {
        var root = RepositoryPaths.Root();
        var real = File.ReadAllText(Path.Combine(root, "catalog", "models.json"));

        var cold = GeneratorTiming.Once(real);
        var warm = GeneratorTiming.Median(real, runs: 10);
        var modeCount = System.Text.RegularExpressions.Regex.Matches(real, "\"kieModel\"").Count;
        results.Add(new("generator", $"real catalog ({modeCount} modes), first run (cold JIT)", Ms(cold)));
        results.Add(new("generator", "real catalog, median of 10 warm runs", Ms(warm)));
        foreach (var modes in new[] { 500, 5_000, 20_000 })
        {
            var synthetic = SyntheticCatalog.Build(modes);
            GeneratorTiming.Once(synthetic);
            var median = GeneratorTiming.Median(synthetic, runs: 3);
            results.Add(new("generator", $"synthetic {modes:N0} modes (warm median of 3)", Ms(median), modes == 5_000 ? "< 1 s" : "", modes == 5_000 ? median < TimeSpan.FromSeconds(1) : null));
        }

        var cached = GeneratorTiming.CachedShare(real);
        results.Add(new("generator", "unrelated C# edit: steps cached", cached.ToString("P0", CultureInfo.InvariantCulture), "100 %", cached >= 1));
        if (buildShare)
        {
            var build = BuildTiming.KieCatalogRebuild(root);
            var share = cold.TotalMilliseconds / build.TotalMilliseconds;
            results.Add(new("generator", "dotnet build src/KieCatalog --no-incremental (wall)", Ms(build)));
            results.Add(new("generator", "generator share of that build (cold generator run / build)", share.ToString("P1", CultureInfo.InvariantCulture), "< 5 %", share < 0.05));
        }
    }

    private static string Ms(TimeSpan t) => t.TotalMilliseconds.ToString("N1", CultureInfo.InvariantCulture) + " ms";
}
