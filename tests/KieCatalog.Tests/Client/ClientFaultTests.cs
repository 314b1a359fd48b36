using KieBot.TestSupport.Kie;
using KieCatalog.Client;
using KieCatalog.Errors;
using Microsoft.Extensions.Time.Testing;

namespace KieCatalog.Tests.Client;

/// <summary>Each fault class maps to its <see cref="KieErrorKind"/> and retry behaviour, proven by the requests the server saw.</summary>
public sealed class ClientFaultTests
{
    private const string Create = "/api/v1/jobs/createTask";
    private const string Record = "/api/v1/jobs/recordInfo";
    private const string Credit = "/api/v1/chat/credit";

    private static Kling2_6TextToVideoInput Input => new() { Prompt = "A fox in the snow", Sound = false };

    [Fact]
    public async Task A_create_that_timed_out_after_sending_is_not_retried()
    {
        await using var h = await ClientHarness.StartAsync(o => o.AttemptTimeout = TimeSpan.FromSeconds(3));
        h.Server.Inject(Create, FakeKieFault.Slow(TimeSpan.FromSeconds(30)));

        var error = await Assert.ThrowsAsync<KieException>(() => h.Kie.CreateTaskAsync(Input));

        Assert.Equal(KieErrorKind.Timeout, error.Kind);
        Assert.True(error.Error.ShouldRefund);
        Assert.Equal(1, h.Server.CountOf(Create));
        Assert.Single(h.Server.Tasks);
    }

    [Fact]
    public async Task A_read_that_timed_out_is_retried()
    {
        await using var h = await ClientHarness.StartAsync(o => o.AttemptTimeout = TimeSpan.FromSeconds(3));
        var task = await h.Kie.CreateTaskAsync(Input);
        h.Server.Inject(Record, FakeKieFault.Slow(TimeSpan.FromSeconds(30)));

        var read = await h.Kie.GetTaskAsync(task);

        Assert.Equal(task.TaskId, read.TaskId);
        Assert.Equal(2, h.Server.CountOf(Record));
    }

    [Fact]
    public async Task A_429_on_a_read_is_retried_after_retry_after()
    {
        await using var h = await ClientHarness.StartAsync();
        var task = await h.Kie.CreateTaskAsync(Input);
        h.Server.Inject(Record, FakeKieFault.Http(429, "Rate limited", TimeSpan.FromSeconds(1)));

        var started = DateTimeOffset.UtcNow;
        await h.Kie.GetTaskAsync(task);

        Assert.Equal(2, h.Server.CountOf(Record));
        Assert.True(DateTimeOffset.UtcNow - started >= TimeSpan.FromSeconds(0.9), "the retry waited for Retry-After");
        Assert.Contains(h.Logs.Events, e => e.Message.Contains("retrying in 00:00:01", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(429)]
    [InlineData(455)]
    [InlineData(503)]
    public async Task A_create_refused_before_acceptance_is_retried(int code)
    {
        await using var h = await ClientHarness.StartAsync();
        h.Server.Inject(Create, FakeKieFault.Http(code));

        await h.Kie.CreateTaskAsync(Input);

        Assert.Equal(2, h.Server.CountOf(Create));
        Assert.Single(h.Server.Tasks);
    }

    [Theory]
    [InlineData(500, KieErrorKind.Server)]
    [InlineData(502, KieErrorKind.Server)]
    [InlineData(504, KieErrorKind.Timeout)]
    public async Task A_create_that_may_have_been_accepted_is_not_retried(int code, KieErrorKind kind)
    {
        await using var h = await ClientHarness.StartAsync();
        h.Server.Inject(Create, FakeKieFault.Http(code));

        var error = await Assert.ThrowsAsync<KieException>(() => h.Kie.CreateTaskAsync(Input));

        Assert.Equal(kind, error.Kind);
        Assert.Equal(1, h.Server.CountOf(Create));
    }

    [Theory]
    [InlineData(500)]
    [InlineData(502)]
    [InlineData(503)]
    [InlineData(455)]
    public async Task Reads_are_retried_on_server_errors(int code)
    {
        await using var h = await ClientHarness.StartAsync();
        h.Server.Inject(Credit, FakeKieFault.Http(code), times: 2);

        await h.Kie.GetCreditsAsync();

        Assert.Equal(3, h.Server.CountOf(Credit));
    }

    [Fact]
    public async Task A_dropped_connection_fails_a_create_once_and_is_retried_on_a_read()
    {
        await using var h = await ClientHarness.StartAsync();
        h.Server.Inject(Create, FakeKieFault.Drop());

        var error = await Assert.ThrowsAsync<KieException>(() => h.Kie.CreateTaskAsync(Input));
        Assert.Equal(KieErrorKind.Network, error.Kind);
        Assert.Equal(1, h.Server.CountOf(Create));

        h.Server.Inject(Credit, FakeKieFault.Drop());
        await h.Kie.GetCreditsAsync();
        Assert.Equal(2, h.Server.CountOf(Credit));
    }

    [Fact]
    public async Task A_refused_connection_is_retried_even_for_a_create()
    {
        var port = KieBot.TestSupport.Hosting.LoopbackHost.FreePort();
        await using var h = await ClientHarness.StartAsync(o =>
        {
            o.BaseUrl = new Uri($"http://127.0.0.1:{port}/");
            o.MaxRetries = 2;
        });

        var error = await Assert.ThrowsAsync<KieException>(() => h.Kie.CreateTaskAsync(Input));

        Assert.Equal(KieErrorKind.Network, error.Kind);
        Assert.True(error.Error.ShouldRefund);
        Assert.Equal(2, h.Logs.Events.Count(e => e.Message.Contains("retrying", StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData(401, KieErrorKind.Unauthorized)]
    [InlineData(402, KieErrorKind.OutOfCredits)]
    [InlineData(433, KieErrorKind.OutOfCredits)]
    [InlineData(422, KieErrorKind.InvalidInput)]
    [InlineData(505, KieErrorKind.Maintenance)]
    [InlineData(501, KieErrorKind.ProviderFailed)]
    public async Task Error_codes_inside_http_200_are_treated_as_that_status_and_not_retried(int code, KieErrorKind kind)
    {
        await using var h = await ClientHarness.StartAsync();
        h.Server.Inject(Create, FakeKieFault.CodeIn200(code));

        var error = await Assert.ThrowsAsync<KieException>(() => h.Kie.CreateTaskAsync(Input));

        Assert.Equal(kind, error.Kind);
        Assert.Equal(code, error.Error.Code);
        Assert.False(error.Error.IsRetryable);
        Assert.True(error.Error.ShouldRefund);
        Assert.Equal(1, h.Server.CountOf(Create));
    }

    [Fact]
    public async Task A_429_inside_http_200_is_retried_like_a_real_429()
    {
        await using var h = await ClientHarness.StartAsync();
        h.Server.Inject(Credit, FakeKieFault.CodeIn200(429));

        await h.Kie.GetCreditsAsync();

        Assert.Equal(2, h.Server.CountOf(Credit));
    }

    [Fact]
    public async Task A_wrong_key_is_unauthorized_and_a_cdn_page_is_understood()
    {
        await using var h = await ClientHarness.StartAsync(o => o.ApiKey = "wrong-key");
        var error = await Assert.ThrowsAsync<KieException>(() => h.Kie.GetCreditsAsync());
        Assert.Equal(KieErrorKind.Unauthorized, error.Kind);

        await using var g = await ClientHarness.StartAsync();
        g.Server.Inject(Credit, FakeKieFault.Html(403));
        var blocked = await Assert.ThrowsAsync<KieException>(() => g.Kie.GetCreditsAsync());
        Assert.Equal(KieErrorKind.Unauthorized, blocked.Kind);
        Assert.Contains("without a JSON body", blocked.Error.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Malformed_json_is_a_malformed_response()
    {
        await using var h = await ClientHarness.StartAsync();
        h.Server.Inject(Create, FakeKieFault.Malformed());

        var error = await Assert.ThrowsAsync<KieException>(() => h.Kie.CreateTaskAsync(Input));

        Assert.Equal(KieErrorKind.MalformedResponse, error.Kind);
        Assert.Equal(1, h.Server.CountOf(Create));
    }

    [Fact]
    public async Task An_unknown_task_is_not_found_and_refunds()
    {
        await using var h = await ClientHarness.StartAsync();

        var error = await Assert.ThrowsAsync<KieException>(() => h.Kie.GetTaskAsync(new KieTaskRef("task_unknown_1", ApiFamily.Jobs)));

        Assert.Equal(KieErrorKind.NotFound, error.Kind);
        Assert.True(error.Error.ShouldRefund);
        Assert.Equal(1, h.Server.CountOf(Record));
    }

    [Theory]
    [InlineData("500", "Internal server error", KieErrorKind.ProviderFailed)]
    [InlineData("501", "Generation failed", KieErrorKind.ProviderFailed)]
    [InlineData("400", "Unsupported width or height", KieErrorKind.ContentPolicy)]
    [InlineData("422", "Inappropriate content detected, please replace the image or video", KieErrorKind.ContentPolicy)]
    [InlineData("", "Your prompt was caught by our AI moderator", KieErrorKind.ContentPolicy)]
    public async Task A_failed_task_carries_its_fail_code_as_an_error(string failCode, string failMessage, KieErrorKind kind)
    {
        await using var h = await ClientHarness.StartAsync();
        h.Server.ReadsToFinish = 1;
        h.Server.FailNextTask(failCode, failMessage);
        var task = await h.Kie.CreateTaskAsync(Input);

        var result = await h.Kie.GetTaskAsync(task);

        Assert.Equal(KieTaskState.Fail, result.State);
        Assert.Equal(kind, result.Error!.Kind);
        Assert.True(result.Error.ShouldRefund);
        Assert.Equal(string.IsNullOrEmpty(failCode) ? null : failCode, result.FailCode);
        Assert.Empty(result.ResultUrls);
    }

    [Fact]
    public async Task The_circuit_opens_after_repeated_failures_and_closes_after_a_success()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var h = await ClientHarness.StartAsync(
            o =>
            {
                o.MaxRetries = 0;
                o.CircuitMinimumThroughput = 4;
                o.CircuitFailureRatio = 0.5;
                o.CircuitBreakDuration = TimeSpan.FromSeconds(30);
                o.AttemptTimeout = TimeSpan.FromHours(1);
                o.TotalTimeout = TimeSpan.FromHours(1);
            },
            time);
        h.Server.Inject(Credit, FakeKieFault.Http(500), times: 4);
        for (var i = 0; i < 4; i++)
        {
            await Assert.ThrowsAsync<KieException>(() => h.Kie.GetCreditsAsync());
        }

        var open = await Assert.ThrowsAsync<KieException>(() => h.Kie.GetCreditsAsync());
        Assert.Equal(KieErrorKind.Server, open.Kind);
        Assert.Contains("circuit is open", open.Error.Detail, StringComparison.Ordinal);
        Assert.Equal(4, h.Server.CountOf(Credit));

        time.Advance(TimeSpan.FromSeconds(31));
        Assert.Equal(1_000_000m, await h.Kie.GetCreditsAsync());
        Assert.Equal(1_000_000m, await h.Kie.GetCreditsAsync());
        Assert.Equal(6, h.Server.CountOf(Credit));
        Assert.Contains(h.Logs.Events, e => e.Message.Contains("circuit opened", StringComparison.Ordinal));
        Assert.Contains(h.Logs.Events, e => e.Message.Contains("circuit closed", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_api_key_appears_in_no_exception_and_no_log_event()
    {
        await using var h = await ClientHarness.StartAsync(o => o.AttemptTimeout = TimeSpan.FromSeconds(3));
        var errors = new List<Exception>();
        h.Server.Inject(Create, FakeKieFault.Http(429, "limit"));
        h.Server.Inject(Create, FakeKieFault.Slow(TimeSpan.FromSeconds(30)));
        h.Server.Inject(Credit, FakeKieFault.CodeIn200(401, "Unauthorized - check Authorization: Bearer " + FakeKieServer.DefaultApiKey));
        h.Server.Inject(Credit, FakeKieFault.Malformed());
        h.Server.Inject(Record, FakeKieFault.Drop(), times: 5);
        errors.Add(await Assert.ThrowsAsync<KieException>(() => h.Kie.CreateTaskAsync(Input)));
        errors.Add(await Assert.ThrowsAsync<KieException>(() => h.Kie.GetCreditsAsync()));
        errors.Add(await Assert.ThrowsAsync<KieException>(() => h.Kie.GetCreditsAsync()));
        errors.Add(await Assert.ThrowsAsync<KieException>(() => h.Kie.GetTaskAsync(new KieTaskRef("t", ApiFamily.Jobs))));

        var texts = errors.Select(e => e.ToString())
            .Concat(errors.Select(e => ((KieException)e).Error.UserMessage("ru")))
            .Concat(h.Logs.Events.Select(e => e.Message + e.Exception))
            .ToList();
        Assert.NotEmpty(h.Logs.Events);
        Assert.All(texts, t => Assert.DoesNotContain(FakeKieServer.DefaultApiKey, t, StringComparison.Ordinal));
    }

}
