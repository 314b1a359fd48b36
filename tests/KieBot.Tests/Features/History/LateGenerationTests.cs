using KieBot.Features.History;
using KieBot.Storage;
using KieBot.Tests.Bot;
using KieBot.Tests.Storage;
using KieBot.TestSupport.Telegram;
using KieCatalog;

namespace KieBot.Tests.Features.History;

/// <summary>
/// Past its kind's 90th percentile a status message offers to keep waiting or to be messaged when done; "message me"
/// lets the status message go, and the result arrives as a new message. Another user's press is outdated.
/// </summary>
[Collection("postgres")]
public sealed class LateGenerationTests(PostgresFixture postgres)
{
    [Fact]
    public async Task A_late_generation_offers_the_choice_and_message_me_sends_the_result_as_a_new_message()
    {
        var mode = Models.ZImage.TextToImage;
        await using var h = await BotHarness.StartAsync(postgres.Server);
        h.Kie.ReadsToFinish = 1_000;
        for (var i = 0; i < 6; i++)
        {
            // This kind usually takes about a second: a task still running after a few reads is late.
            await h.Store.Durations.RecordAsync(mode.Key, TimeSpan.FromMilliseconds(800 + (i * 50)));
        }

        var user = new Updates(13_301);
        var stranger = new Updates(13_302);
        await h.SendAsync(stranger.Text("/start"));
        var generation = await TrackingTests.GenerateAsync(h, user, mode);
        var offer = await h.Api.WaitForAsync(c => c.Method == "editMessageText" && c.ChatId == user.UserId && c.Buttons.Any(b => b.Data == HistoryButtons.NotifyPrefix + generation.Id));
        Assert.Contains("Taking longer than usual", offer.Text, StringComparison.Ordinal);
        Assert.Contains(offer.Buttons, b => b.Data == HistoryButtons.KeepWaitingPrefix + generation.Id);

        await h.SendAsync(user.Press(HistoryButtons.KeepWaitingPrefix + generation.Id, offer.MessageId));
        Assert.StartsWith("Still waiting", h.Api.CallsOf("answerCallbackQuery").Last().Parameters["text"]!.GetValue<string>(), StringComparison.Ordinal);
        await h.SendAsync(stranger.Press(HistoryButtons.NotifyPrefix + generation.Id, offer.MessageId));
        Assert.Equal("This button is outdated.", h.Api.CallsOf("answerCallbackQuery").Last().Parameters["text"]!.GetValue<string>());
        Assert.NotNull((await h.Store.Generations.GetAsync(generation.Id))!.StatusMessageId);

        await h.SendAsync(user.Press(HistoryButtons.NotifyPrefix + generation.Id, offer.MessageId));
        Assert.Null((await h.Store.Generations.GetAsync(generation.Id))!.StatusMessageId);
        var told = h.Api.CallsOf("editMessageText").Last(c => c.MessageId == offer.MessageId);
        Assert.Contains("I will send the result as a new message", told.Text, StringComparison.Ordinal);
        Assert.Empty(told.Buttons);
        var editsBefore = h.Api.CallsOf("editMessageText").Count(c => c.MessageId == offer.MessageId);

        await h.Kie.CompleteAsync(generation.KieTaskId!);
        var done = await TrackingTests.WaitForDeliveryAsync(h, generation.Id);

        Assert.NotEmpty(done.Delivered!);
        Assert.Single(h.Api.CallsOf("sendPhoto"), c => c.ChatId == user.UserId);
        Assert.Equal(editsBefore, h.Api.CallsOf("editMessageText").Count(c => c.MessageId == offer.MessageId));
        await h.SendAsync(user.Press(HistoryButtons.NotifyPrefix + generation.Id, offer.MessageId));
        Assert.StartsWith("This generation has already ended", h.Api.CallsOf("answerCallbackQuery").Last().Parameters["text"]!.GetValue<string>(), StringComparison.Ordinal);
    }
}
