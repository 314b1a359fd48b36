namespace KieBot.Telegram;

/// <summary>An inline button: its label and its callback data (at most 64 bytes).</summary>
public sealed record Button(string Text, string Data);

/// <summary>A message the bot shows: text and inline keyboard rows.</summary>
public sealed record Screen(string Text, IReadOnlyList<IReadOnlyList<Button>> Keyboard)
{
    public Screen(string text)
        : this(text, [])
    {
    }

    public IEnumerable<Button> Buttons => Keyboard.SelectMany(r => r);
}

/// <summary>A result to deliver: the files (by URL) or text, of one output kind.</summary>
public sealed record Delivery(KieCatalog.Catalog.OutputKind Kind, IReadOnlyList<string> Urls, string? Text, string Caption, Screen? Buttons);
