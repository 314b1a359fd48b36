using System.Text.Json.Nodes;
using KieBot.TestSupport.Kie;

namespace KieCatalog.Tests.Client;

/// <summary>The README's follow-up example compiles and, run against the fake KIE server, extends the video it made.</summary>
[Collection("readme-examples")]
public sealed class ReadmeFollowUpExampleTests
{
    [Fact]
    public async Task The_follow_up_example_extends_the_finished_video_it_names()
    {
        var assembly = ReadmeExampleTests.Compile(ReadmeExampleTests.ExampleSource("<!-- readme-follow-up-example:"), "ReadmeFollowUpExample");
        await using var server = await FakeKieServer.StartAsync();
        var output = await ReadmeExampleTests.RunAsync(assembly, server);

        var video = Assert.Single(server.Tasks.Values, t => t.Mode == Models.Veo3_1.Fast);
        var extension = Assert.Single(server.Tasks.Values, t => t.Mode == Models.Veo3_1.FastExtend);
        var sent = JsonNode.Parse(Assert.Single(server.Requests, r => r.Path == "/api/v1/veo/extend").Body)!;
        Assert.Equal(video.Id, sent["taskId"]!.GetValue<string>());
        Assert.Contains("True", output, StringComparison.Ordinal);
        Assert.Contains("60 credits", output, StringComparison.Ordinal);
        Assert.Contains(extension.ResultUrls[0], output, StringComparison.Ordinal);
    }
}
