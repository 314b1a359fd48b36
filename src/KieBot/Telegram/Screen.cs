namespace KieBot.Telegram;

/// <summary>An inline button: its label and its callback data (at most 64 bytes), or the Mini App it opens (<see cref="WebApp"/>, an HTTPS URL).</summary>
public sealed record Button(string Text, string Data)
{
    /// <summary>The Mini App the button opens instead of sending <see cref="Data"/>.</summary>
    public Uri? WebApp { get; init; }
}

/// <summary>A message the bot shows: text and inline keyboard rows.</summary>
public sealed record Screen(string Text, IReadOnlyList<IReadOnlyList<Button>> Keyboard)
{
    public Screen(string text)
        : this(text, [])
    {
    }

    public IEnumerable<Button> Buttons => Keyboard.SelectMany(r => r);
}

/// <summary>
/// A result to deliver: the files (by URL) or text, of one output kind. <see cref="Sent"/> holds what an interrupted
/// delivery already had accepted, one entry per URL (a file id, or "" for one sent as a link): those are not sent again.
/// <see cref="Progress"/> hears the accepted parts so far right after each is accepted, so a stop in the middle resumes.
/// </summary>
public sealed record Delivery(KieCatalog.Catalog.OutputKind Kind, IReadOnlyList<string> Urls, string? Text, string Caption, Screen? Buttons)
{
    /// <summary>A result that comes as songs (Suno): each track's audio with its title and cover art, and the lyrics; delivered instead of <see cref="Urls"/>.</summary>
    public IReadOnlyList<DeliveryTrack> Tracks { get; init; } = [];

    public IReadOnlyList<string> Sent { get; init; } = [];

    public Func<IReadOnlyList<string>, CancellationToken, Task>? Progress { get; init; }

    public Task ReportAsync(IReadOnlyList<string> sent, CancellationToken cancellationToken) =>
        Progress is { } progress ? progress(sent, cancellationToken) : Task.CompletedTask;
}

/// <summary>One song of a result: its audio, title, cover art and the lyrics it sings (any of the last three may be missing).</summary>
public sealed record DeliveryTrack(string AudioUrl, string? Title, string? CoverUrl, string? Lyrics);
