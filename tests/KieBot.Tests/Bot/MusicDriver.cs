using KieBot.Features.Form;
using KieBot.Storage;
using KieBot.TestSupport.Telegram;
using KieCatalog.Catalog;

namespace KieBot.Tests.Bot;

/// <summary>A user asking for a Suno song the way a person would, and what a test then looks for.</summary>
internal static class MusicDriver
{
    public const string Lyrics = "[Verse]\nA red fox runs through the snow\n[Chorus]\nRun, fox, run";
    public const string Style = "folk, acoustic guitar";
    public const string Title = "Red Fox";

    /// <summary>
    /// The lyrics first (the form's only first question), then custom mode turned on in the settings, which asks the
    /// style and the title before the summary; then Generate.
    /// </summary>
    public static async Task<Generation> CustomSongAsync(BotHarness h, Updates user, ModeDescriptor mode)
    {
        await FormDriver.OpenAsync(h, user, mode);
        Assert.Equal("prompt", (await FormDriver.StateAsync(h, user)).Asking);
        await h.SendAsync(user.Text(Lyrics));
        Assert.Equal(At.Summary, (await FormDriver.StateAsync(h, user)).Step);

        await h.PressDataAsync(user, FormButtons.Settings);
        var custom = mode.FindParam("customMode")!;
        await h.PressDataAsync(user, FormButtons.Ask(mode.Params.ToList().IndexOf(custom)));
        await h.PressDataAsync(user, custom.ToggleCallbackData!);
        await h.PressDataAsync(user, FormButtons.Next);
        Assert.Equal("style", (await FormDriver.StateAsync(h, user)).Asking);
        Assert.DoesNotContain(h.ScreenOf(user).Buttons, b => b.Data == FormButtons.Skip);
        await h.SendAsync(user.Text(Style));
        Assert.Equal("title", (await FormDriver.StateAsync(h, user)).Asking);
        await h.SendAsync(user.Text(Title));

        Assert.Equal(At.Summary, (await FormDriver.StateAsync(h, user)).Step);
        await h.ConfirmAsync(user);
        return await TrackingTests.WaitForCreateAsync(h, (await h.Store.Generations.ListByUserAsync(user.UserId, 1))[0].Id);
    }

    /// <summary>The messages that showed the preview of a song (the first track's stream while Suno makes the rest).</summary>
    public static IReadOnlyList<BotApiCall> Previews(BotHarness h, Updates user) =>
        h.Api.Calls.Where(c => c.ChatId == user.UserId && c.Method == "sendMessage" && c.Text?.Contains("the first track is ready to listen", StringComparison.Ordinal) == true).ToList();
}
