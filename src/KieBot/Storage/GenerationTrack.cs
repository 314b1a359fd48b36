namespace KieBot.Storage;

/// <summary>
/// One track of a result that comes as songs (Suno makes two per task), as KIE reported it: its audio (one of
/// <see cref="Generation.ResultUrls"/>), title, cover art and the lyrics it sings.
/// </summary>
public sealed record GenerationTrack(string AudioUrl, string? Title, string? ImageUrl, string? Lyrics, decimal? Duration);
