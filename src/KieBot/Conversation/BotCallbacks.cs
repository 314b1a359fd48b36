namespace KieBot.Conversation;

/// <summary>
/// The navigation buttons every screen may carry; the engine handles the first three itself (Back goes to the
/// feature whose screen is on). A feature's own button data lives in its folder; catalog buttons use the generated
/// <c>CatalogCallbacks</c>. Every value fits Telegram's 64 bytes.
/// </summary>
public static class BotCallbacks
{
    /// <summary>The main menu.</summary>
    public const string Menu = "menu";

    /// <summary>One step back on the current screen.</summary>
    public const string Back = "back";

    /// <summary>Drop what is under way and return to the menu.</summary>
    public const string Cancel = "cancel";

    /// <summary>The help text.</summary>
    public const string Help = "help";

    /// <summary>The balance screen (a button the menu and the summary show; its feature owns the data).</summary>
    public const string Balance = "balance";

    /// <summary>The user's generations (a button the menu shows; its feature owns the data).</summary>
    public const string History = "history";

    /// <summary>Re-send a generation's result to the chat (<c>rs:&lt;id&gt;</c>; the history feature owns it, the gallery presses it).</summary>
    public const string ResendPrefix = "rs:";

    /// <summary>Repeat a generation with the same settings (<c>rp:&lt;id&gt;</c>; the history feature owns it, the gallery presses it).</summary>
    public const string RepeatPrefix = "rp:";

    /// <summary>The data the engine answers itself: no feature may claim them.</summary>
    public static readonly IReadOnlySet<string> Reserved = new HashSet<string>(StringComparer.Ordinal) { Menu, Back, Cancel, Help };
}
