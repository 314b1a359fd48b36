using System.Text.Json;
using KieBot.TestSupport.Kie;
using KieCatalog.Client;
using KieCatalog.Errors;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace KieCatalog.Tests.Client;

/// <summary>Every operation's happy path against the fake KIE server, with the real wire shapes.</summary>
public sealed class ClientOperationsTests
{
    [Fact]
    public async Task Create_sends_the_market_body_with_key_and_user_agent_and_returns_the_task_id()
    {
        await using var h = await ClientHarness.StartAsync();
        var input = new Kling2_6TextToVideoInput { Prompt = "A fox in the snow", Sound = true, Duration = Kling2_6TextToVideoDuration.V10 };

        var task = await h.Kie.CreateTaskAsync(input, new Uri("https://bot.example/kie/callback?token=x"));

        Assert.Equal(ApiFamily.Jobs, task.Api);
        Assert.StartsWith("task_kling-2.6_", task.TaskId, StringComparison.Ordinal);
        var request = Assert.Single(h.Server.Requests);
        Assert.Equal("/api/v1/jobs/createTask", request.Path);
        Assert.Equal("Bearer " + FakeKieServer.DefaultApiKey, request.Authorization);
        Assert.False(string.IsNullOrWhiteSpace(request.UserAgent));
        using var body = JsonDocument.Parse(request.Body);
        Assert.Equal("kling-2.6/text-to-video", body.RootElement.GetProperty("model").GetString());
        Assert.Equal("https://bot.example/kie/callback?token=x", body.RootElement.GetProperty("callBackUrl").GetString());
        var sent = body.RootElement.GetProperty("input");
        Assert.Equal("A fox in the snow", sent.GetProperty("prompt").GetString());
        Assert.Equal("10", sent.GetProperty("duration").GetString());
        Assert.True(sent.GetProperty("sound").GetBoolean());
        Assert.Equal("1:1", sent.GetProperty("aspect_ratio").GetString());
    }

    [Fact]
    public async Task A_task_is_read_through_every_state_to_its_result()
    {
        await using var h = await ClientHarness.StartAsync();
        var input = new Kling2_6TextToVideoInput { Prompt = "A fox in the snow", Sound = false };
        var task = await h.Kie.CreateTaskAsync(input);

        var states = new List<KieTaskState>();
        KieTask current;
        do
        {
            current = await h.Kie.GetTaskAsync(task);
            states.Add(current.State);
        }
        while (!current.IsTerminal);

        Assert.Equal([KieTaskState.Queuing, KieTaskState.Generating, KieTaskState.Success], states);
        var url = Assert.Single(current.ResultUrls);
        Assert.EndsWith(".mp4", url, StringComparison.Ordinal);
        Assert.Equal("kling-2.6/text-to-video", current.Model);
        Assert.Equal(input.Price(), current.CreditsConsumed);
        Assert.NotNull(current.CreatedAt);
        Assert.NotNull(current.CompletedAt);
        Assert.Null(current.Error);
    }

    [Fact]
    public async Task Waiting_returns_the_finished_task()
    {
        await using var h = await ClientHarness.StartAsync();
        h.Server.ReadsToFinish = 1;
        var task = await h.Kie.CreateTaskAsync(SampleInputs.For(Models.FindByKieModel("google/nano-banana")!));

        var result = await h.Kie.WaitForResultAsync(task);

        Assert.Equal(KieTaskState.Success, result.State);
        Assert.EndsWith(".png", Assert.Single(result.ResultUrls), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_text_result_is_read_from_result_object()
    {
        await using var h = await ClientHarness.StartAsync();
        h.Server.ReadsToFinish = 1;
        var task = await h.Kie.CreateTaskAsync(SampleInputs.For(Models.FindByKieModel("elevenlabs/speech-to-text")!));

        var result = await h.Kie.GetTaskAsync(task);

        Assert.Empty(result.ResultUrls);
        using var text = JsonDocument.Parse(result.ResultText!);
        Assert.Equal("fake transcript", text.RootElement.GetProperty("text").GetString());
    }

    public static TheoryData<string> FamilyModes() =>
        new(Models.AllModes.Where(m => m.Api is not (ApiFamily.Jobs or ApiFamily.Omni) && m.CreatePath is null).Select(m => m.Key));

    [Theory]
    [MemberData(nameof(FamilyModes))]
    public async Task Every_wired_family_is_created_and_read_on_its_own_endpoints(string key)
    {
        await using var h = await ClientHarness.StartAsync();
        h.Server.ReadsToFinish = 1;
        var mode = Models.AllModes.Single(m => m.Key == key);

        var task = await h.Kie.CreateTaskAsync(SampleInputs.For(mode), new Uri("https://bot.example/cb"));
        var result = await h.Kie.GetTaskAsync(task);

        Assert.Equal(mode.Api, task.Api);
        Assert.Equal(KieTaskState.Success, result.State);
        Assert.Equal(h.Server.Tasks[task.TaskId].ResultUrls, result.ResultUrls);
        var create = h.Server.Requests[0];
        using var body = JsonDocument.Parse(create.Body);
        Assert.False(body.RootElement.TryGetProperty("input", out _), "legacy families take their fields flat");
        Assert.NotEqual("/api/v1/jobs/createTask", create.Path);
        Assert.NotEqual("/api/v1/jobs/recordInfo", h.Server.Requests[1].Path);
    }

    [Fact]
    public async Task A_failed_legacy_task_reports_its_error_code()
    {
        await using var h = await ClientHarness.StartAsync();
        h.Server.ReadsToFinish = 1;
        h.Server.FailNextTask("400", "Your prompt was flagged by Website as violating content policies");

        var task = await h.Kie.CreateTaskAsync(SampleInputs.For(Models.AllModes.First(m => m.Api == ApiFamily.Veo)));
        var result = await h.Kie.GetTaskAsync(task);

        Assert.Equal(KieTaskState.Fail, result.State);
        Assert.Equal("400", result.FailCode);
        Assert.Equal(KieErrorKind.ContentPolicy, result.Error!.Kind);
    }

    [Fact]
    public async Task Credits_are_read_as_an_exact_decimal()
    {
        await using var h = await ClientHarness.StartAsync();
        h.Server.Balance = 2510330.5m;

        Assert.Equal(2510330.5m, await h.Kie.GetCreditsAsync());
    }

    [Fact]
    public async Task Uploads_return_the_download_url_and_an_expiry()
    {
        await using var h = await ClientHarness.StartAsync();
        var png = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

        var stream = await h.Kie.UploadAsync(new MemoryStream(png), "pixel.png", "images");
        var base64 = await h.Kie.UploadBase64Async(Convert.ToBase64String(png), "pixel.png");
        var byUrl = await h.Kie.UploadFromUrlAsync(new Uri("https://example.com/photo.jpg"), "photo.jpg");

        Assert.StartsWith("https://tempfile.redpandaai.co/", stream.Url, StringComparison.Ordinal);
        Assert.Equal(png.Length, stream.Size);
        Assert.Equal("image/png", stream.MimeType);
        Assert.Equal(stream.UploadedAt!.Value.AddHours(24), stream.ExpiresAt);
        Assert.EndsWith("pixel.png", base64.Url, StringComparison.Ordinal);
        Assert.EndsWith("photo.jpg", byUrl.Url, StringComparison.Ordinal);
        Assert.Equal(["/api/file-stream-upload", "/api/file-base64-upload", "/api/file-url-upload"], h.Server.Requests.Select(r => r.Path));
        Assert.Contains("\"base64Data\":\"data:image/png;base64,", h.Server.Requests[1].Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invalid_input_is_refused_before_anything_is_sent()
    {
        await using var h = await ClientHarness.StartAsync();
        var input = new Kling2_6TextToVideoInput { Prompt = new string('x', 1001), Sound = false };

        var error = await Assert.ThrowsAsync<KieException>(() => h.Kie.CreateTaskAsync(input));

        Assert.Equal(KieErrorKind.InvalidInput, error.Kind);
        Assert.True(error.Error.ShouldRefund);
        Assert.Contains("prompt", error.Error.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain("xxxx", error.Error.Detail, StringComparison.Ordinal);
        Assert.Empty(h.Server.Requests);
    }

    [Fact]
    public async Task Suno_without_a_callback_url_is_refused_before_sending()
    {
        await using var h = await ClientHarness.StartAsync();

        var error = await Assert.ThrowsAsync<KieException>(() => h.Kie.CreateTaskAsync(SampleInputs.For(Models.AllModes.First(m => m.Api == ApiFamily.Suno))));

        Assert.Equal(KieErrorKind.InvalidInput, error.Kind);
        Assert.Empty(h.Server.Requests);
    }

    [Fact]
    public async Task Callbacks_posted_by_the_server_parse_into_the_same_task()
    {
        await using var sink = await CallbackSink.StartAsync();
        await using var h = await ClientHarness.StartAsync();
        h.Server.WebhookHmacKey = "hmac-secret";
        h.Server.DuplicateCallbacks = true;
        var task = await h.Kie.CreateTaskAsync(new Kling2_6TextToVideoInput { Prompt = "A fox", Sound = false }, sink.Url);

        await h.Server.CompleteAsync(task.TaskId);

        Assert.Equal(2, sink.Received.Count);
        var parser = new KieCallbackParser("hmac-secret", TimeSpan.FromMinutes(5), TimeProvider.System);
        foreach (var callback in sink.Received)
        {
            var parsed = parser.Parse(ApiFamily.Jobs, callback.Body, callback.Timestamp, callback.Signature);
            Assert.Equal(task.TaskId, parsed.TaskId);
            Assert.Equal(KieTaskState.Success, parsed.State);
            Assert.Equal(h.Server.Tasks[task.TaskId].ResultUrls, parsed.ResultUrls);
            Assert.NotNull(parsed.CreditsRemaining);
        }
    }

    [Fact]
    public void Options_without_a_key_fail_at_start_with_a_clear_message()
    {
        var services = new ServiceCollection();
        services.AddKieClient(o => o.AttemptTimeout = TimeSpan.FromMinutes(5));
        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(
            () => provider.GetRequiredService<IKieGateway>());

        Assert.Contains(error.Failures, f => f.Contains("Kie:ApiKey is required", StringComparison.Ordinal));
        Assert.Contains(error.Failures, f => f.Contains("AttemptTimeout must not exceed", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Options_bind_from_configuration()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Kie:ApiKey"] = "k", ["Kie:BaseUrl"] = "http://127.0.0.1:1/", ["Kie:MaxRetries"] = "0" })
            .Build();
        var services = new ServiceCollection();
        services.AddKieClient(configuration.GetSection(KieClientOptions.Section));
        await using var provider = services.BuildServiceProvider();

        var options = provider.GetRequiredService<IOptions<KieClientOptions>>().Value;

        Assert.Equal(new Uri("http://127.0.0.1:1/"), options.BaseUrl);
        Assert.Equal(0, options.MaxRetries);
        Assert.Equal("k", options.ApiKey);
    }
}
