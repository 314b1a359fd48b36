using System.Text.Json.Nodes;
using KieBot.Features.Form;
using KieBot.Tests.Bot;
using KieBot.Tests.Storage;
using KieBot.TestSupport.Telegram;
using KieCatalog;

namespace KieBot.Tests.Conversation;

/// <summary>
/// Conversations saved before the bot's features kept their own state (one flat record with a step enum) go on
/// where they were after the upgrade: mid-form, on a summary, on a model card, waiting for a promo code.
/// </summary>
[Collection("postgres")]
public sealed class SavedStateUpgradeTests(PostgresFixture postgres)
{
    private static readonly KieCatalog.Catalog.ModeDescriptor Mode = Models.ZImage.TextToImage;

    [Fact]
    public async Task A_user_mid_form_before_the_upgrade_answers_the_same_question_after_it()
    {
        await using var h = await BotHarness.StartAsync(postgres.Server);
        var user = new Updates(12_001);
        await h.SendAsync(user.Text("/start"));
        await h.Store.Conversations.SaveAsync(user.UserId, Saved("Form", asking: "prompt"));

        await h.SendAsync(user.Text("A lighthouse in fog"));

        var state = await FormDriver.StateAsync(h, user);
        Assert.Equal(Mode.Model.Id, state.Model);
        Assert.Equal("\"A lighthouse in fog\"", state.Values["prompt"]);
        Assert.NotEqual("prompt", state.Asking);
        Assert.Contains(state.Step, new[] { At.Form, At.Summary });
    }

    [Fact]
    public async Task A_summary_shown_before_the_upgrade_is_still_the_one_its_button_buys()
    {
        await using var h = await BotHarness.StartAsync(postgres.Server);
        var user = new Updates(12_002);
        await h.SendAsync(user.Text("/start"));
        var before = (await h.Store.Ledger.GetBalanceAsync(user.UserId)).Available;
        await h.Store.Conversations.SaveAsync(user.UserId, Saved("Summary", summary: "oldsummary", values: new JsonObject { ["prompt"] = "\"A red fox\"" }));

        await h.SendAsync(user.Press(FormButtons.Confirm("oldsummary"), 77));
        await h.SendAsync(user.Press(FormButtons.Confirm("oldsummary"), 77));

        var generations = await h.Store.Generations.ListByUserAsync(user.UserId, 10);
        var generation = Assert.Single(generations);
        Assert.Equal(Mode.Id, generation.ModeId);
        Assert.Equal(before - generation.Price, (await h.Store.Ledger.GetBalanceAsync(user.UserId)).Available);
        Assert.Equal(At.Submitted, (await FormDriver.StateAsync(h, user)).Step);
    }

    [Fact]
    public async Task A_model_card_and_a_promo_code_wait_survive_the_upgrade()
    {
        await using var h = await BotHarness.StartAsync(postgres.Server);
        var user = new Updates(12_003);
        await h.SendAsync(user.Text("/start"));
        await h.Store.Conversations.SaveAsync(user.UserId, Saved("Model"));
        await h.SendAsync(user.Press(KieBot.Conversation.BotCallbacks.Back, 5));
        Assert.Equal(At.Category, (await FormDriver.StateAsync(h, user)).Step);

        await h.Store.Conversations.SaveAsync(user.UserId, """{"Step":"PromoCode","Page":0,"Values":{},"FromSettings":false,"Free":false,"Catalog":"VERSION"}""".Replace("VERSION", Models.Version, StringComparison.Ordinal));
        await h.SendAsync(user.Text("NOSUCHCODE"));
        Assert.Contains(h.Api.CallsOf("sendMessage"), c => c.ChatId == user.UserId && c.Text!.Contains("not valid", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>A conversation as the bot saved it before the upgrade.</summary>
    private static string Saved(string step, string? asking = null, string? summary = null, JsonObject? values = null)
    {
        var saved = new JsonObject
        {
            ["Step"] = step,
            ["Category"] = Mode.Model.Category.ToString(),
            ["Page"] = 0,
            ["Model"] = Mode.Model.Id,
            ["Mode"] = Mode.Id,
            ["Values"] = values ?? new JsonObject(),
            ["FromSettings"] = false,
            ["Free"] = false,
            ["MessageId"] = 5,
            ["Catalog"] = Models.Version,
        };
        if (asking is not null)
        {
            saved["Asking"] = asking;
        }

        if (summary is not null)
        {
            saved["Summary"] = summary;
        }

        return saved.ToJsonString();
    }
}
