using System.Net;
using System.Text;
using KieBot.Features.Admin;
using KieBot.Features.Browse;
using KieBot.Features.Form;
using KieBot.Features.History;
using KieBot.Features.Menu;
using KieBot.Tests.Storage;
using KieBot.TestSupport.Telegram;
using KieCatalog;
using KieCatalog.Catalog;
using KieBot.Conversation;

namespace KieBot.Tests.Bot;

/// <summary>Generations followed to their end: delivery by output kind, exact captures and refunds, callbacks (restarts and two hosts: <see cref="TrackingAcrossHostsTests"/>).</summary>
[Collection("postgres")]
public sealed class TrackingTests(PostgresFixture postgres)
{
    public static TheoryData<string, string> Outputs()
    {
        var outputs = new TheoryData<string, string>
        {
            { "sendPhoto", Models.ZImage.TextToImage.Key },
            { "sendVideo", Models.Kling2_6.TextToVideo.Key },
            { "sendAudio", Models.AllModes.First(m => m.IsVisible && m.Output == OutputKind.Audio).Key },
        };

        // Text results (transcripts) are delivered as messages whenever the catalog has a visible mode that makes them.
        if (Models.AllModes.FirstOrDefault(m => m.IsVisible && m.Output == OutputKind.Text && m.Api == ApiFamily.Jobs) is { } text)
        {
            outputs.Add("sendMessage", text.Key);
        }

        return outputs;
    }

    [Theory]
    [MemberData(nameof(Outputs))]
    public async Task A_success_is_delivered_by_its_output_kind_and_captured_once(string method, string key)
    {
        var mode = Models.AllModes.Single(m => m.Key == key);
        await using var h = await BotHarness.StartAsync(postgres.Server);
        h.Kie.ReadsToFinish = 1;
        var user = new Updates(7_001);

        var generation = await GenerateAsync(h, user, mode);
        var done = await WaitForDeliveryAsync(h, generation.Id);

        var task = h.Kie.Tasks[done.KieTaskId!];
        if (mode.Output == OutputKind.Text)
        {
            Assert.Contains(h.Api.CallsOf("sendMessage"), c => c.Text == "fake transcript" || c.Text?.Contains("fake transcript", StringComparison.Ordinal) == true);
        }
        else
        {
            var sent = Assert.Single(h.Api.CallsOf(method));
            Assert.Equal(task.ResultUrls[0], sent.Parameters[method["send".Length..].ToLowerInvariant()]!.GetValue<string>());
            Assert.NotEmpty(done.Delivered!);
        }

        Assert.Contains(h.Api.Calls, c => c.Buttons.Any(b => b.Data == HistoryButtons.RepeatPrefix + generation.Id));
        await AssertMoneyAsync(h, user, captured: generation.Price);
    }

    public static TheoryData<string> FamilyModes() =>
        new(Models.AllModes.Where(m => m.IsVisible && m.Api != ApiFamily.Jobs && !KieBot.Generations.FollowUps.OnlyContinues(m)).Select(m => m.Key));

    [Theory]
    [MemberData(nameof(FamilyModes))]
    public async Task A_family_api_generation_goes_to_its_own_endpoint_and_is_delivered_and_captured_once(string key)
    {
        var mode = Models.AllModes.Single(m => m.Key == key);
        await using var h = await BotHarness.StartAsync(postgres.Server);
        h.Kie.ReadsToFinish = 1;
        var user = new Updates(7_101);

        var generation = await GenerateAsync(h, user, mode);
        var done = await WaitForDeliveryAsync(h, generation.Id);

        Assert.Equal(mode.Api.ToString(), done.Api);
        Assert.DoesNotContain(h.Kie.Requests, r => r.Path == "/api/v1/jobs/createTask");
        if (mode.Output == OutputKind.Text)
        {
            // A text (Suno's lyrics) goes as messages, which leave no file to re-send.
            Assert.Contains(h.Api.CallsOf("sendMessage"), c => c.Text?.Contains(done.ResultText!.Split('\n')[0], StringComparison.Ordinal) == true);
        }
        else
        {
            Assert.NotEmpty(done.Delivered!);
        }

        await AssertMoneyAsync(h, user, captured: generation.Price);
    }

    [Fact]
    public async Task Several_images_arrive_as_one_media_group()
    {
        await using var h = await BotHarness.StartAsync(postgres.Server);
        h.Kie.ReadsToFinish = 1;
        h.Kie.ResultsPerTask = 3;
        var user = new Updates(7_008);

        var generation = await GenerateAsync(h, user, Models.ZImage.TextToImage);
        var done = await WaitForDeliveryAsync(h, generation.Id);

        var group = Assert.Single(h.Api.CallsOf("sendMediaGroup"));
        var media = Assert.IsType<System.Text.Json.Nodes.JsonArray>(group.Parameters["media"]);
        Assert.Equal(h.Kie.Tasks[done.KieTaskId!].ResultUrls, media.Select(m => m!["media"]!.GetValue<string>()));
        Assert.Empty(h.Api.CallsOf("sendPhoto"));
        Assert.Equal(3, done.Delivered!.Count);
        await AssertMoneyAsync(h, user, captured: generation.Price);
    }

    [Fact]
    public async Task A_failed_task_is_refunded_once_with_the_reason()
    {
        await using var h = await BotHarness.StartAsync(postgres.Server);
        h.Kie.ReadsToFinish = 1;
        h.Kie.FailNextTask("400", "Your prompt was flagged by Website as violating content policies");
        var user = new Updates(7_002);

        var generation = await GenerateAsync(h, user, Models.ZImage.TextToImage);
        await WaitForAsync(h, generation.Id, GenerationState.Refunded);

        // The user is told after the refund and the error event: wait for the message.
        await h.Api.WaitForAsync(c => c.Text?.Contains("moderation", StringComparison.Ordinal) == true && c.Text.Contains("are back on your balance", StringComparison.Ordinal));
        Assert.Contains(await h.Store.Errors.RecentAsync(DateTimeOffset.MinValue, 10), e => e.Kind == "ContentPolicy" && e.Code == "400");
        Assert.Empty(h.Api.CallsOf("sendPhoto"));
        await AssertMoneyAsync(h, user, captured: Credits.Zero);
        var releases = (await h.Store.Ledger.HistoryAsync(user.UserId, 20)).Count(e => e.Kind == LedgerKind.Release);
        Assert.Equal(1, releases);
    }

    [Fact]
    public async Task A_user_over_the_concurrency_limit_is_told_to_wait_and_nothing_is_reserved()
    {
        await using var h = await BotHarness.StartAsync(postgres.Server, new Dictionary<string, string> { ["MAX_CONCURRENT_GENERATIONS"] = "1" });
        h.Kie.ReadsToFinish = 3;
        var user = new Updates(7_007);
        var first = await GenerateAsync(h, user, Models.ZImage.TextToImage);

        await FormDriver.OpenAsync(h, user, Models.ZImage.TextToImage);
        await FormDriver.AnswerAllAsync(h, user, Models.ZImage.TextToImage);
        await h.ConfirmAsync(user);

        var alert = h.Api.CallsOf("answerCallbackQuery").Last();
        Assert.StartsWith("⚠️ You already have 1 generations running", alert.Parameters["text"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Single(await h.Store.Generations.ListByUserAsync(user.UserId, 10));
        Assert.Equal(first.Price, (await h.Store.Ledger.GetBalanceAsync(user.UserId)).Reserved);
    }

    [Fact]
    public async Task A_refused_create_releases_at_once()
    {
        await using var h = await BotHarness.StartAsync(postgres.Server);
        h.Kie.Inject("/api/v1/jobs/createTask", TestSupport.Kie.FakeKieFault.CodeIn200(402, "Insufficient credits"));
        var user = new Updates(7_003);

        await FormDriver.OpenAsync(h, user, Models.ZImage.TextToImage);
        await FormDriver.AnswerAllAsync(h, user, Models.ZImage.TextToImage);
        await h.ConfirmAsync(user);

        var generation = await WaitForAsync(h, Assert.Single(await h.Store.Generations.ListByUserAsync(user.UserId, 10)).Id, GenerationState.Refunded);
        Assert.Contains(h.Api.Calls, c => c.Text?.Contains("run out of its limit", StringComparison.Ordinal) == true);
        await AssertMoneyAsync(h, user, captured: Credits.Zero);
    }

    [Fact]
    public async Task Duplicated_and_out_of_order_callbacks_change_the_state_once()
    {
        await using var h = await BotHarness.StartAsync(postgres.Server);
        h.Kie.ReadsToFinish = 3;
        h.Kie.DuplicateCallbacks = true;
        var user = new Updates(7_004);
        var generation = await GenerateAsync(h, user, Models.ZImage.TextToImage);
        var taskId = (await h.Store.Generations.GetAsync(generation.Id))!.KieTaskId!;
        Assert.Contains("/kie/callback/", h.Kie.Tasks[taskId].CallbackUrl, StringComparison.Ordinal);

        await h.Kie.CompleteAsync(taskId);
        var stale = $$$"""{"code":501,"msg":"Playground task failed.","data":{"taskId":"{{{taskId}}}","state":"fail","failCode":"500","failMsg":"late","consumeCredits":0}}""";
        Assert.Equal(HttpStatusCode.OK, await PostCallbackAsync(h, h.Kie.Tasks[taskId].CallbackUrl!, stale));
        await WaitForDeliveryAsync(h, generation.Id);
        await Task.Delay(1500);

        Assert.Single(h.Api.CallsOf("sendPhoto"));
        Assert.Equal(GenerationState.Succeeded, (await h.Store.Generations.GetAsync(generation.Id))!.State);
        await AssertMoneyAsync(h, user, captured: generation.Price);
    }

    [Fact]
    public async Task A_callback_with_a_bad_token_or_an_unknown_task_changes_nothing()
    {
        await using var h = await BotHarness.StartAsync(postgres.Server);
        var user = new Updates(7_005);
        var generation = await GenerateAsync(h, user, Models.ZImage.TextToImage);
        var taskId = (await h.Store.Generations.GetAsync(generation.Id))!.KieTaskId!;
        var url = h.Kie.Tasks[taskId].CallbackUrl!;
        var body = $$$"""{"code":200,"msg":"ok","data":{"taskId":"{{{taskId}}}","state":"success","resultJson":"{\"resultUrls\":[\"https://evil.example/x.png\"]}"}}""";

        Assert.Equal(HttpStatusCode.Unauthorized, await PostCallbackAsync(h, url[..^4] + "xxxx", body));
        Assert.Equal(HttpStatusCode.NotFound, await PostCallbackAsync(h, url, body.Replace(taskId, "task_unknown_1", StringComparison.Ordinal)));
        Assert.Equal(HttpStatusCode.BadRequest, await PostCallbackAsync(h, url, "<html>"));

        var state = (await h.Store.Generations.GetAsync(generation.Id))!.State;
        Assert.True(state.IsInFlight());
        Assert.DoesNotContain(h.Api.Calls, c => c.Parameters.ToJsonString().Contains("evil.example", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_undeliverable_url_falls_back_to_upload_and_then_to_a_link()
    {
        await using var h = await BotHarness.StartAsync(postgres.Server);
        h.Kie.ReadsToFinish = 1;
        h.Api.Fail("sendPhoto", 1);
        var user = new Updates(7_006);
        var first = await GenerateAsync(h, user, Models.ZImage.TextToImage);
        var done = await WaitForDeliveryAsync(h, first.Id);

        var photos = h.Api.CallsOf("sendPhoto");
        Assert.Equal(2, photos.Count);
        Assert.StartsWith("attach://", photos[1].Parameters["photo"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.NotEmpty(done.Delivered!);

        h.Api.Fail("sendPhoto", 2);
        var second = await GenerateAsync(h, user, Models.ZImage.TextToImage);
        var linked = await WaitForDeliveryAsync(h, second.Id);
        Assert.Contains(h.Api.CallsOf("sendMessage"), c => c.Text?.Contains(h.Kie.Tasks[linked.KieTaskId!].ResultUrls[0], StringComparison.Ordinal) == true);
        await AssertMoneyAsync(h, user, captured: first.Price + second.Price);
    }

    internal static async Task<Generation> GenerateAsync(BotHarness h, Updates user, ModeDescriptor mode)
    {
        await FormDriver.OpenAsync(h, user, mode);
        await FormDriver.AnswerAllAsync(h, user, mode);
        await h.ConfirmAsync(user);
        return await WaitForCreateAsync(h, (await h.Store.Generations.ListByUserAsync(user.UserId, 1))[0].Id);
    }

    /// <summary>Waits until the KIE create that runs after the press was answered has ended (the task id is stored, or the row was settled).</summary>
    internal static async Task<Generation> WaitForCreateAsync(BotHarness h, string id)
    {
        Generation? current = null;
        await WaitUntilAsync(async () => (current = await h.Store.Generations.GetAsync(id))!.KieTaskId is not null || current.State != GenerationState.Created, TimeSpan.FromSeconds(30), () => $"generation {id} was never sent to KIE");
        return current!;
    }

    internal static async Task<Generation> WaitForAsync(BotHarness h, string id, GenerationState state)
    {
        Generation? current = null;
        await WaitUntilAsync(async () => (current = await h.Store.Generations.GetAsync(id))!.State == state, TimeSpan.FromSeconds(30), () => $"generation {id} is {current?.State}, expected {state}");
        return current!;
    }

    /// <summary>Waits until the generation succeeded and its delivery was recorded (capture and delivery follow the state move).</summary>
    internal static async Task<Generation> WaitForDeliveryAsync(BotHarness h, string id)
    {
        await WaitForAsync(h, id, GenerationState.Succeeded);
        Generation? current = null;
        await WaitUntilAsync(async () => (current = await h.Store.Generations.GetAsync(id))!.Delivered is not null, TimeSpan.FromSeconds(30), () => $"generation {id} not delivered");
        if (current!.ReservationKey is not null)
        {
            await WaitUntilAsync(async () => await h.Store.Ledger.FindAsync(current!.ReservationKey + ":capture") is not null, TimeSpan.FromSeconds(30), () => $"generation {id} not captured");
        }

        return current!;
    }

    internal static async Task WaitUntilAsync(Func<Task<bool>> condition, TimeSpan timeout, Func<string>? what = null)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "timed out waiting: " + what?.Invoke());
            await Task.Delay(200);
        }
    }

    private static async Task AssertMoneyAsync(BotHarness h, Updates user, Credits captured)
    {
        var balance = await h.Store.Ledger.GetBalanceAsync(user.UserId);
        Assert.Equal(new Balance(user.UserId, Credits.Whole(500) - captured, Credits.Zero), balance);
        Assert.True((await h.Store.Ledger.CheckAsync()).IsConsistent);
    }

    internal static async Task<HttpStatusCode> PostCallbackAsync(BotHarness h, string url, string body)
    {
        using var http = new HttpClient();
        using var response = await http.PostAsync(url, new StringContent(body, Encoding.UTF8, "application/json"));
        return response.StatusCode;
    }
}
