using System.Net;
using System.Text.Json.Nodes;
using KieBot.Conversation;
using KieBot.Features.Form;
using KieBot.Storage;
using KieBot.Tests.Storage;
using KieBot.TestSupport.Hosting;
using KieBot.TestSupport.Telegram;
using KieCatalog;

namespace KieBot.Tests.Bot;

/// <summary>
/// Follow-ups through the real Telegram.Bot client against the fake Bot API and fake KIE: the buttons under a delivered
/// result with their prices, the summary, reserve → create at the follow-up's endpoint with the parent's task → deliver →
/// capture, the chain in history, and a follow-up KIE would refuse turned down before anything is charged.
/// </summary>
[Collection("postgres")]
public sealed class FollowUpTests(PostgresFixture postgres)
{
    [Fact]
    public async Task A_veo_video_is_extended_then_upgraded_to_4k_each_step_captured_and_the_chain_in_history()
    {
        await using var h = await BotHarness.StartAsync(postgres.Server);
        h.Kie.ReadsToFinish = 1;
        var user = new Updates(7_301);

        var video = await TrackingTests.WaitForDeliveryAsync(h, (await TrackingTests.GenerateAsync(h, user, Models.Veo3_1.Fast)).Id);
        var extendButton = ResultButton(h, user, Models.Veo3_1.FastExtend.Key);
        Assert.Contains(" cr", extendButton.Text, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, await h.PostAsync(user.Press(extendButton.Data, extendButton.MessageId)));

        // The extension asks for its prompt; the task it extends is the parent's, never asked.
        Assert.Equal("prompt", (await FormDriver.StateAsync(h, user)).Asking);
        await h.SendAsync(user.Text("The fox jumps over a frozen stream"));
        Assert.Contains("Continues: Veo 3.1 · Fast", h.ScreenOf(user).Text, StringComparison.Ordinal);
        await h.ConfirmAsync(user);
        var extension = await TrackingTests.WaitForDeliveryAsync(h, (await LatestAsync(h, user)).Id);

        Assert.Equal(video.Id, extension.ParentId);
        var extend = Assert.Single(h.Kie.Requests, r => r.Path == "/api/v1/veo/extend");
        var body = JsonNode.Parse(extend.Body)!;
        Assert.Equal(video.KieTaskId, body["taskId"]!.GetValue<string>());
        Assert.Equal("fast", body["model"]!.GetValue<string>());
        Assert.Equal("The fox jumps over a frozen stream", body["prompt"]!.GetValue<string>());

        var fourK = ResultButton(h, user, Models.Veo3_1.Get4kVideo.Key);
        Assert.Equal(HttpStatusCode.OK, await h.PostAsync(user.Press(fourK.Data, fourK.MessageId)));
        await h.ConfirmAsync(user);
        var upgraded = await TrackingTests.WaitForDeliveryAsync(h, (await LatestAsync(h, user)).Id);

        Assert.Equal(extension.Id, upgraded.ParentId);
        var get4k = JsonNode.Parse(Assert.Single(h.Kie.Requests, r => r.Path == "/api/v1/veo/get-4k-video").Body)!;
        Assert.Equal(extension.KieTaskId, get4k["taskId"]!.GetValue<string>());
        Assert.Equal(0, get4k["index"]!.GetValue<int>());

        // Each step was reserved and captured at its own price: the balance lost exactly the three.
        var balance = await h.Store.Ledger.GetBalanceAsync(user.UserId);
        Assert.Equal(Credits.Whole(500) - video.Price - extension.Price - upgraded.Price, balance.Available);
        Assert.Equal(Credits.Zero, balance.Reserved);
        Assert.True((await h.Store.Ledger.CheckAsync()).IsConsistent);

        await h.SendAsync(user.Text("/history"));
        await h.PressAsync(user, b => b.Data == "gen:" + upgraded.Id);
        Assert.Contains("Chain: Fast → Extend · Fast → 4K", h.ScreenOf(user).Text, StringComparison.Ordinal);

        // Repeating the 4K step from its card continues the same parent.
        await h.PressAsync(user, b => b.Data == "rp:" + upgraded.Id);
        Assert.Equal(extension.Id, (await FormDriver.StateAsync(h, user)).Form!.Parent);
    }

    [Fact]
    public async Task A_veo_video_upgraded_to_1080p_is_read_until_ready_and_can_then_no_longer_be_extended()
    {
        await using var h = await BotHarness.StartAsync(postgres.Server);
        h.Kie.ReadsToFinish = 2;
        var user = new Updates(7_306);

        var video = await TrackingTests.WaitForDeliveryAsync(h, (await TrackingTests.GenerateAsync(h, user, Models.Veo3_1.Fast)).Id);
        var upgrade = ResultButton(h, user, Models.Veo3_1.Get1080pVideo.Key);
        Assert.StartsWith("↪️ 1080p · ", upgrade.Text, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, await h.PostAsync(user.Press(upgrade.Data, upgrade.MessageId)));
        await h.ConfirmAsync(user);
        var hd = await TrackingTests.WaitForDeliveryAsync(h, (await LatestAsync(h, user)).Id);

        // Nothing is created at KIE: the file is asked for with the video's task and index until it is made.
        var reads = h.Kie.Requests.Where(r => r.Path == "/api/v1/veo/get-1080p-video").ToList();
        Assert.True(reads.Count >= 2, $"{reads.Count} reads");
        Assert.All(reads, r => Assert.Equal($"?taskId={video.KieTaskId}&index=0", r.Query));
        Assert.Equal(video.Id, hd.ParentId);
        Assert.EndsWith("1080p-0.mp4", Assert.Single(hd.ResultUrls), StringComparison.Ordinal);

        // KIE cannot extend a video upgraded to 1080p: the extend button under the video says so, and charges nothing.
        var extend = ResultButton(h, user, Models.Veo3_1.FastExtend.Key);
        Assert.Equal(HttpStatusCode.OK, await h.PostAsync(user.Press(extend.Data, extend.MessageId)));
        Assert.Equal("KIE does not take Extend · Fast on a result that already has 1080p. Nothing was charged.", LastAlert(h));
        Assert.DoesNotContain(h.Kie.Requests, r => r.Path == "/api/v1/veo/extend");
        Assert.Equal(Credits.Whole(500) - video.Price - hd.Price, (await h.Store.Ledger.GetBalanceAsync(user.UserId)).Available);

        // The video's history card no longer offers an extend; its 4K still is.
        await h.SendAsync(user.Text("/history"));
        await h.PressAsync(user, b => b.Data == "gen:" + video.Id);
        Assert.DoesNotContain(h.ScreenOf(user).Buttons, b => b.Data.StartsWith(FollowUpTexts.Prefix + Models.Veo3_1.FastExtend.Key + ":", StringComparison.Ordinal));
        Assert.Contains(h.ScreenOf(user).Buttons, b => b.Data.StartsWith(FollowUpTexts.Prefix + Models.Veo3_1.Get4kVideo.Key + ":", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_midjourney_grid_offers_each_image_and_upscales_image_3()
    {
        await using var h = await BotHarness.StartAsync(postgres.Server);
        h.Kie.ReadsToFinish = 1;
        h.Kie.ResultsPerTask = 4;
        var user = new Updates(7_302);

        var grid = await TrackingTests.WaitForDeliveryAsync(h, (await TrackingTests.GenerateAsync(h, user, Models.Midjourney.TextToImage)).Id);
        var offers = h.Api.Calls.Last(c => c.ChatId == user.UserId && c.Buttons.Any(b => b.Data.StartsWith(FollowUpTexts.Prefix, StringComparison.Ordinal))).Buttons
            .Where(b => b.Data.StartsWith(FollowUpTexts.Prefix + Models.Midjourney.Upscale.Key + ":", StringComparison.Ordinal)).ToList();
        Assert.Equal(["Upscale 1", "Upscale 2", "Upscale 3", "Upscale 4"], offers.Select(b => b.Text.Split(" · ")[0].Replace("↪️ ", "", StringComparison.Ordinal)));

        var third = ResultButton(h, user, Models.Midjourney.Upscale.Key, output: 2);
        Assert.Equal(HttpStatusCode.OK, await h.PostAsync(user.Press(third.Data, third.MessageId)));
        Assert.Contains("image 3", h.ScreenOf(user).Text, StringComparison.Ordinal);
        await h.ConfirmAsync(user);
        var upscaled = await TrackingTests.WaitForDeliveryAsync(h, (await LatestAsync(h, user)).Id);

        var request = JsonNode.Parse(Assert.Single(h.Kie.Requests, r => r.Path == "/api/v1/mj/generateUpscale").Body)!;
        Assert.Equal(grid.KieTaskId, request["taskId"]!.GetValue<string>());
        Assert.Equal(2, request["imageIndex"]!.GetValue<int>());
        Assert.Null(request["taskType"]);
        Assert.Equal(grid.Id, upscaled.ParentId);
        Assert.Equal(Credits.Whole(500) - grid.Price - upscaled.Price, (await h.Store.Ledger.GetBalanceAsync(user.UserId)).Available);
    }

    [Fact]
    public async Task A_follow_up_on_a_result_older_than_kie_keeps_is_refused_before_anything_is_charged()
    {
        var clock = new ShiftedClock(DateTimeOffset.UtcNow);
        await using var h = await BotHarness.StartAsync(postgres.Server, time: clock);
        h.Kie.ReadsToFinish = 1;
        var user = new Updates(7_303);

        var video = await TrackingTests.WaitForDeliveryAsync(h, (await TrackingTests.GenerateAsync(h, user, Models.Veo3_1.Lite)).Id);
        var extend = ResultButton(h, user, Models.Veo3_1.LiteExtend.Key);

        // The summary is opened in time; KIE's 14 days pass before Generate is pressed.
        Assert.Equal(HttpStatusCode.OK, await h.PostAsync(user.Press(extend.Data, extend.MessageId)));
        await h.SendAsync(user.Text("Slow motion"));
        clock.Advance(TimeSpan.FromDays(15));
        await h.ConfirmAsync(user);
        Assert.Contains("for 14 days; this one is older. Nothing was charged.", LastAlert(h), StringComparison.Ordinal);

        // The button under the old result says the same at once.
        Assert.Equal(HttpStatusCode.OK, await h.PostAsync(user.Press(extend.Data, extend.MessageId)));
        Assert.Contains("Nothing was charged.", LastAlert(h), StringComparison.Ordinal);

        Assert.Equal([video.Id], (await h.Store.Generations.ListByUserAsync(user.UserId, 10)).Select(g => g.Id));
        Assert.DoesNotContain(h.Kie.Requests, r => r.Path == "/api/v1/veo/extend");
        Assert.Equal(Credits.Whole(500) - video.Price, (await h.Store.Ledger.GetBalanceAsync(user.UserId)).Available);
    }

    [Fact]
    public async Task A_grok_video_made_at_720p_is_extended_at_the_720p_price_copied_from_it_also_when_repeated()
    {
        await using var h = await BotHarness.StartAsync(postgres.Server);
        h.Kie.ReadsToFinish = 1;
        var user = new Updates(7_307);
        var mode = Models.GrokImagineVideo.TextToVideo;
        await FormDriver.OpenAsync(h, user, mode);
        await FormDriver.AnswerAllAsync(h, user, mode);
        await h.PressDataAsync(user, FormButtons.Settings);
        var resolution = mode.FindParam("resolution")!;
        await h.PressDataAsync(user, FormButtons.Ask(mode.Params.ToList().IndexOf(resolution)));
        await h.PressDataAsync(user, resolution.Values.Single(v => v.Wire == "720p").CallbackData);
        if ((await FormDriver.StateAsync(h, user)).Step != At.Summary)
        {
            await h.PressDataAsync(user, FormButtons.Summary);
        }

        await h.ConfirmAsync(user);
        var video = await TrackingTests.WaitForDeliveryAsync(h, (await LatestAsync(h, user)).Id);

        var extendButton = ResultButton(h, user, Models.GrokImagineVideo.Extend.Key);
        Assert.Equal(HttpStatusCode.OK, await h.PostAsync(user.Press(extendButton.Data, extendButton.MessageId)));
        Assert.Equal("prompt", (await FormDriver.StateAsync(h, user)).Asking);
        await h.SendAsync(user.Text("The fox keeps running into the forest"));

        // KIE bills a 6 s extension of a 720p video $0.10 = 20 cr; the markup is 1.5. The resolution is never asked.
        Assert.Contains("Price: <b>30 cr</b>", h.ScreenOf(user).Text, StringComparison.Ordinal);
        await h.ConfirmAsync(user);
        var extension = await TrackingTests.WaitForDeliveryAsync(h, (await LatestAsync(h, user)).Id);
        Assert.Equal((video.Id, Credits.Whole(30)), (extension.ParentId, extension.Price));
        var input = h.Kie.Tasks[extension.KieTaskId!].Request["input"]!.AsObject();
        Assert.Equal(video.KieTaskId, input["task_id"]!.GetValue<string>());
        Assert.False(input.ContainsKey("resolution"));
        Assert.Equal(Credits.Whole(500) - video.Price - extension.Price, (await h.Store.Ledger.GetBalanceAsync(user.UserId)).Available);

        // Repeated from its card, the extension copies the parent's resolution again (KIE's stored input lacks it).
        await h.SendAsync(user.Text("/history"));
        await h.PressAsync(user, b => b.Data == "gen:" + extension.Id);
        await h.PressAsync(user, b => b.Data == "rp:" + extension.Id);
        Assert.Equal("\"720p\"", (await FormDriver.StateAsync(h, user)).Values["resolution"]);
        Assert.Contains("Price: <b>30 cr</b>", h.ScreenOf(user).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Another_users_result_and_forged_follow_up_data_are_outdated_buttons()
    {
        await using var h = await BotHarness.StartAsync(postgres.Server);
        h.Kie.ReadsToFinish = 1;
        var owner = new Updates(7_304);
        var other = new Updates(7_305);

        await TrackingTests.WaitForDeliveryAsync(h, (await TrackingTests.GenerateAsync(h, owner, Models.Midjourney.TextToImage)).Id);
        var upscale = ResultButton(h, owner, Models.Midjourney.Upscale.Key);
        await h.SendAsync(other.Text("/start"));

        foreach (var data in new[] { upscale.Data, upscale.Data[..^3] + "zzz", "fu:midjourney/upscale:9:" + upscale.Data[^22..], "fu:veo-3.1/fast-extend:0:" + upscale.Data[^22..] })
        {
            Assert.Equal(HttpStatusCode.OK, await h.PostAsync(other.Press(data, upscale.MessageId)));
            Assert.Equal("This button is outdated.", LastAlert(h));
        }

        Assert.Empty(await h.Store.Generations.ListByUserAsync(other.UserId, 10));
    }

    /// <summary>The newest follow-up button of <paramref name="modeKey"/> (and output) under one of the user's results.</summary>
    internal static (string Text, string Data, int MessageId) ResultButton(BotHarness h, Updates user, string modeKey, int output = 0)
    {
        var prefix = $"{FollowUpTexts.Prefix}{modeKey}:{output}:";
        var call = h.Api.Calls.Last(c => c.ChatId == user.UserId && c.Buttons.Any(b => b.Data.StartsWith(prefix, StringComparison.Ordinal)));
        var button = call.Buttons.First(b => b.Data.StartsWith(prefix, StringComparison.Ordinal));
        return (button.Text, button.Data, call.MessageId);
    }

    private static async Task<Generation> LatestAsync(BotHarness h, Updates user) =>
        await TrackingTests.WaitForCreateAsync(h, (await h.Store.Generations.ListByUserAsync(user.UserId, 1))[0].Id);

    private static string LastAlert(BotHarness h) => h.Api.CallsOf("answerCallbackQuery").Last().Parameters["text"]?.GetValue<string>() ?? "";
}
