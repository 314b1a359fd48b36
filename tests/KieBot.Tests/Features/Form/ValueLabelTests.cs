using KieBot.Features.Form;
using KieBot.Tests.Bot;
using KieBot.Tests.Storage;
using KieBot.TestSupport.Telegram;
using KieCatalog;

namespace KieBot.Tests.Features.Form;

/// <summary>Enum values that are KIE's ids or constants reach the user by their labels: on the buttons, the summary and in the request KIE gets the id.</summary>
[Collection("postgres")]
public sealed class ValueLabelTests(PostgresFixture postgres)
{
    [Fact]
    public async Task The_voice_question_shows_voice_names_and_KIE_gets_the_voice_id()
    {
        var mode = Models.Elevenlabs.TtsTurbo;
        var voice = mode.FindParam("voice")!;
        var james = voice.FindValue("EkK5I93UQWFDigLMpZcX")!;
        Assert.StartsWith("James", james.Label!.En, StringComparison.Ordinal);
        await using var h = await BotHarness.StartAsync(postgres.Server);
        var user = new Updates(13_001);
        await FormDriver.OpenAsync(h, user, mode);
        await h.SendAsync(user.Text("Hello from the fox."));
        if ((await FormDriver.StateAsync(h, user)).Asking != voice.Name)
        {
            await h.PressDataAsync(user, FormButtons.Settings);
            await h.PressDataAsync(user, FormButtons.Ask(mode.Params.ToList().IndexOf(voice)));
        }

        var buttons = h.ScreenOf(user).Buttons;
        Assert.Contains(buttons, b => b.Data == james.CallbackData && b.Text.Contains(james.Label.En, StringComparison.Ordinal));
        Assert.DoesNotContain(buttons, b => b.Text.Contains("EkK5I93UQWFDigLMpZcX", StringComparison.Ordinal));
        Assert.All(voice.Values, v => Assert.Contains(buttons, b => b.Data == v.CallbackData && b.Text.EndsWith(v.Display("en"), StringComparison.Ordinal)));

        await h.PressDataAsync(user, james.CallbackData);
        await FormDriver.AnswerAllAsync(h, user, mode);
        Assert.Contains(james.Label.En, h.ScreenOf(user).Text, StringComparison.Ordinal);
        await h.ConfirmAsync(user);
        for (var i = 0; i < 100 && h.Kie.Tasks.Count == 0; i++)
        {
            await Task.Delay(100);
        }

        var task = Assert.Single(h.Kie.Tasks.Values);
        Assert.Contains("\"voice\":\"EkK5I93UQWFDigLMpZcX\"", task.ParamJson.Replace(" ", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
    }
}
