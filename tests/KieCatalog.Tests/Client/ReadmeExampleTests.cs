using System.Reflection;
using System.Runtime.Loader;
using KieBot.TestSupport;
using KieBot.TestSupport.Kie;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace KieCatalog.Tests.Client;

/// <summary>The README's client example compiles and, run against the fake KIE server, prints the result URL.</summary>
/// <remarks>The examples read their KIE key and URL from the process environment: they run one at a time (one collection).</remarks>
[Collection("readme-examples")]
public sealed class ReadmeExampleTests
{
    private const string Marker = "<!-- readme-example:";

    /// <summary>What <c>dotnet new console</c> projects import implicitly.</summary>
    private const string ImplicitUsings = """
        global using System;
        global using System.Collections.Generic;
        global using System.IO;
        global using System.Linq;
        global using System.Net.Http;
        global using System.Threading;
        global using System.Threading.Tasks;
        """;

    [Fact]
    public async Task The_readme_example_compiles_and_runs_against_the_fake_server()
    {
        var source = ExampleSource();
        Assert.InRange(source.Split('\n').Count(l => l.Length > 0 && !l.StartsWith("using ", StringComparison.Ordinal)), 5, 12);
        var assembly = Compile(source);
        await using var server = await FakeKieServer.StartAsync();
        var output = await RunAsync(assembly, server);

        var task = Assert.Single(server.Tasks.Values);
        Assert.Equal("kling-2.6/text-to-video", task.Mode.KieModel);
        Assert.Contains("110 credits", output.ToString(), StringComparison.Ordinal);
        Assert.Contains(task.ResultUrls[0], output.ToString(), StringComparison.Ordinal);
    }

    /// <summary>Runs a compiled example against <paramref name="server"/> (its key and URL in the environment the example reads); returns what it printed.</summary>
    internal static async Task<string> RunAsync(Assembly assembly, FakeKieServer server)
    {
        server.ReadsToFinish = 1;
        Environment.SetEnvironmentVariable("KIE__APIKEY", server.ApiKey);
        Environment.SetEnvironmentVariable("KIE__BASEURL", server.BaseUrl.AbsoluteUri);
        var output = new StringWriter();
        var original = Console.Out;
        Console.SetOut(output);
        try
        {
            await Task.Run(() => assembly.EntryPoint!.Invoke(null, [Array.Empty<string>()]));
        }
        finally
        {
            Console.SetOut(original);
            Environment.SetEnvironmentVariable("KIE__APIKEY", null);
            Environment.SetEnvironmentVariable("KIE__BASEURL", null);
        }

        return output.ToString();
    }

    /// <summary>The C# block after the README's <paramref name="marker"/> comment.</summary>
    internal static string ExampleSource(string marker = Marker)
    {
        var readme = File.ReadAllText(Path.Combine(RepositoryPaths.Root(), "README.md"));
        var at = readme.IndexOf(marker, StringComparison.Ordinal);
        Assert.True(at >= 0, $"README.md has no {marker} block");
        var open = readme.IndexOf("```csharp", at, StringComparison.Ordinal) + "```csharp".Length;
        var close = readme.IndexOf("```", open, StringComparison.Ordinal);
        return readme[open..close].Trim().Replace("\r\n", "\n", StringComparison.Ordinal);
    }

    internal static Assembly Compile(string source, string name = "ReadmeExample")
    {
        var paths = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Concat(AppDomain.CurrentDomain.GetAssemblies().Where(a => !a.IsDynamic && a.Location.Length > 0).Select(a => a.Location))
            .GroupBy(Path.GetFileName)
            .Select(g => g.First());
        var compilation = CSharpCompilation.Create(
            name,
            [CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.Latest)), CSharpSyntaxTree.ParseText(ImplicitUsings)],
            paths.Select(p => MetadataReference.CreateFromFile(p)),
            new CSharpCompilationOptions(Microsoft.CodeAnalysis.OutputKind.ConsoleApplication, nullableContextOptions: NullableContextOptions.Enable));
        using var image = new MemoryStream();
        var emitted = compilation.Emit(image);
        Assert.True(emitted.Success, string.Join("\n", emitted.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)));
        return AssemblyLoadContext.Default.LoadFromStream(new MemoryStream(image.ToArray()));
    }
}
