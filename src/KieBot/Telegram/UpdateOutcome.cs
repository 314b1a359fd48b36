namespace KieBot.Telegram;

/// <summary>How handling an update ended, which decides what its transport tells Telegram.</summary>
public enum UpdateOutcome
{
    /// <summary>Handled to the end (including a failure the user was told about): acknowledge it.</summary>
    Handled,

    /// <summary>Handled before: acknowledge it, nothing changed.</summary>
    Repeat,

    /// <summary>
    /// Not handled: storage or Telegram failed under it, or another host holds it right now. Do not acknowledge it: the
    /// webhook answers 503 so Telegram delivers it again, long polling keeps its offset and tries again.
    /// </summary>
    Retry,
}
