using System.Text.Json;
using KieBot.Features.Form;
using KieBot.Features.Form.Coach;
using KieBot.Tests.Bot;
using KieBot.Tests.Storage;
using KieBot.TestSupport.Kie;
using KieBot.TestSupport.Telegram;
using KieCatalog;
using KieCatalog.Chat;

namespace KieBot.Tests.Features.Form;

/// <summary>The prompt coach through the real Telegram.Bot client, the fake Bot API and the fake KIE server's streamed chat.</summary>
[Collection("postgres")]
public sealed class PromptCoachBotTests(PostgresFixture postgres)
{
    private const string Reply = "A small red fox curls up asleep in deep fresh snow under a pale winter sky, soft morning light, shallow depth of field, photographed on a long lens";

    /// <summary>KIE's price as the operator gives it (credits per million tokens), and the user's at the default markup of 1.5.</summary>
    private static readonly ChatTokenPrice UserPrice = new(450m, 2250m);

    private static readonly Dictionary<string, string> Coach = new() { ["COACH_MODEL"] = "gemini-2.5-flash", ["COACH_PRICE"] = "300/1500" };

    private static async Task<BotHarness> StartAsync(PostgresFixture postgres)
    {
        var h = await BotHarness.StartAsync(postgres.Server, Coach);
        h.Kie.ChatReply = Reply;
        return h;
    }

    [Fact]
    public async Task The_improved_prompt_streams_into_one_message_at_the_edit_pace_and_using_it_charges_its_usage()
    {
        await using var h = await StartAsync(postgres);
        h.Kie.Inject(ChatModels.Gemini2_5Flash.Path, FakeKieFault.StreamSlow(TimeSpan.FromMilliseconds(120)));
        var user = new Updates(8101);
        await FormDriver.OpenAsync(h, user, Models.ZImage.TextToImage);

        var improve = h.ScreenOf(user).Buttons[0];
        Assert.Equal(CoachButtons.Improve, improve.Data);
        Assert.StartsWith("✨", improve.Text, StringComparison.Ordinal);
        Assert.Contains(" cr)", improve.Text, StringComparison.Ordinal);
        await h.PressDataAsync(user, CoachButtons.Improve);
        Assert.Equal("form:coaching", (await FormDriver.StateAsync(h, user)).Step);
        var before = await h.Store.Ledger.GetBalanceAsync(user.UserId);
        var mark = h.Api.Calls.Count;
        await h.SendAsync(user.Text("лиса спит в снегу"));

        var streamed = h.Api.Calls.Skip(mark).Where(c => c.ChatId == user.UserId && c.Method is "sendMessage" or "editMessageText").ToList();
        var id = streamed[0].MessageId;
        Assert.Equal("sendMessage", streamed[0].Method);
        Assert.All(streamed.Skip(1), c => Assert.Equal(("editMessageText", id), (c.Method, c.Parameters["message_id"]!.GetValue<int>())));
        Assert.True(streamed.Count >= 3, $"{streamed.Count} writes");
        Assert.All(streamed.Zip(streamed.Skip(1)), pair => Assert.True(pair.Second.At - pair.First.At >= TimeSpan.FromMilliseconds(950), $"{(pair.Second.At - pair.First.At).TotalMilliseconds} ms between writes"));
        Assert.True(streamed[^2].Text!.Length < streamed[^1].Text!.Length);
        var review = streamed[^1];
        Assert.Contains(Reply, review.Text, StringComparison.Ordinal);
        Assert.Equal([CoachButtons.Accept, CoachButtons.Edit, CoachButtons.Keep], review.Buttons.Select(b => b.Data));

        var call = Assert.Single(h.Kie.ChatCalls);
        Assert.True(call.Stream);
        Assert.Contains("English", call.Body["messages"]![0]!.ToJsonString(), StringComparison.Ordinal);
        var charged = Credits.From(UserPrice.Credits(call.Usage));
        Assert.Contains($"Charged {charged} cr", review.Text, StringComparison.Ordinal);
        Assert.Equal(new Balance(user.UserId, before.Available - charged, Credits.Zero), await h.Store.Ledger.GetBalanceAsync(user.UserId));

        await h.PressDataAsync(user, CoachButtons.Accept);
        var state = await FormDriver.StateAsync(h, user);
        Assert.Equal(Reply, JsonSerializer.Deserialize<string>(state.Values["prompt"]));
        Assert.Null(state.Form!.CoachDraft);
        Assert.Equal(before.Available - charged, (await h.Store.Ledger.GetBalanceAsync(user.UserId)).Available);
    }

    [Fact]
    public async Task Edit_leaves_the_improved_prompt_to_copy_and_takes_the_edited_one_and_keep_mine_takes_the_users_own()
    {
        await using var h = await StartAsync(postgres);
        var user = new Updates(8102);
        await FormDriver.OpenAsync(h, user, Models.ZImage.TextToImage);
        await h.PressDataAsync(user, CoachButtons.Improve);
        await h.SendAsync(user.Text("a fox"));
        var review = h.ScreenOf(user);

        await h.PressDataAsync(user, CoachButtons.Edit);
        var kept = h.Api.Calls.Last(c => c.Method == "editMessageText" && c.MessageId == review.MessageId);
        Assert.Contains(Reply, kept.Text, StringComparison.Ordinal);
        Assert.Empty(kept.Buttons);
        Assert.Equal("form:asking", (await FormDriver.StateAsync(h, user)).Step);
        Assert.Equal(CoachButtons.Improve, h.ScreenOf(user).Buttons[0].Data);
        await h.SendAsync(user.Text("A red fox asleep in snow, edited"));
        Assert.Equal("A red fox asleep in snow, edited", JsonSerializer.Deserialize<string>((await FormDriver.StateAsync(h, user)).Values["prompt"]));

        await FormDriver.OpenAsync(h, user, Models.ZImage.TextToImage);
        await h.PressDataAsync(user, CoachButtons.Improve);
        await h.SendAsync(user.Text("my own fox"));
        Assert.Equal("form:coached", (await FormDriver.StateAsync(h, user)).Step);
        Assert.Contains("\"my own fox\"", h.Kie.ChatCalls[^1].Body["messages"]![1]!.ToJsonString(), StringComparison.Ordinal);
        await h.PressDataAsync(user, CoachButtons.Keep);
        Assert.Equal("my own fox", JsonSerializer.Deserialize<string>((await FormDriver.StateAsync(h, user)).Values["prompt"]));
        Assert.Equal(2, h.Kie.ChatCalls.Count);
        var balance = await h.Store.Ledger.GetBalanceAsync(user.UserId);
        Assert.Equal(Credits.Whole(500) - h.Kie.ChatCalls.Aggregate(Credits.Zero, (sum, c) => sum + Credits.From(UserPrice.Credits(c.Usage))), balance.Available);
    }

    [Fact]
    public async Task A_broken_stream_or_a_balance_below_the_bound_charges_nothing_and_a_prompt_asked_again_is_improved_at_once()
    {
        await using var h = await StartAsync(postgres);
        var user = new Updates(8104);
        await FormDriver.OpenAsync(h, user, Models.ZImage.TextToImage);
        h.Kie.Inject(ChatModels.Gemini2_5Flash.Path, FakeKieFault.StreamError(afterDeltas: 3));
        await h.PressDataAsync(user, CoachButtons.Improve);
        await h.SendAsync(user.Text("a fox"));

        Assert.Contains("could not be improved", h.Api.Calls.Last(c => c.Method == "editMessageText").Text, StringComparison.Ordinal);
        Assert.Equal(new Balance(user.UserId, Credits.Whole(500), Credits.Zero), await h.Store.Ledger.GetBalanceAsync(user.UserId));

        // The prompt answered, then asked again from the settings: ✨ improves the prompt already there.
        await h.SendAsync(user.Text("a fox on a frozen lake"));
        Assert.Equal(At.Summary, (await FormDriver.StateAsync(h, user)).Step);
        await h.PressDataAsync(user, KieBot.Features.Form.FormButtons.Settings);
        await h.PressAsync(user, b => b.Data.StartsWith(KieBot.Features.Form.FormButtons.AskPrefix, StringComparison.Ordinal) && b.Text.Contains("a fox on a frozen lake", StringComparison.Ordinal));
        await h.PressDataAsync(user, CoachButtons.Improve);
        Assert.Equal("form:coached", (await FormDriver.StateAsync(h, user)).Step);
        Assert.Contains("\"a fox on a frozen lake\"", h.Kie.ChatCalls[^1].Body["messages"]![1]!.ToJsonString(), StringComparison.Ordinal);
        await h.PressDataAsync(user, CoachButtons.Accept);
        Assert.Equal(At.Summary, (await FormDriver.StateAsync(h, user)).Step);

        var poor = new Updates(8105);
        await h.SendAsync(poor.Text("/start"));
        await h.Store.Ledger.AdjustAsync(poor.UserId, -(await h.Store.Ledger.GetBalanceAsync(poor.UserId)).Available, "drain:8105", "test");
        var calls = h.Kie.ChatCalls.Count;
        await FormDriver.OpenAsync(h, poor, Models.ZImage.TextToImage);
        await h.PressDataAsync(poor, CoachButtons.Improve);
        await h.SendAsync(poor.Text("a fox"));

        Assert.Contains("Not enough credits for the prompt coach", h.Api.Calls.Last(c => c.ChatId == poor.UserId && c.Method == "sendMessage").Text, StringComparison.Ordinal);
        Assert.Equal(calls, h.Kie.ChatCalls.Count);
    }

    [Fact]
    public async Task Without_a_price_or_an_allowance_the_coach_is_not_offered()
    {
        await using var h = await BotHarness.StartAsync(postgres.Server, new Dictionary<string, string> { ["COACH_MODEL"] = "gemini-2.5-flash" });
        var user = new Updates(8103);
        await FormDriver.OpenAsync(h, user, Models.ZImage.TextToImage);

        Assert.Equal("form:asking", (await FormDriver.StateAsync(h, user)).Step);
        Assert.DoesNotContain(h.ScreenOf(user).Buttons, b => b.Data.StartsWith(CoachButtons.Prefix, StringComparison.Ordinal));
    }
}
