using System.Globalization;
using KieBot.Conversation;
using KieBot.Generations;
using KieBot.Storage;
using KieBot.Telegram;
using KieCatalog.Catalog;

namespace KieBot.Features.History;

/// <summary>The history's button data, and the buttons under a result (in the chat and on its history card).</summary>
public static class HistoryButtons
{
    /// <summary>Page <c>n</c> of the user's history.</summary>
    public const string PagePrefix = "hist:";

    /// <summary>A generation's card (<c>gen:&lt;id&gt;</c>), re-send (<c>rs:</c>), repeat (<c>rp:</c>), repeat with a new prompt (<c>cp:</c>).</summary>
    public const string CardPrefix = "gen:";
    public const string ResendPrefix = BotCallbacks.ResendPrefix;
    public const string RepeatPrefix = BotCallbacks.RepeatPrefix;
    public const string ChangePromptPrefix = "cp:";

    /// <summary>Under a status message past its kind's 90th percentile: keep waiting (<c>gw:&lt;id&gt;</c>), or be messaged when done (<c>gq:</c>).</summary>
    public const string KeepWaitingPrefix = "gw:";
    public const string NotifyPrefix = "gq:";

    /// <summary>The Text shelf's earlier questions (shown by the feature that asks them).</summary>
    public const string TextQuestions = "histtext";

    public static IReadOnlyList<string> All { get; } = [BotCallbacks.History, TextQuestions, PagePrefix, CardPrefix, ResendPrefix, RepeatPrefix, ChangePromptPrefix, FollowUpTexts.Prefix];

    public static string Page(int page) => PagePrefix + page.ToString(CultureInfo.InvariantCulture);

    /// <summary>The follow-ups that apply to it with their prices, repeat, change the prompt (when the mode has one), and the menu.</summary>
    public static List<IReadOnlyList<Button>> UnderResult(string language, Generation generation, ModeDescriptor mode, Pricing pricing, IReadOnlyList<Generation>? followUps = null)
    {
        var rows = FollowUpTexts.Rows(language, generation, FollowUps.Offers(generation, mode, followUps), pricing).ToList();
        var row = new List<Button> { new(Texts.Get(language, "btn.repeat"), RepeatPrefix + generation.Id) };
        if (FormScreen.PromptOf(mode) is not null)
        {
            row.Add(new Button(Texts.Get(language, "btn.change_prompt"), ChangePromptPrefix + generation.Id));
        }

        return [.. rows, row, [new Button(Texts.Get(language, "btn.menu"), BotCallbacks.Menu)]];
    }

    /// <summary>The choice offered while a generation takes longer than usual.</summary>
    public static List<IReadOnlyList<Button>> WhileLate(string language, Generation generation) =>
        [[new Button(Texts.Get(language, "btn.keep_waiting"), KeepWaitingPrefix + generation.Id), new Button(Texts.Get(language, "btn.notify_done"), NotifyPrefix + generation.Id)]];
}
