using KieBot.Features.Admin;
using KieBot.Features.Browse;
using KieBot.Features.Form;
using KieBot.Features.History;
using KieBot.Features.Menu;
using KieBot.Tests.Storage;
using KieBot.TestSupport.Telegram;
using KieCatalog;
using KieBot.Conversation;

namespace KieBot.Tests.Bot;

/// <summary>/history: the user's generations, re-sending a result by its Telegram file id, repeating with the same inputs.</summary>
[Collection("postgres")]
public sealed class HistoryTests(PostgresFixture postgres)
{
    [Fact]
    public async Task History_resends_by_file_id_repeats_with_the_same_inputs_and_refuses_another_users_generation()
    {
        var mode = Models.ZImage.TextToImage;
        await using var h = await BotHarness.StartAsync(postgres.Server);
        h.Kie.ReadsToFinish = 1;
        var user = new Updates(9_501);
        var stranger = new Updates(9_502);
        await FormDriver.OpenAsync(h, user, mode);
        await FormDriver.AnswerAllAsync(h, user, mode, prompt: "A lighthouse in fog");
        await h.ConfirmAsync(user);
        var generation = (await h.Store.Generations.ListByUserAsync(user.UserId, 1))[0];
        for (var i = 0; i < 150 && (await h.Store.Generations.GetAsync(generation.Id))!.Delivered is null; i++)
        {
            await Task.Delay(200);
        }

        var delivered = (await h.Store.Generations.GetAsync(generation.Id))!.Delivered!;
        await h.SendAsync(user.Text("/history"));
        await h.PressDataAsync(user, HistoryButtons.CardPrefix + generation.Id);
        await h.PressDataAsync(user, HistoryButtons.ResendPrefix + generation.Id);

        var resent = h.Api.CallsOf("sendPhoto").Last();
        Assert.Equal(delivered[0], resent.Parameters["photo"]!.GetValue<string>());

        await h.PressDataAsync(user, HistoryButtons.RepeatPrefix + generation.Id);
        var state = await FormDriver.StateAsync(h, user);
        Assert.Equal(At.Summary, state.Step);
        Assert.Equal("\"A lighthouse in fog\"", state.Values["prompt"]);

        await h.SendAsync(stranger.Text("/start"));
        await h.SendAsync(stranger.Press(HistoryButtons.ResendPrefix + generation.Id, h.ScreenOf(stranger).MessageId));
        var alert = h.Api.CallsOf("answerCallbackQuery").Last();
        Assert.Equal("This button is outdated.", alert.Parameters["text"]!.GetValue<string>());
        Assert.Equal(2, h.Api.CallsOf("sendPhoto").Count);
    }

    [Fact]
    public async Task A_generation_stored_under_a_mode_the_catalog_has_since_moved_to_another_card_still_displays_and_repeats()
    {
        // Seedream 5 Lite was sold on the Seedream 4.5 card as seedream/5-lite-text-to-image; it is now its own model.
        var moved = Models.Seedream5Lite.TextToImage;
        Assert.Null(Models.FindMode("seedream", "5-lite-text-to-image"));
        await using var h = await BotHarness.StartAsync(postgres.Server);
        var user = new Updates(9_503);
        await h.SendAsync(user.Text("/start"));
        var old = new KieBot.Storage.Generation
        {
            Id = "g-moved-9503", UserId = user.UserId, ChatId = user.UserId, ModelId = "seedream", ModeId = "5-lite-text-to-image",
            KieModel = moved.KieModel, Api = moved.Api.ToString(), InputJson = """{"prompt":"A red kite over dunes","aspect_ratio":"1:1","quality":"basic"}""",
            Price = new KieBot.Storage.Credits(550), State = KieBot.Storage.GenerationState.Succeeded,
        };
        await h.Store.Generations.CreateAsync(old);
        await h.Store.Generations.SetDeliveredAsync(old.Id, ["photo-file-9503"]);

        await h.SendAsync(user.Text("/history"));
        Assert.Contains(h.ScreenOf(user).Buttons, b => b.Text.Contains("Seedream 5 Lite", StringComparison.Ordinal));
        await h.PressDataAsync(user, HistoryButtons.CardPrefix + old.Id);
        Assert.Contains("<b>Seedream 5 Lite</b> · Text to image", h.ScreenOf(user).Text, StringComparison.Ordinal);
        await h.PressDataAsync(user, HistoryButtons.ResendPrefix + old.Id);
        Assert.Equal("photo-file-9503", h.Api.CallsOf("sendPhoto").Last().Parameters["photo"]!.GetValue<string>());

        await h.PressDataAsync(user, HistoryButtons.RepeatPrefix + old.Id);
        var state = await FormDriver.StateAsync(h, user);
        Assert.Equal(At.Summary, state.Step);
        Assert.Equal((moved.Model.Id, moved.Id), (state.Form!.Model, state.Form.Mode));
        Assert.Equal("\"A red kite over dunes\"", state.Values["prompt"]);
    }
}
