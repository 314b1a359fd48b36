namespace KieBot.Conversation;

/// <summary>
/// What a feature's handler answers: the screen is shown, an alert on the pressed button, a message to send, the
/// press was outdated (the menu with "this button is outdated"), or another feature's screen to open (by the request
/// that names it: a feature never calls another one).
/// </summary>
public abstract record Reply
{
    /// <summary>The handler showed what it had to.</summary>
    public static Reply Shown { get; } = new ShownReply();

    /// <summary>A button this feature does not honour now (an old message, another user's item, a forged press).</summary>
    public static Reply Outdated { get; } = new OutdatedReply();

    /// <summary>A short alert on the pressed button (on a message: sent as a message).</summary>
    public static Reply Alert(string text) => new AlertReply(text);

    /// <summary>A new message in the chat, with the way back to the menu under it.</summary>
    public static Reply Say(string text) => new SayReply(text, WithMenu: true);

    /// <summary>A new message in the chat with no buttons (an admin's report: the panel above stays the screen).</summary>
    public static Reply Note(string text) => new SayReply(text, WithMenu: false);

    /// <summary>Opens the screen <paramref name="screen"/> names, whichever feature shows it; then <paramref name="alert"/> on the button.</summary>
    public static Reply Open(ScreenRequest screen, string? alert = null) => new OpenReply(screen, alert);
}

public sealed record ShownReply : Reply;

public sealed record OutdatedReply : Reply;

public sealed record AlertReply(string Text) : Reply;

public sealed record SayReply(string Text, bool WithMenu) : Reply;

public sealed record OpenReply(ScreenRequest Screen, string? ThenAlert) : Reply;
