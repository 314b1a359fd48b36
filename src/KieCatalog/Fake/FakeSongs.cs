using KieCatalog.Client;

namespace KieCatalog.Fake;

/// <summary>
/// Suno's songs in the fake gateway, as KIE reports them: two per task when it succeeds (title, cover art, lyrics), the
/// first alone with a stream to preview in the second half of its generating time (KIE's <c>FIRST_SUCCESS</c>).
/// </summary>
internal static class FakeSongs
{
    public static bool IsSong(KieEndpoint endpoint) => endpoint.StatusPath == "/api/v1/generate/record-info";

    /// <summary>The songs a task of <paramref name="state"/> carries, and the raw state that names its stage.</summary>
    public static (IReadOnlyList<KieTrack> Tracks, string? Stage) At(KieTaskState state, bool firstIsOut, Uri resultBase, string taskId)
    {
        KieTrack Song(int i) => new()
        {
            Id = $"{taskId}-{i}",
            AudioUrl = new Uri(resultBase, $"results/{taskId}/{i}.mp3").AbsoluteUri,
            StreamAudioUrl = new Uri(resultBase, $"results/{taskId}/stream-{i}").AbsoluteUri,
            ImageUrl = new Uri(resultBase, $"results/{taskId}/cover-{i}.jpeg").AbsoluteUri,
            Title = "Fake song",
            Lyrics = "[Verse]\nFake lyrics of " + taskId,
            Duration = 180m,
        };

        return state switch
        {
            KieTaskState.Success => ([Song(0), Song(1)], "SUCCESS"),
            KieTaskState.Generating when firstIsOut => ([Song(0)], "FIRST_SUCCESS"),
            _ => ([], null),
        };
    }
}
