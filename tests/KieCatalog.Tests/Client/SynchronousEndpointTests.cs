using System.Text.Json;
using KieBot.TestSupport.Kie;
using KieCatalog.Client;
using KieCatalog.Errors;

namespace KieCatalog.Tests.Client;

/// <summary>Endpoints that answer with the result: a finished task on creation, and no status read of a record that does not exist.</summary>
public sealed class SynchronousEndpointTests
{
    public static TheoryData<string, string, string> Synchronous() => new()
    {
        { "/api/v1/gpt4o-image/download-url", "files", "X-Amz-Expires=1200" },
        { "/api/v1/style/generate", "text", "Pop, Mysterious, airy female vocals, shimmering synth pads, 100 BPM" },
        { "/api/v1/generate/generate-persona", "json", "personaId" },
        { "/api/v1/generate/get-timestamped-lyrics", "text", "[Verse]\n[00:01.36] Waggin' my\n[01:02.50] Tail" },
        { "/api/v1/omni/audio/create", "json", "kieAudioId" },
        { "/api/v1/omni/character/create", "json", "characterId" },
    };

    [Theory]
    [MemberData(nameof(Synchronous))]
    public async Task The_answer_is_a_finished_task_and_no_status_is_read(string createPath, string kind, string expected)
    {
        await using var h = await ClientHarness.StartAsync();
        var mode = EndpointTests.ModeAt(createPath);

        var task = await h.Kie.CreateTaskAsync(SampleInputs.For(mode), new Uri("https://bot.example/cb"));
        var read = await h.Kie.GetTaskAsync(task);
        var waited = await h.Kie.WaitForResultAsync(task);

        var create = Assert.Single(h.Server.Requests);
        Assert.Equal(createPath, create.Path);
        using (var body = JsonDocument.Parse(create.Body))
        {
            Assert.False(body.RootElement.TryGetProperty("callBackUrl", out _), "a synchronous endpoint is given no callback");
            Assert.False(body.RootElement.TryGetProperty("model", out _));
        }

        Assert.True(task.IsCompleted);
        Assert.Same(task.Completed, read);
        Assert.Same(task.Completed, waited);
        Assert.Equal(KieTaskState.Success, read.State);
        Assert.True(read.IsTerminal);
        Assert.Equal(createPath, read.CreatePath);
        Assert.Equal(mode.KieModel, read.Model);
        Assert.NotNull(read.CompletedAt);
        Assert.Null(read.Error);
        switch (kind)
        {
            case "files":
                Assert.Contains(expected, Assert.Single(read.ResultUrls), StringComparison.Ordinal);
                break;
            case "text":
                Assert.Equal(expected, read.ResultText);
                break;
            default:
                using (var json = JsonDocument.Parse(read.ResultText!))
                {
                    Assert.True(json.RootElement.TryGetProperty(expected, out _), read.ResultText);
                }

                break;
        }
    }

    [Fact]
    public async Task An_omni_character_carries_its_image_and_its_ids()
    {
        await using var h = await ClientHarness.StartAsync();

        var task = (await h.Kie.CreateTaskAsync(SampleInputs.For(EndpointTests.ModeAt("/api/v1/omni/character/create")))).Completed!;

        Assert.EndsWith("/character.png", Assert.Single(task.ResultUrls), StringComparison.Ordinal);
        using var json = JsonDocument.Parse(task.ResultText!);
        Assert.StartsWith("b09dbf56", json.RootElement.GetProperty("characterId").GetString(), StringComparison.Ordinal);
        Assert.StartsWith("sync_", task.TaskId, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_refused_synchronous_call_throws_and_leaves_no_task()
    {
        await using var h = await ClientHarness.StartAsync();
        h.Server.FailNextTask("422", "record status is not success");

        var error = await Assert.ThrowsAsync<KieException>(() => h.Kie.CreateTaskAsync(SampleInputs.For(EndpointTests.ModeAt("/api/v1/gpt4o-image/download-url"))));

        Assert.Equal(422, error.Error.Code);
        Assert.Equal(KieOperation.CreateTask, error.Error.Operation);
    }

    [Fact]
    public async Task A_reference_rebuilt_from_the_id_alone_has_no_record_to_read()
    {
        await using var h = await ClientHarness.StartAsync();
        var mode = EndpointTests.ModeAt("/api/v1/style/generate");
        var task = await h.Kie.CreateTaskAsync(SampleInputs.For(mode));

        var error = await Assert.ThrowsAsync<KieException>(() => h.Kie.GetTaskAsync(KieTaskRef.For(mode, task.TaskId)));

        Assert.Equal(KieErrorKind.NotFound, error.Kind);
        Assert.True(error.Error.ShouldRefund);
        Assert.Single(h.Server.Requests);
    }

    [Fact]
    public void A_finished_synchronous_task_gives_back_a_reference_that_carries_it()
    {
        var task = new KieTask { TaskId = "sync_1", Api = ApiFamily.Omni, CreatePath = "/api/v1/omni/audio/create", State = KieTaskState.Success };
        var market = new KieTask { TaskId = "task_1", Api = ApiFamily.Jobs, CreatePath = "/api/v1/jobs/createTask", State = KieTaskState.Success };

        Assert.Same(task, task.Ref.Completed);
        Assert.Equal("/api/v1/omni/audio/create", task.Ref.CreatePath);
        Assert.Null(market.Ref.Completed);
        Assert.Null(market.Ref.CreatePath);
    }
}
