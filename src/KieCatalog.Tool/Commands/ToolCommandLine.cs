using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;
using System.CommandLine.Parsing;

namespace KieCatalog.Tool.Commands;

/// <summary>
/// The command line of <c>kiecatalog</c> on System.CommandLine: one <see cref="Command"/> per verb, whose
/// <see cref="Symbol.Description"/> is its hand-written help (printed as it is by <c>--help</c>/<c>-h</c>). Only
/// <c>--help</c>/<c>-h</c> (and <c>help</c> as the first word) ask for help; no <c>--version</c>, directives,
/// response files or bundled short options, so every other word is the tool's to judge.
/// </summary>
internal static class ToolCommandLine
{
    public static ParserConfiguration Parsing { get; } = new() { EnablePosixBundling = false, ResponseFileTokenReplacer = null };

    public static RootCommand Create(string today)
    {
        var root = new RootCommand(ToolCommands.Usage);
        root.Options.Clear();
        root.Directives.Clear();
        root.Options.Add(new HelpOption("--help", ["-h"]) { Recursive = true, Action = new TextHelpAction() });
        root.Add(ImportCommand.Create(today));
        root.Add(CoverageCommand.Create());
        root.Add(DiffCommand.Create());

        var help = new Command("help", ToolCommands.Usage) { Hidden = true, TreatUnmatchedTokensAsErrors = false };
        help.SetAction(parse => Print(parse, ToolCommands.Usage, ToolCommands.Ok));
        root.Add(help);
        root.SetAction(parse => Print(parse, ToolCommands.Usage, ToolCommands.BadUsage));
        return root;
    }

    /// <summary>An option that is a flag only: <c>--json true</c> leaves <c>true</c> to the command's arguments.</summary>
    public static Option<bool> Flag(string name, string description) => new(name) { Arity = ArgumentArity.Zero, Description = description };

    /// <summary><c>--catalog FILE</c>; given twice, the last one counts (as it always did).</summary>
    public static Option<string> CatalogOption(string description) => new("--catalog")
    {
        HelpName = "FILE",
        Description = description,
        Arity = ArgumentArity.OneOrMore,
        AllowMultipleArgumentsPerToken = false,
        CustomParser = result => result.Tokens[^1].Value,
        DefaultValueFactory = _ => Path.Combine("catalog", "models.json"),
    };

    /// <summary>
    /// Why <paramref name="parse"/> is bad usage, or null: one line naming the problem (an unknown command is followed
    /// by the usage). In the order the tool always judged them: an unknown command; an unknown option (a word starting with <c>--</c> that the command does not take, even next
    /// to <c>--help</c>; a flag never takes a value, so <c>--json=yes</c> is one too); then, unless help was asked
    /// for, an option without its value and the command's own rules.
    /// </summary>
    public static string? BadUsage(string[] args, ParseResult parse)
    {
        if (parse.Tokens is not [var first, ..] || IsHelp(first) || first is { Type: TokenType.Command, Value: "help" })
        {
            return null;
        }

        if (first.Type != TokenType.Command)
        {
            return $"kiecatalog: unknown command '{first.Value}'\n\n{ToolCommands.Usage}";
        }

        var command = first.Value;
        var positional = parse.CommandResult.Children.OfType<ArgumentResult>().SelectMany(a => a.Tokens).Select(t => t.Value);
        var flags = parse.CommandResult.Command.Options.Where(o => o.Arity.MaximumNumberOfValues == 0).Select(o => o.Name).ToHashSet(StringComparer.Ordinal);
        var unknown = args.Where(a => a.StartsWith("--", StringComparison.Ordinal) && a.IndexOfAny(['=', ':']) is > 2 and var at && flags.Contains(a[..at]))
            .Concat(parse.Tokens.Where(t => t.Type == TokenType.DoubleDash).Select(t => t.Value))
            .Concat(parse.UnmatchedTokens)
            .Concat(positional.Where(v => v.StartsWith("--", StringComparison.Ordinal)))
            .OrderBy(word => Array.IndexOf(args, word) is >= 0 and var at ? at : int.MaxValue)
            .FirstOrDefault();
        if (unknown is not null)
        {
            return Message(command, $"unknown option {unknown}");
        }

        if (parse.Action is TextHelpAction)
        {
            return null;
        }

        var valueless = parse.CommandResult.Children.OfType<OptionResult>().FirstOrDefault(o => o is { Implicit: false, Tokens.Count: 0, Option.Arity.MinimumNumberOfValues: > 0 });
        if (valueless is not null)
        {
            return Message(command, $"{valueless.Option.Name} needs a value");
        }

        return parse.Errors is [var error, ..] ? Message(command, error.Message.TrimEnd('.')) : null;
    }

    private static string Message(string command, string problem) => $"kiecatalog {command}: {problem} (see kiecatalog {command} --help)";

    private static bool IsHelp(Token token) => token is { Type: TokenType.Option, Value: "--help" or "-h" };

    private static int Print(ParseResult parse, string text, int code)
    {
        parse.InvocationConfiguration.Output.WriteLine(text);
        return code;
    }

    /// <summary><c>--help</c>/<c>-h</c>: the help of the command it follows, the tool's usage when it comes first.</summary>
    private sealed class TextHelpAction : SynchronousCommandLineAction
    {
        public override bool ClearsParseErrors => true;

        public override int Invoke(ParseResult parseResult)
        {
            var command = parseResult.Tokens is [{ Type: TokenType.Command }, ..] ? parseResult.CommandResult.Command : parseResult.RootCommandResult.Command;
            return Print(parseResult, command.Description ?? ToolCommands.Usage, ToolCommands.Ok);
        }
    }
}
