namespace KieCatalog.Client;

/// <summary>
/// One song of a Suno task (KIE makes two per task): from a record's <c>response.sunoData[]</c> or a callback's
/// <c>data.data[]</c>. <see cref="StreamAudioUrl"/> plays while the track is still being made; <see cref="AudioUrl"/>
/// is the finished file; <see cref="Lyrics"/> is what Suno sang (its <c>prompt</c>: the user's lyrics in custom mode).
/// </summary>
public sealed record KieTrack
{
    /// <summary>Suno's audio id (the <c>audioId</c> a later extend, WAV or stems task names).</summary>
    public string? Id { get; init; }

    public string? AudioUrl { get; init; }

    public string? StreamAudioUrl { get; init; }

    /// <summary>The cover art.</summary>
    public string? ImageUrl { get; init; }

    public string? Title { get; init; }

    /// <summary>The style tags Suno used.</summary>
    public string? Tags { get; init; }

    public string? Lyrics { get; init; }

    /// <summary>Length in seconds, when KIE reports it.</summary>
    public decimal? Duration { get; init; }
}
