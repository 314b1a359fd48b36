namespace KieCatalog.Tool.Tests;

/// <summary>What <c>kiecatalog</c> prints for help and bad usage: help on stdout, one message naming the problem on stderr.</summary>
public sealed class CommandLineTests : IDisposable
{
    private readonly ToolRun tool = new();

    [Theory]
    [InlineData(new[] { "import", "x.yaml", "--bogus" }, "kiecatalog import: unknown option --bogus (see kiecatalog import --help)")]
    [InlineData(new[] { "import", "--bogus", "--help" }, "kiecatalog import: unknown option --bogus (see kiecatalog import --help)")]
    [InlineData(new[] { "import", "x.yaml", "--", "y.yaml" }, "kiecatalog import: unknown option -- (see kiecatalog import --help)")]
    [InlineData(new[] { "import", "x.yaml", "--check=yes" }, "kiecatalog import: unknown option --check=yes (see kiecatalog import --help)")]
    [InlineData(new[] { "coverage", "--json", "--check" }, "kiecatalog coverage: unknown option --check (see kiecatalog coverage --help)")]
    [InlineData(new[] { "import", "x.yaml", "--catalog" }, "kiecatalog import: --catalog needs a value (see kiecatalog import --help)")]
    [InlineData(new[] { "import", "--catalog" }, "kiecatalog import: --catalog needs a value (see kiecatalog import --help)")]
    [InlineData(new[] { "import", "--check" }, "kiecatalog import: name at least one SOURCE (see kiecatalog import --help)")]
    [InlineData(new[] { "diff", "a", "b", "c" }, "kiecatalog diff: name two catalogs: OLD NEW (see kiecatalog diff --help)")]
    public async Task Bad_usage_is_exit_code_2_with_one_line_naming_it(string[] args, string message)
    {
        var (code, output, error) = await tool.RunAsync(args);

        Assert.Equal(2, code);
        Assert.Equal(message + "\n", error.ReplaceLineEndings("\n"));
        Assert.Equal("", output);
    }

    [Theory]
    [InlineData("frobnicate")]
    [InlineData("--version")]
    [InlineData("-?")]
    [InlineData("[suggest]")]
    public async Task An_unknown_command_is_named_and_followed_by_the_usage(string command)
    {
        var (code, _, error) = await tool.RunAsync(command, "--json");

        Assert.Equal(2, code);
        Assert.StartsWith($"kiecatalog: unknown command '{command}'\n\nkiecatalog: keeps a KieCatalog models.json current", error.ReplaceLineEndings("\n"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new[] { "--help" }, "kiecatalog: keeps a KieCatalog models.json current")]
    [InlineData(new[] { "-h", "import" }, "kiecatalog: keeps a KieCatalog models.json current")]
    [InlineData(new[] { "help" }, "kiecatalog: keeps a KieCatalog models.json current")]
    [InlineData(new[] { "import", "--help" }, "kiecatalog import SOURCE… [--catalog FILE] [--check] [--json]\n\nImports KIE request schemas")]
    [InlineData(new[] { "coverage", "--json", "-h" }, "kiecatalog coverage [SOURCE…] [--catalog FILE] [--json]\n\nModels and modes")]
    [InlineData(new[] { "diff", "-h" }, "kiecatalog diff OLD NEW [--json]\n\nThe semantic difference")]
    public async Task Help_prints_the_hand_written_text_of_the_command_it_follows(string[] args, string start)
    {
        var (code, output, error) = await tool.RunAsync(args);

        Assert.Equal(0, code);
        Assert.StartsWith(start, output.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Equal("", error);
    }

    [Fact]
    public async Task No_command_prints_the_usage_and_is_bad_usage()
    {
        var (code, output, _) = await tool.RunAsync();

        Assert.Equal(2, code);
        Assert.StartsWith("kiecatalog: keeps a KieCatalog models.json current", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_last_catalog_option_counts_and_a_word_after_a_flag_stays_a_source()
    {
        var catalog = tool.Write("models.json", ImportTests.HandWritten);

        var (code, output, error) = await tool.RunAsync("diff", "--json", "true", catalog);
        var coverage = await tool.RunAsync("coverage", "--catalog", Path.Combine(tool.Folder, "missing.json"), "--catalog", catalog);

        Assert.Equal(1, code);
        Assert.Contains("true", error, StringComparison.Ordinal);
        Assert.Equal("", output);
        Assert.True(coverage.Code == 0, coverage.Error);
    }

    public void Dispose() => tool.Dispose();
}
