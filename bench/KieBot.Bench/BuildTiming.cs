using System.Diagnostics;

namespace KieBot.Bench;

/// <summary>Wall time of a full rebuild of the KieCatalog project (generator included).</summary>
internal static class BuildTiming
{
    public static TimeSpan KieCatalogRebuild(string root)
    {
        var project = Path.Combine(root, "src", "KieCatalog", "KieCatalog.csproj");
        Run(root, $"build \"{project}\" -c Release -v q");
        var stopwatch = Stopwatch.StartNew();
        Run(root, $"build \"{project}\" -c Release -v q --no-incremental --no-dependencies");
        var elapsed = stopwatch.Elapsed;

        // The build and compiler servers would otherwise stay in memory beside the benchmarks that follow.
        Run(root, "build-server shutdown");
        return elapsed;
    }

    private static void Run(string root, string args)
    {
        using var process = Process.Start(new ProcessStartInfo("dotnet", args) { WorkingDirectory = root, RedirectStandardOutput = true, RedirectStandardError = true })!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException("dotnet " + args + " failed:\n" + output.Result + error.Result);
        }
    }
}
