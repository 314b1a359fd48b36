using KieBot.Bench;

// Benchmarks. Usage: dotnet run -c Release --project bench/KieBot.Bench [-- generator [--no-build-share] | ledger [--seconds N] [--workers N] | tracking [N]]  (ledger: SQLite and a throw-away PostgreSQL, 16 and 64 workers by default)
return args.FirstOrDefault() switch
{
    "ledger" => await LedgerBench.RunAsync(args[1..]),
    "tracking" => await TrackingBench.RunAsync(args[1..]),
    "fake-kie" => await TrackingBench.ServeFakeKieAsync(),
    "generator" => GeneratorReport.Run(args[1..]),
    null => GeneratorReport.Run(args),
    var other => Unknown(other),
};

static int Unknown(string command)
{
    Console.Error.WriteLine($"unknown benchmark '{command}': use generator, ledger or tracking");
    return 2;
}
