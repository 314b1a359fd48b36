using KieBot.Hosting.Commands;

namespace KieBot.Hosting;

/// <summary>
/// One binary, several commands: <c>run</c> (default), <c>migrate</c>, <c>check</c>, <c>cleanup</c>, <c>errors</c>,
/// <c>catalog</c>; <c>--help</c> on each. Exit codes: 0 ok, 1 problems found, 2 bad usage. The command line is
/// parsed with System.CommandLine in <see cref="BotCommandLine"/>.
/// </summary>
public static class Program
{
    public static Task<int> Main(string[] args) =>
        BotCommandLine.RunAsync(args, Environment.GetEnvironmentVariable, Console.In, Console.Out, Console.Error);
}
