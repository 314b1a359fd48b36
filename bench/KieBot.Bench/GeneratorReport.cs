using System.Globalization;
using KieBot.TestSupport;

namespace KieBot.Bench;

/// <summary>Generator timings on the real and synthetic catalogs, cache share, and the generator's share of the KieCatalog build.</summary>
internal static class GeneratorReport
{
    public static int Run(string[] args)
    {
        var root = RepositoryPaths.Root();
        var rows = new List<(string What, string Value, string Goal)>();
        var real = File.ReadAllText(Path.Combine(root, "catalog", "models.json"));

        var cold = GeneratorTiming.Once(real);
        var warm = GeneratorTiming.Median(real, runs: 10);
        rows.Add(("generator, real catalog, first run (cold JIT)", Ms(cold), ""));
        rows.Add(("generator, real catalog, median of 10 warm runs", Ms(warm), ""));
        foreach (var modes in new[] { 500, 5_000, 20_000 })
        {
            var synthetic = SyntheticCatalog.Build(modes);
            GeneratorTiming.Once(synthetic);
            rows.Add(($"generator, synthetic {modes:N0} modes (warm median of 3)", Ms(GeneratorTiming.Median(synthetic, runs: 3)), modes == 5_000 ? "< 1 s" : ""));
        }

        rows.Add(("unrelated C# edit: steps cached", GeneratorTiming.CachedShare(real).ToString("P0", CultureInfo.InvariantCulture), "100 %"));

        if (!args.Contains("--no-build-share"))
        {
            var build = BuildTiming.KieCatalogRebuild(root);
            rows.Add(("dotnet build src/KieCatalog --no-incremental (wall)", Ms(build), ""));
            rows.Add(("generator share of that build (cold run / build)", (cold.TotalMilliseconds / build.TotalMilliseconds).ToString("P1", CultureInfo.InvariantCulture), "< 5 %"));
        }

        Console.WriteLine($"| measure | value | goal |\n|---|---|---|");
        foreach (var (what, value, goal) in rows)
        {
            Console.WriteLine($"| {what} | {value} | {goal} |");
        }

        Console.WriteLine($"\nmachine: {Environment.ProcessorCount} cores, {Environment.OSVersion}, .NET {Environment.Version}");
        return 0;
    }

    private static string Ms(TimeSpan t) => t.TotalMilliseconds.ToString("N1", CultureInfo.InvariantCulture) + " ms";
}
