using System.Text.Json;
using KieBot.TestSupport.Kie;
using KieCatalog.Client;
using KieCatalog.Errors;
using KieCatalog.Fake;
using Microsoft.Extensions.Time.Testing;

namespace KieCatalog.Tests.Client;

/// <summary>The in-process fake on the endpoints off a family's usual one: synchronous answers are finished tasks, the rest are followed.</summary>
public sealed class FakeGatewayEndpointTests
{
    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 11, 24, 12, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task Every_catalog_mode_can_be_created_and_ends_in_its_endpoints_result_kind()
    {
        var kie = new FakeKieGateway(time);
        foreach (var mode in Models.AllModes)
        {
            var task = await kie.CreateTaskAsync(SampleInputs.For(mode));
            var endpoint = KieEndpoints.For(mode)!;
            Assert.Equal(endpoint.IsSynchronous, task.IsCompleted);
            Assert.Equal(mode.CreatePath, task.CreatePath);
        }

        time.Advance(TimeSpan.FromMinutes(1));
        foreach (var created in kie.Created)
        {
            var done = await kie.GetTaskAsync(created);
            Assert.Equal(KieTaskState.Success, done.State);
            var kind = KieEndpoints.Find(created.Api, created.CreatePath)!.Result;
            var files = done.Tracks.Count > 0 ? 2 : 1;
            Assert.True(kind == KieResultKind.Files ? done.ResultUrls.Count + (done.ResultText is null ? 0 : 1) == files : done.ResultText is not null, $"{created}: {kind}");
        }
    }

    [Fact]
    public async Task A_song_shows_its_first_track_to_preview_then_ends_in_two_tracks()
    {
        var kie = new FakeKieGateway(time);
        var task = await kie.CreateTaskAsync(new SunoV5Input { Prompt = "A fox in the snow" }, new Uri("https://bot.example/kie/callback"));
        var options = new FakeKieOptions();

        time.Advance(options.WaitingTime + options.QueuingTime + (options.GeneratingTime * 3 / 4));
        var first = await kie.GetTaskAsync(task);
        time.Advance(TimeSpan.FromMinutes(1));
        var done = await kie.GetTaskAsync(task);

        Assert.Equal(("FIRST_SUCCESS", KieTaskState.Generating), (first.RawState, first.State));
        Assert.NotNull(first.Preview!.StreamAudioUrl);
        Assert.Equal(KieTaskState.Success, done.State);
        Assert.Equal(done.Tracks.Select(t => t.AudioUrl), done.ResultUrls);
        Assert.All(done.Tracks, t => Assert.NotNull(t.ImageUrl));
    }

    [Fact]
    public async Task A_synchronous_mode_is_finished_on_creation_and_never_listed_for_reading()
    {
        var kie = new FakeKieGateway(time);
        var mode = EndpointTests.ModeAt("/api/v1/omni/audio/create");

        var task = await kie.CreateTaskAsync(SampleInputs.For(mode));

        Assert.Equal(KieTaskState.Success, task.Completed!.State);
        Assert.Same(task.Completed, await kie.GetTaskAsync(task));
        using var json = JsonDocument.Parse(task.Completed.ResultText!);
        Assert.Equal(JsonValueKind.Object, json.RootElement.ValueKind);
        Assert.Empty(kie.Created);
    }

    [Fact]
    public async Task A_failing_synchronous_call_is_refused_and_an_asynchronous_one_fails_later()
    {
        var kie = new FakeKieGateway(time);
        kie.FailNextTask("422", "record status is not success");
        var refused = await Assert.ThrowsAsync<KieException>(() => kie.CreateTaskAsync(SampleInputs.For(EndpointTests.ModeAt("/api/v1/gpt4o-image/download-url"))));
        kie.FailNextTask("500", "Internal error");
        var lyrics = await kie.CreateTaskAsync(SampleInputs.For(EndpointTests.ModeAt("/api/v1/lyrics")));

        time.Advance(TimeSpan.FromMinutes(1));
        var failed = await kie.GetTaskAsync(lyrics);

        Assert.Equal(422, refused.Error.Code);
        Assert.Equal(KieTaskState.Fail, failed.State);
        Assert.Equal("Internal error", failed.FailMessage);
    }
}
