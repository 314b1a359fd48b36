using System.Reflection;
using System.Runtime.Loader;
using KieBot.TestSupport;
using KieBot.TestSupport.Kie;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace KieCatalog.Tests.Client;

/// <summary>The README's client examples (a video, a song, a follow-up, a streamed chat) compile and, run against the fake KIE server, print their results.</summary>
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
    public async Task The_readme_video_example_compiles_and_runs_against_the_fake_server()
    {
        await using var server = await FakeKieServer.StartAsync();
        var output = await RunAsync(ExampleSource("a video"), server);

        var task = Assert.Single(server.Tasks.Values);
        Assert.Equal("kling-2.6/text-to-video", task.Mode.KieModel);
        Assert.Contains("110 credits", output, StringComparison.Ordinal);
        Assert.Contains(task.ResultUrls[0], output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_readme_song_example_compiles_and_prints_both_tracks()
    {
        await using var sink = await CallbackSink.StartAsync();
        await using var server = await FakeKieServer.StartAsync();
        Environment.SetEnvironmentVariable("KIE_CALLBACK_URL", sink.Url.AbsoluteUri);
        string output;
        try
        {
            output = await RunAsync(ExampleSource("a song"), server);
        }
        finally
        {
            Environment.SetEnvironmentVariable("KIE_CALLBACK_URL", null);
        }

        var task = Assert.Single(server.Tasks.Values);
        Assert.Equal(("V5", "/api/v1/generate", sink.Url.AbsoluteUri), (task.Mode.KieModel, task.Endpoint.CreatePath, task.CallbackUrl));
        Assert.Equal(2, task.ResultUrls.Count);
        Assert.All(task.ResultUrls, url => Assert.Contains($"Red Fox: {url} (cover ", output, StringComparison.Ordinal));
        Assert.Contains("A red fox runs through the snow", output, StringComparison.Ordinal);
        await server.DrainCallbacksAsync();
        Assert.Equal(3, sink.Received.Count);
    }

    [Fact]
    public async Task The_readme_follow_up_example_extends_the_finished_video_it_names()
    {
        await using var server = await FakeKieServer.StartAsync();
        var output = await RunAsync(ExampleSource("a follow-up"), server);

        var video = Assert.Single(server.Tasks.Values, t => t.Mode == Models.Veo3_1.Fast);
        var extension = Assert.Single(server.Tasks.Values, t => t.Mode == Models.Veo3_1.FastExtend);
        var sent = System.Text.Json.Nodes.JsonNode.Parse(Assert.Single(server.Requests, r => r.Path == "/api/v1/veo/extend").Body)!;
        Assert.Equal(video.Id, sent["taskId"]!.GetValue<string>());
        Assert.Contains("True", output, StringComparison.Ordinal);
        Assert.Contains("60 credits", output, StringComparison.Ordinal);
        Assert.Contains(extension.ResultUrls[0], output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_readme_chat_example_streams_the_answer_and_prints_its_usage()
    {
        await using var server = await FakeKieServer.StartAsync();
        var output = await RunAsync(ExampleSource("a streaming chat"), server);

        var call = Assert.Single(server.ChatCalls);
        Assert.Equal(("/gemini-2.5-flash/v1/chat/completions", true, 200), (call.Path, call.Stream, call.Body["max_tokens"]!.GetValue<int>()));
        Assert.StartsWith(server.ChatReply + "\n", output, StringComparison.Ordinal);
        Assert.Contains($"{call.Usage.InputTokens} tokens in, {call.Usage.OutputTokens} out (stop)", output, StringComparison.Ordinal);
    }

    private static async Task<string> RunAsync(string source, FakeKieServer server)
    {
        Assert.InRange(source.Split('\n').Count(l => l.Length > 0 && !l.StartsWith("using ", StringComparison.Ordinal)), 5, 16);
        var assembly = Compile(source, "ReadmeExample" + Guid.NewGuid().ToString("N"));
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

    private static string ExampleSource(string name)
    {
        var readme = File.ReadAllText(Path.Combine(RepositoryPaths.Root(), "README.md"));
        var marker = readme.IndexOf(Marker + " " + name + ",", StringComparison.Ordinal);
        Assert.True(marker >= 0, $"README.md has no readme-example block for {name}");
        var open = readme.IndexOf("```csharp", marker, StringComparison.Ordinal) + "```csharp".Length;
        var close = readme.IndexOf("```", open, StringComparison.Ordinal);
        return readme[open..close].Trim().Replace("\r\n", "\n", StringComparison.Ordinal);
    }

    private static Assembly Compile(string source, string name)
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
