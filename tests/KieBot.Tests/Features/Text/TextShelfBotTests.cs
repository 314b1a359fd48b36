using KieBot.Features.Text;
using KieBot.Tests.Bot;
using KieBot.Tests.Storage;
using KieBot.TestSupport.Telegram;
using KieCatalog.Chat;

namespace KieBot.Tests.Features.Text;

/// <summary>The 💬 Text shelf through the real Telegram.Bot client, the fake Bot API and the fake KIE server's streamed chat.</summary>
[Collection("postgres")]
public sealed class TextShelfBotTests(PostgresFixture postgres)
{
    private static readonly byte[] Jpeg = Convert.FromBase64String("/9j/4AAQSkZJRgABAQEASABIAAD/2wBDAP//////////////////////////////////////////////////////////////////////////////////////wAALCAABAAEBAREA/8QAFAABAAAAAAAAAAAAAAAAAAAAA//EABQQAQAAAAAAAAAAAAAAAAAAAAD/2gAIAQEAAD8AN//Z");

    private static readonly ChatTokenPrice UserPrice = new(450m, 2250m);

    private static readonly Dictionary<string, string> Text = new() { ["TEXT_MODEL"] = "gemini-2.5-flash", ["TEXT_PRICE"] = "300/1500" };

    [Fact]
    public async Task A_question_then_a_photo_with_the_conversation_as_context_each_charged_by_its_usage()
    {
        await using var h = await BotHarness.StartAsync(postgres.Server, Text);
        var user = new Updates(8201);
        await h.SendAsync(user.Text("/start"));
        await h.PressDataAsync(user, TextFeature.Open);
        Assert.Contains("Gemini 2.5 Flash", h.ScreenOf(user).Text, StringComparison.Ordinal);

        h.Kie.ChatReply = "A fox is a small wild canine with a bushy tail.";
        await h.SendAsync(user.Text("What is a fox?"));
        var first = h.ScreenOf(user);
        Assert.Contains("A fox is a small wild canine with a bushy tail.", first.Text, StringComparison.Ordinal);
        Assert.Equal([TextFeature.New, TextFeature.Earlier, KieBot.Conversation.BotCallbacks.Menu], first.Buttons.Select(b => b.Data));

        h.Api.AddFile("photo-fox", Jpeg);
        h.Kie.ChatReply = "A red fox sleeping in the snow.";
        await h.SendAsync(user.Photo("photo-fox", "What is in this photo?"));

        Assert.Contains("A red fox sleeping in the snow.", h.ScreenOf(user).Text, StringComparison.Ordinal);
        var calls = h.Kie.ChatCalls;
        Assert.Equal(2, calls.Count);
        var messages = calls[1].Body["messages"]!.AsArray();
        Assert.Equal(["system", "user", "assistant", "user"], messages.Select(m => m!["role"]!.GetValue<string>()));
        Assert.Contains("What is a fox?", messages[1]!.ToJsonString(), StringComparison.Ordinal);
        Assert.Contains("A fox is a small wild canine", messages[2]!.ToJsonString(), StringComparison.Ordinal);
        Assert.Contains("data:image/jpeg;base64," + Convert.ToBase64String(Jpeg), messages[3]!.ToJsonString(), StringComparison.Ordinal);
        Assert.Contains("What is in this photo?", messages[3]!.ToJsonString(), StringComparison.Ordinal);
        var charged = calls.Aggregate(Credits.Zero, (sum, c) => sum + Credits.From(UserPrice.Credits(c.Usage)));
        Assert.Equal(new Balance(user.UserId, Credits.Whole(500) - charged, Credits.Zero), await h.Store.Ledger.GetBalanceAsync(user.UserId));

        await h.PressDataAsync(user, TextFeature.New);
        await h.SendAsync(user.Text("And a wolf?"));
        Assert.Equal(["system", "user"], h.Kie.ChatCalls[2].Body["messages"]!.AsArray().Select(m => m!["role"]!.GetValue<string>()));

        await h.PressDataAsync(user, TextFeature.Earlier);
        var earlier = h.ScreenOf(user).Buttons.Where(b => b.Data.StartsWith(TextFeature.ResumePrefix, StringComparison.Ordinal)).ToList();
        Assert.Equal(3, earlier.Count);
        Assert.Contains("And a wolf?", earlier[0].Text, StringComparison.Ordinal);
        await h.PressDataAsync(user, earlier[^1].Data);
        Assert.Contains("A fox is a small wild canine", h.ScreenOf(user).Text, StringComparison.Ordinal);
        await h.SendAsync(user.Text("Where do they live?"));
        Assert.Equal(6, h.Kie.ChatCalls[3].Body["messages"]!.AsArray().Count);

        // The history has the questions too, like its generations.
        await h.SendAsync(user.Text("/history"));
        await h.PressDataAsync(user, KieBot.Features.History.HistoryButtons.TextQuestions);
        Assert.Equal(4, h.ScreenOf(user).Buttons.Count(b => b.Data.StartsWith(TextFeature.ResumePrefix, StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_long_answer_is_split_at_telegrams_limit_and_the_shelf_is_absent_without_a_usable_model()
    {
        await using var h = await BotHarness.StartAsync(postgres.Server, Text);
        var user = new Updates(8202);
        await h.SendAsync(user.Text("/start"));
        await h.PressDataAsync(user, TextFeature.Open);
        h.Kie.ChatReply = string.Join(' ', Enumerable.Repeat("foxes", 1200));
        var mark = h.Api.Calls.Count;

        await h.SendAsync(user.Text("Say foxes many times"));

        var sent = h.Api.Calls.Skip(mark).Where(c => c.Method is "sendMessage" or "editMessageText").ToList();
        Assert.All(sent, c => Assert.True(c.Text!.Length <= 4096));
        var last = sent[^1];
        Assert.Equal("sendMessage", last.Method);
        Assert.Equal(h.Kie.ChatReply.Length, sent[^2].Text!.Length + last.Text!.Split("\n\n")[0].Length);

        await using var off = await BotHarness.StartAsync(postgres.Server, new Dictionary<string, string> { ["TEXT_MODEL"] = "gemini-2.5-flash" });
        var other = new Updates(8203);
        await off.SendAsync(other.Text("/start"));
        Assert.DoesNotContain(off.ScreenOf(other).Buttons, b => b.Data == TextFeature.Open);
    }
}
