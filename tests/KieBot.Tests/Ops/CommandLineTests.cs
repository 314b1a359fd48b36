using KieBot.Hosting.Commands;

namespace KieBot.Tests.Ops;

/// <summary>The bot binary's command line: help on stdout, bad usage as one line on stderr naming the word and exit code 2.</summary>
public sealed class CommandLineTests
{
    [Theory]
    [InlineData(new[] { "deploy" }, "unknown command 'deploy'; try --help")]
    [InlineData(new[] { "deploy", "--json" }, "unknown command 'deploy'; try --help")]
    [InlineData(new[] { "help", "check" }, "unknown command 'help'; try --help")]
    [InlineData(new[] { "[suggest]" }, "unknown command '[suggest]'; try --help")]
    [InlineData(new[] { "--json" }, "run: unknown option --json; usage: KieBot run")]
    [InlineData(new[] { "--version" }, "run: unknown option --version; usage: KieBot run")]
    [InlineData(new[] { "-?" }, "run: unknown option -?; usage: KieBot run")]
    [InlineData(new[] { "cleanup", "--force" }, "cleanup: unknown option --force; usage: KieBot cleanup [--dry-run] [--json]")]
    [InlineData(new[] { "cleanup", "--dry-run", "--json", "--force" }, "cleanup: unknown option --force; usage: KieBot cleanup [--dry-run] [--json]")]
    [InlineData(new[] { "check", "deploy" }, "check: unknown option deploy; usage: KieBot check [--json]")]
    [InlineData(new[] { "check", "--" }, "check: unknown option --; usage: KieBot check [--json]")]
    [InlineData(new[] { "check", "--json=1" }, "check: unknown option --json=1; usage: KieBot check [--json]")]
    [InlineData(new[] { "check", "--json", "--help" }, "check: unknown option --help; usage: KieBot check [--json]")]
    [InlineData(new[] { "migrate", "--json" }, "migrate: unknown option --json; usage: KieBot migrate")]
    [InlineData(new[] { "errors", "--since", "yesterday" }, "errors: --since takes a duration like 90m, 24h or 7d (got 'yesterday')")]
    [InlineData(new[] { "errors", "--since", "5s" }, "errors: --since takes a duration like 90m, 24h or 7d (got '5s')")]
    [InlineData(new[] { "errors", "--since", "0h" }, "errors: --since takes a duration like 90m, 24h or 7d (got '0h')")]
    [InlineData(new[] { "errors", "--json", "--since" }, "errors: --since needs a value; usage: KieBot errors [--since 24h] [--json]")]
    [InlineData(new[] { "errors", "--since", "7d", "1h" }, "errors: unknown option 1h; usage: KieBot errors [--since 24h] [--json]")]
    public async Task Bad_usage_is_exit_code_2_with_one_line_naming_it(string[] args, string message)
    {
        var (code, output, error) = await RunAsync(args);

        Assert.Equal(2, code);
        Assert.Equal(message + "\n", error);
        Assert.Equal("", output);
    }

    [Theory]
    [InlineData("--help")]
    [InlineData("-h")]
    [InlineData("help")]
    public async Task Help_before_any_command_lists_every_command(string help)
    {
        var (code, output, error) = await RunAsync(help);

        Assert.Equal(0, code);
        Assert.Equal("", error);
        Assert.StartsWith("usage: KieBot [command] [options]; KieBot <command> --help\n\n  run  ", output, StringComparison.Ordinal);
        foreach (var usage in new[] { "migrate", "check [--json]", "cleanup [--dry-run] [--json]", "errors [--since 24h] [--json]", "catalog [--json]" })
        {
            Assert.Contains("\n  " + usage + " ", output, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("run", "run", "start the bot")]
    [InlineData("migrate", "migrate", "apply the database migrations")]
    [InlineData("check", "check [--json]", "pre-deploy readiness")]
    [InlineData("cleanup", "cleanup [--dry-run] [--json]", "remove data past retention")]
    [InlineData("errors", "errors [--since 24h] [--json]", "error events grouped")]
    [InlineData("catalog", "catalog [--json]", "the typed catalog")]
    public async Task Help_after_a_command_prints_its_usage(string command, string usage, string summary)
    {
        foreach (var help in new[] { "--help", "-h" })
        {
            var (code, output, error) = await RunAsync(command, help);

            Assert.Equal(0, code);
            Assert.Equal("", error);
            Assert.StartsWith($"usage: KieBot {usage}\n{summary}", output, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("90m", 90)]
    [InlineData("24h", 24 * 60)]
    [InlineData("7d", 7 * 24 * 60)]
    public void Windows_are_whole_minutes_hours_or_days(string text, int minutes)
    {
        Assert.True(BotCommandLine.TryParseWindow(text, out var window));
        Assert.Equal(TimeSpan.FromMinutes(minutes), window);
    }

    [Theory]
    [InlineData("")]
    [InlineData("h")]
    [InlineData("-5m")]
    [InlineData("+5m")]
    [InlineData("1.5h")]
    [InlineData("5w")]
    [InlineData("24")]
    public void Other_windows_are_refused(string text) => Assert.False(BotCommandLine.TryParseWindow(text, out _));

    private static async Task<(int Code, string Output, string Error)> RunAsync(params string[] args)
    {
        var output = new StringWriter { NewLine = "\n" };
        var error = new StringWriter { NewLine = "\n" };
        var code = await BotCommandLine.RunAsync(args, _ => null, TextReader.Null, output, error);
        return (code, output.ToString(), error.ToString());
    }
}
