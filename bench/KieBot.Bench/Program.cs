using KieBot.Bench;

// Benchmarks. `all` runs every area and writes the table (JSON and Markdown); the others run one area alone.
// Usage: dotnet run -c Release --project bench/KieBot.Bench -- all [--docs] [--out DIR]
//        … -- generator [--no-build-share] | pipeline [--seconds N] | ledger [--seconds N] [--workers N] | tracking [N] | schedule [N] | recovery [N] | chat [N] | gallery | startup
return args.FirstOrDefault() switch
{
    "all" => await AllAsync(args[1..]),
    "ledger" => await LedgerBench.RunAsync(args[1..]),
    "tracking" => await TrackingBench.RunAsync(args[1..]),
    "schedule" => await KieBot.Bench.Schedule.ScheduleBench.RunAsync(args[1..]),
    "fake-kie" => await TrackingBench.ServeFakeKieAsync(args[1..]),
    "pipeline-load" => await PipelineLoad.ServeAsync(),
    "recovery" => await RecoveryBench.RunAsync(args[1..]),
    "chat" => await ChatStreamBench.RunAsync(args[1..]),
    "gallery" => await GalleryBench.RunAsync(args[1..]),
    "pipeline" => await Single(r => PipelineBench.RunAsync(
        r,
        TimeSpan.FromSeconds(Option(args, "--seconds", 8)),
        args.Contains("--chats") ? [Option(args, "--chats", 100)] : [1, 10, 100],
        args.Contains("--webhook") ? [true] : args.Contains("--polling") ? [false] : null)),
    "startup" => await Single(r => StartupBench.MeasureAsync(r, "build output", StartupBench.BuiltBot(), 10_000)),
    "generator" => GeneratorReport.Run(args[1..]),
    null => GeneratorReport.Run(args),
    var other => Unknown(other),
};

static async Task<int> AllAsync(string[] args)
{
    var results = new BenchResults();
    var started = System.Diagnostics.Stopwatch.StartNew();
    Console.WriteLine($"KieBot benchmarks on {BenchResults.Machine()}\n");
    GeneratorReport.Measure(results, buildShare: true);
    await PipelineBench.RunAsync(results, TimeSpan.FromSeconds(5), [1, 10, 100]);
    await LedgerBench.MeasureAsync(results, seconds: 5, workerCounts: [64]);
    await TrackingBench.MeasureAsync(results, 10_000);
    await KieBot.Bench.Schedule.ScheduleBench.MeasureAsync(results, 2_000);
    await RecoveryBench.MeasureAsync(results, 50);
    await ChatStreamBench.MeasureAsync(results, 20);
    await GalleryBench.MeasureAsync(results, 2_000);
    var publish = Directory.CreateTempSubdirectory("kiebot-publish-").FullName;
    await StartupBench.MeasureAsync(results, "published (as in the Docker image)", StartupBench.PublishedBot(publish), 10_000);
    Directory.Delete(publish, recursive: true);
    Console.WriteLine($"\nall benchmarks: {started.Elapsed.TotalMinutes:N1} min");
    var root = KieBot.TestSupport.RepositoryPaths.Root();
    var output = args.Contains("--out") ? args[Array.IndexOf(args, "--out") + 1] : Path.Combine(root, "artifacts", "bench");
    results.Write(output, args.Contains("--docs") ? Path.Combine(root, "docs", "performance.md") : null);
    return 0;
}

static async Task<int> Single(Func<BenchResults, Task> measure)
{
    await measure(new BenchResults());
    return 0;
}

static int Option(string[] args, string name, int fallback)
{
    var at = Array.IndexOf(args, name);
    return at >= 0 && at + 1 < args.Length && int.TryParse(args[at + 1], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var value) ? value : fallback;
}

static int Unknown(string command)
{
    Console.Error.WriteLine($"unknown benchmark '{command}': use all, generator, pipeline, ledger, tracking, schedule, recovery, chat, gallery or startup");
    return 2;
}
