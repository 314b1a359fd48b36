namespace KieBot.Conversation;

/// <summary>
/// The bot's own buttons (navigation). Catalog buttons (categories, models, modes, enum values, toggles) use the
/// generated <c>CatalogCallbacks</c>. Every value here fits Telegram's 64 bytes.
/// </summary>
public static class BotCallbacks
{
    public const string Menu = "menu";
    public const string Back = "back";
    public const string Cancel = "cancel";
    public const string Balance = "balance";
    public const string History = "history";
    public const string Help = "help";
    public const string Language = "lang";
    public const string Russian = "lang:ru";
    public const string English = "lang:en";
    public const string Settings = "settings";
    public const string Summary = "summary";
    public const string Skip = "skip";
    public const string Next = "next";
    public const string Done = "done";

    /// <summary>The exact values above: no feature may claim them.</summary>
    public static readonly IReadOnlySet<string> Reserved = new HashSet<string>(StringComparer.Ordinal)
    {
        Menu, Back, Cancel, Balance, History, Help, Language, Russian, English, Settings, Summary, Skip, Next, Done,
    };

    /// <summary>Buttons only the admin may press (checked on every press).</summary>
    public const string AdminPrefix = "adm:";


    /// <summary>Generate what summary <c>id</c> showed (<c>ok:&lt;id&gt;</c>): a press on any other summary buys nothing.</summary>
    public const string ConfirmPrefix = "ok:";

    /// <summary>Page <c>n</c> of the current category.</summary>
    public const string PagePrefix = "page:";

    /// <summary>Ask parameter number <c>n</c> of the current mode (from the settings screen).</summary>
    public const string AskPrefix = "ask:";

    /// <summary>Page <c>n</c> of the user's history.</summary>
    public const string HistoryPagePrefix = "hist:";

    /// <summary>A generation's card (<c>gen:&lt;id&gt;</c>), re-send (<c>rs:</c>), repeat (<c>rp:</c>), repeat with a new prompt (<c>cp:</c>).</summary>
    public const string GenerationPrefix = "gen:";
    public const string ResendPrefix = "rs:";
    public const string RepeatPrefix = "rp:";
    public const string ChangePromptPrefix = "cp:";

    public static string Confirm(string summaryId) => ConfirmPrefix + summaryId;

    public static string Page(int page) => PagePrefix + page.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public static string Ask(int index) => AskPrefix + index.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public static string HistoryPage(int page) => HistoryPagePrefix + page.ToString(System.Globalization.CultureInfo.InvariantCulture);

}
