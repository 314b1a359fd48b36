namespace KieBot.Storage;

/// <summary>
/// One track of a result that comes as songs (Suno makes two per task), as KIE reported it: its audio (one of
/// <see cref="Generation.ResultUrls"/>), title, cover art, the lyrics it sings, and KIE's id of it (the <c>audioId</c> a
/// follow-up such as an extend or a stem split names).
/// </summary>
public sealed record GenerationTrack(string AudioUrl, string? Title, string? ImageUrl, string? Lyrics, decimal? Duration, string? Id = null);
