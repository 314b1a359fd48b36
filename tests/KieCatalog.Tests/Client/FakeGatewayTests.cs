using KieCatalog.Client;
using KieCatalog.Errors;
using KieCatalog.Fake;
using Microsoft.Extensions.Time.Testing;

namespace KieCatalog.Tests.Client;

/// <summary>The in-process fake: its state machine under a fake clock, its scripted failures and its account.</summary>
public sealed class FakeGatewayTests
{
    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 11, 24, 12, 0, 0, TimeSpan.Zero));

    private static Kling2_6TextToVideoInput Video => new() { Prompt = "A fox", Sound = false };

    [Fact]
    public async Task A_task_moves_through_every_state_with_the_clock()
    {
        var kie = new FakeKieGateway(time);
        var task = await kie.CreateTaskAsync(Video);

        var seen = new List<KieTaskState>();
        foreach (var step in new[] { 0.0, 1.0, 1.0, 3.0 })
        {
            time.Advance(TimeSpan.FromSeconds(step));
            seen.Add((await kie.GetTaskAsync(task)).State);
        }

        Assert.Equal([KieTaskState.Waiting, KieTaskState.Queuing, KieTaskState.Generating, KieTaskState.Success], seen);
        var done = await kie.GetTaskAsync(task);
        Assert.Equal(["https://fake.kie.invalid/results/fake_jobs_000001/0.mp4"], done.ResultUrls);
        Assert.Equal(time.GetUtcNow(), done.CompletedAt);
    }

    [Fact]
    public async Task Ids_and_results_are_deterministic_per_output_kind()
    {
        var kie = new FakeKieGateway(time);
        var image = await kie.CreateTaskAsync(SampleInput("google/nano-banana"));
        var audio = await kie.CreateTaskAsync(SampleInput("elevenlabs/text-to-speech-multilingual-v2"));
        var text = await kie.CreateTaskAsync(SampleInput("elevenlabs/speech-to-text"));
        time.Advance(TimeSpan.FromMinutes(1));

        Assert.Equal(["fake_jobs_000001", "fake_jobs_000002", "fake_jobs_000003"], kie.Created.Select(t => t.TaskId));
        Assert.EndsWith("/0.png", Assert.Single((await kie.GetTaskAsync(image)).ResultUrls), StringComparison.Ordinal);
        Assert.EndsWith("/0.mp3", Assert.Single((await kie.GetTaskAsync(audio)).ResultUrls), StringComparison.Ordinal);
        var transcript = await kie.GetTaskAsync(text);
        Assert.Empty(transcript.ResultUrls);
        Assert.Contains("fake_jobs_000003", transcript.ResultText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Credits_drop_by_the_exact_price_once_per_successful_task()
    {
        var kie = new FakeKieGateway(time, new FakeKieOptions { InitialCredits = 1000m });
        var task = await kie.CreateTaskAsync(Video);
        kie.FailNextTask("500", "Internal server error");
        await kie.CreateTaskAsync(Video);

        Assert.Equal(1000m, await kie.GetCreditsAsync());
        time.Advance(TimeSpan.FromSeconds(10));
        await kie.GetTaskAsync(task);
        await kie.GetTaskAsync(task);

        Assert.Equal(1000m - Video.Price(), await kie.GetCreditsAsync());
    }

    [Fact]
    public async Task Scripted_failures_come_out_as_kie_errors()
    {
        var kie = new FakeKieGateway(time);
        kie.FailNextCreate(429, retryAfter: TimeSpan.FromSeconds(10));
        var limited = await Assert.ThrowsAsync<KieException>(() => kie.CreateTaskAsync(Video));
        Assert.Equal(KieErrorKind.RateLimited, limited.Kind);
        Assert.Equal(TimeSpan.FromSeconds(10), limited.Error.RetryAfter);

        kie.FailNextTask("400", "Your prompt was flagged by Website as violating content policies");
        var task = await kie.CreateTaskAsync(Video);
        kie.FailNextRead(500);
        Assert.Equal(KieErrorKind.Server, (await Assert.ThrowsAsync<KieException>(() => kie.GetTaskAsync(task))).Kind);

        time.Advance(TimeSpan.FromSeconds(10));
        var failed = await kie.GetTaskAsync(task);
        Assert.Equal(KieTaskState.Fail, failed.State);
        Assert.Equal(KieErrorKind.ContentPolicy, failed.Error!.Kind);
        Assert.Equal(0m, failed.CreditsConsumed);
        Assert.Equal(KieErrorKind.NotFound, (await Assert.ThrowsAsync<KieException>(() => kie.GetTaskAsync(new KieTaskRef("nope", ApiFamily.Jobs)))).Kind);
    }

    [Fact]
    public async Task Invalid_input_is_refused_like_the_real_client()
    {
        var kie = new FakeKieGateway(time);

        var error = await Assert.ThrowsAsync<KieException>(() => kie.CreateTaskAsync(Video with { Prompt = string.Empty }));

        Assert.Equal(KieErrorKind.InvalidInput, error.Kind);
        Assert.Empty(kie.Created);
    }

    [Fact]
    public async Task Waiting_on_the_fake_follows_the_clock()
    {
        var kie = new FakeKieGateway(time);
        var task = await kie.CreateTaskAsync(Video);

        var waiting = kie.WaitForResultAsync(task, timeProvider: time);
        for (var i = 0; i < 5 && !waiting.IsCompleted; i++)
        {
            time.Advance(TimeSpan.FromSeconds(2));
            await Task.Yield();
        }

        var result = await waiting.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(KieTaskState.Success, result.State);
    }

    [Fact]
    public async Task Uploads_return_urls_that_expire_in_a_day()
    {
        var kie = new FakeKieGateway(time);

        var file = await kie.UploadBase64Async(Convert.ToBase64String([1, 2, 3]), "a.png");

        Assert.Equal("https://fake.kie.invalid/uploads/000001/a.png", file.Url);
        Assert.Equal(3, file.Size);
        Assert.Equal(time.GetUtcNow().AddHours(24), file.ExpiresAt);
    }

    private static IModeInput SampleInput(string kieModel) => KieBot.TestSupport.Kie.SampleInputs.For(Models.FindByKieModel(kieModel)!);
}
