using System.Text.Json;
using KieCatalog.Client.Wire;

namespace KieCatalog.Client.Families;

/// <summary>
/// The songs of a Suno music task: a record's <c>response.sunoData[]</c> (camelCase: <c>audioUrl</c>,
/// <c>streamAudioUrl</c>, <c>imageUrl</c>) or a callback's <c>data.data[]</c> (snake_case: <c>audio_url</c>,
/// <c>stream_audio_url</c>, <c>image_url</c>); an upload cover's <c>source_*</c> fields (the uploaded original) are not the song.
/// </summary>
internal static class SunoTracks
{
    /// <summary>A record: the tracks and the finished files; the audio URLs of the tracks are the result.</summary>
    public static ResultRead FromRecord(JsonElement data)
    {
        var tracks = Read(data.Child("response")?.Child("sunoData"));
        return new([.. tracks.Select(t => t.AudioUrl).OfType<string>()], [], null) { Tracks = tracks };
    }

    /// <summary>A callback's <c>data</c> object: its <c>data</c> array (empty for the <c>text</c> stage and for failures).</summary>
    public static IReadOnlyList<KieTrack> FromCallback(JsonElement data) => Read(data.Child("data"));

    private static List<KieTrack> Read(JsonElement? array)
    {
        if (array is not { ValueKind: JsonValueKind.Array } items)
        {
            return [];
        }

        return items.EnumerateArray()
            .Where(i => i.ValueKind == JsonValueKind.Object)
            .Select(i => new KieTrack
            {
                Id = i.Text("id"),
                AudioUrl = Url(i.Text("audioUrl", "audio_url")),
                StreamAudioUrl = Url(i.Text("streamAudioUrl", "stream_audio_url")),
                ImageUrl = Url(i.Text("imageUrl", "image_url")),
                Title = i.Text("title"),
                Tags = i.Text("tags"),
                Lyrics = i.Text("prompt"),
                Duration = i.Decimal("duration"),
            })
            .Where(t => t.AudioUrl is not null || t.StreamAudioUrl is not null)
            .ToList();
    }

    private static string? Url(string? text) =>
        Uri.TryCreate(text, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp) ? text : null;
}
