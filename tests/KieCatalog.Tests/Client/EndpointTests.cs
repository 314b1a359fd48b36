using System.Text.Json;
using KieBot.TestSupport.Kie;
using KieCatalog.Catalog;
using KieCatalog.Client;
using KieCatalog.Errors;

namespace KieCatalog.Tests.Client;

/// <summary>
/// Every endpoint off a family's usual one, against the fake KIE server: created at its own path, read at its own status
/// path (written out here, not taken from the client's table), decoded from the record shapes of KIE's pages.
/// </summary>
public sealed class EndpointTests
{
    private static readonly Uri Callback = new("https://bot.example/kie/callback");

    public static TheoryData<string, string, string> Followed() => new()
    {
        { "/api/v1/veo/extend", "/api/v1/veo/record-info", "files:.mp4:1" },
        { "/api/v1/veo/get-4k-video", "/api/v1/veo/record-info", "files:.mp4:1" },
        { "/api/v1/runway/extend", "/api/v1/runway/record-detail", "files:.mp4:1" },
        { "/api/v1/generate/replace-section", "/api/v1/generate/record-info", "files:.mp3:2" },
        { "/api/v1/generate/upload-cover", "/api/v1/generate/record-info", "files:.mp3:2" },
        { "/api/v1/generate/upload-extend", "/api/v1/generate/record-info", "files:.mp3:2" },
        { "/api/v1/generate/add-vocals", "/api/v1/generate/record-info", "files:.mp3:2" },
        { "/api/v1/generate/add-instrumental", "/api/v1/generate/record-info", "files:.mp3:2" },
        { "/api/v1/generate/mashup", "/api/v1/generate/record-info", "files:.mp3:2" },
        { "/api/v1/lyrics", "/api/v1/lyrics/record-info", "text:Night City\n\n[Verse]\nCity lights are humming low\n\nQuiet Road\n\n[Verse]\nStreetlamps paint the quiet road" },
        { "/api/v1/wav/generate", "/api/v1/wav/record-info", "files:/0.wav:1" },
        { "/api/v1/vocal-removal/generate", "/api/v1/vocal-removal/record-info", "files:.mp3:2" },
        { "/api/v1/midi/generate", "/api/v1/midi/record-info", "json:Electric Bass (finger)" },
        { "/api/v1/suno/cover/generate", "/api/v1/suno/cover/record-info", "files:.png:2" },
    };

    [Theory]
    [MemberData(nameof(Followed))]
    public async Task A_task_is_created_at_its_endpoint_read_at_its_status_path_and_its_result_decoded(string createPath, string statusPath, string expected)
    {
        await using var h = await ClientHarness.StartAsync();
        var mode = ModeAt(createPath);

        var task = await h.Kie.CreateTaskAsync(SampleInputs.For(mode), Callback);
        var states = new List<KieTaskState>();
        KieTask current;
        do
        {
            current = await h.Kie.GetTaskAsync(task);
            states.Add(current.State);
        }
        while (!current.IsTerminal && states.Count < 5);

        Assert.False(task.IsCompleted);
        Assert.Equal(createPath, task.CreatePath);
        Assert.Equal(createPath, h.Server.Requests[0].Path);
        Assert.All(h.Server.Requests.Skip(1), r => Assert.Equal(statusPath, r.Path));
        Assert.Equal(KieTaskState.Success, current.State);
        Assert.DoesNotContain(KieTaskState.Other, states);
        Assert.Equal(createPath, current.CreatePath);
        var parts = expected.Split(':', 2);
        switch (parts[0])
        {
            case "files":
                var (suffix, count) = (parts[1].Split(':')[0], parts[1].Split(':')[1]);
                Assert.Equal(int.Parse(count, System.Globalization.CultureInfo.InvariantCulture), current.ResultUrls.Count);
                Assert.All(current.ResultUrls, u => Assert.EndsWith(suffix, u, StringComparison.Ordinal));
                Assert.All(current.ResultUrls, u => Assert.StartsWith(h.Server.BaseUrl.AbsoluteUri, u, StringComparison.Ordinal));
                break;
            case "text":
                Assert.Empty(current.ResultUrls);
                Assert.Equal(parts[1], current.ResultText);
                break;
            default:
                Assert.Empty(current.ResultUrls);
                using (var json = JsonDocument.Parse(current.ResultText!))
                {
                    Assert.Contains(parts[1], json.RootElement.GetRawText(), StringComparison.Ordinal);
                }

                break;
        }
    }

    [Fact]
    public async Task Cover_records_count_two_as_generating_not_as_failed()
    {
        await using var h = await ClientHarness.StartAsync();
        var task = await h.Kie.CreateTaskAsync(SampleInputs.For(ModeAt("/api/v1/suno/cover/generate")), Callback);

        var states = new[] { await h.Kie.GetTaskAsync(task), await h.Kie.GetTaskAsync(task), await h.Kie.GetTaskAsync(task) }.Select(t => t.State);

        Assert.Equal([KieTaskState.Queuing, KieTaskState.Generating, KieTaskState.Success], states);
    }

    [Fact]
    public async Task A_stem_split_returns_every_stem_and_not_the_source_list()
    {
        await using var h = await ClientHarness.StartAsync();
        h.Server.ReadsToFinish = 1;
        var input = new SunoVocalRemovalGenerateInput { TaskId = "5e72a0c2b1e4", AudioId = "e231aa10-8cadc7dc", Type = SunoVocalRemovalGenerateType.SplitStem };

        var task = await h.Kie.GetTaskAsync(await h.Kie.CreateTaskAsync(input, Callback));

        Assert.Equal(12, task.ResultUrls.Count);
        Assert.EndsWith("/Vocals.mp3", task.ResultUrls[0], StringComparison.Ordinal);
        Assert.DoesNotContain("https://example001.mp3", task.ResultUrls);
    }

    [Theory]
    [MemberData(nameof(Followed))]
    public async Task A_failed_record_of_each_endpoint_is_decoded_as_a_failure(string createPath, string statusPath, string expected)
    {
        _ = expected;
        await using var h = await ClientHarness.StartAsync();
        h.Server.ReadsToFinish = 1;
        h.Server.FailNextTask("500", "Internal error, please try again later.");

        var task = await h.Kie.GetTaskAsync(await h.Kie.CreateTaskAsync(SampleInputs.For(ModeAt(createPath)), Callback));

        Assert.Equal(statusPath, h.Server.Requests[^1].Path);
        Assert.Equal(KieTaskState.Fail, task.State);
        Assert.Empty(task.ResultUrls);
        Assert.Null(task.ResultText);
        Assert.Equal("Internal error, please try again later.", task.FailMessage);
        Assert.NotNull(task.Error);
        Assert.True(task.Error!.ShouldRefund);
    }

    [Fact]
    public async Task A_reference_without_its_create_path_is_read_at_the_family_path_where_kie_does_not_know_the_task()
    {
        await using var h = await ClientHarness.StartAsync();
        var task = await h.Kie.CreateTaskAsync(SampleInputs.For(ModeAt("/api/v1/lyrics")), Callback);

        var error = await Assert.ThrowsAsync<KieException>(() => h.Kie.GetTaskAsync(new KieTaskRef(task.TaskId, task.Api)));

        Assert.Equal(KieErrorKind.NotFound, error.Kind);
        Assert.Equal("/api/v1/generate/record-info", h.Server.Requests[^1].Path);
        Assert.Equal(KieTaskState.Queuing, (await h.Kie.GetTaskAsync(KieTaskRef.For(ModeAt("/api/v1/lyrics"), task.TaskId))).State);
    }

    [Fact]
    public async Task Suno_side_endpoints_send_no_model_and_require_a_callback()
    {
        await using var h = await ClientHarness.StartAsync();
        var mode = ModeAt("/api/v1/wav/generate");

        var refused = await Assert.ThrowsAsync<KieException>(() => h.Kie.CreateTaskAsync(SampleInputs.For(mode)));
        await h.Kie.CreateTaskAsync(SampleInputs.For(mode), Callback);

        Assert.Equal(KieErrorKind.InvalidInput, refused.Kind);
        using var body = JsonDocument.Parse(Assert.Single(h.Server.Requests).Body);
        Assert.False(body.RootElement.TryGetProperty("model", out _));
        Assert.Equal(Callback.AbsoluteUri, body.RootElement.GetProperty("callBackUrl").GetString());
    }

    [Fact]
    public async Task A_veo_extension_names_its_model_and_the_task_it_extends()
    {
        await using var h = await ClientHarness.StartAsync();
        var mode = Models.AllModes.Single(m => m.CreatePath == "/api/v1/veo/extend" && m.KieModel == "lite");

        await h.Kie.CreateTaskAsync(SampleInputs.For(mode));

        using var body = JsonDocument.Parse(Assert.Single(h.Server.Requests).Body);
        Assert.Equal("lite", body.RootElement.GetProperty("model").GetString());
        Assert.True(body.RootElement.TryGetProperty("taskId", out _));
        Assert.Equal(1, h.Server.Tasks.Values.Count(t => t.Mode == mode));
    }

    internal static ModeDescriptor ModeAt(string createPath) => Models.AllModes.First(m => m.CreatePath == createPath);
}
