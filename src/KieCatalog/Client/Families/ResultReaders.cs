using System.Text.Json;
using KieCatalog.Client.Wire;

namespace KieCatalog.Client.Families;

/// <summary>The result fields of a record or of a synchronous answer: file URLs, watermarked URLs and a text result.</summary>
internal readonly record struct ResultRead(IReadOnlyList<string> Urls, IReadOnlyList<string> Watermarks, string? Text)
{
    /// <summary>The songs of a Suno music task (<see cref="SunoTracks"/>); empty for every other endpoint.</summary>
    public IReadOnlyList<KieTrack> Tracks { get; init; } = [];

    public static ResultRead None => new([], [], null);

    public static ResultRead Files(IReadOnlyList<string> urls) => new(urls, [], null);
}

/// <summary>
/// Each endpoint's result shape (kie-api.md §2.2, §3 and KIE's Suno, Veo and 4o pages). A reader throws
/// <see cref="JsonException"/> on an embedded JSON string it cannot parse; the caller reports it as a malformed answer.
/// </summary>
internal static class ResultReaders
{
    /// <summary>The stems of a vocal separation or stem split, in KIE's field order (<c>originData</c> repeats them with source ids).</summary>
    private static readonly string[] StemFields =
    [
        "vocalUrl", "instrumentalUrl", "backingVocalsUrl", "drumsUrl", "bassUrl", "guitarUrl", "pianoUrl", "keyboardUrl",
        "percussionUrl", "stringsUrl", "synthUrl", "fxUrl", "brassUrl", "woodwindsUrl",
    ];

    /// <summary>Market jobs: the <c>resultJson</c> string (<c>resultUrls</c>, <c>resultWaterMarkUrls</c>, <c>resultObject</c>).</summary>
    public static ResultRead Market(JsonElement data)
    {
        if (data.Child("resultJson") is not { } value)
        {
            return ResultRead.None;
        }

        if (value.ValueKind == JsonValueKind.Object)
        {
            return MarketResult(value);
        }

        var text = value.ValueKind == JsonValueKind.String ? value.GetString() : null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return ResultRead.None;
        }

        using var document = JsonDocument.Parse(text);
        return MarketResult(document.RootElement);
    }

    /// <summary>The family shapes <see cref="ResultHarvest"/> knows (<c>response.resultUrls</c>, <c>videoInfo.videoUrl</c>, <c>sunoData[].audioUrl</c>, …).</summary>
    public static ResultRead Harvest(JsonElement data) => ResultRead.Files(ResultHarvest.Urls(data));

    /// <summary>Suno music records (generate, covers, extends, add vocals / instrumental, mashup): <c>response.sunoData[]</c>, each song's audio.</summary>
    public static ResultRead Songs(JsonElement data) => SunoTracks.FromRecord(data);

    /// <summary>Lyrics record-info: <c>response.data[] {text, title, status}</c>; the finished texts, each under its title.</summary>
    public static ResultRead Lyrics(JsonElement data)
    {
        var texts = Items(data.Child("response")?.Child("data"))
            .Where(i => i.Text("status") is null or "complete" && i.Text("text") is not null)
            .Select(i => i.Text("title") is { } title ? title + "\n\n" + i.Text("text") : i.Text("text")!)
            .ToList();
        return new([], [], texts.Count == 0 ? null : string.Join("\n\n", texts));
    }

    /// <summary>WAV record-info: <c>response.audioWavUrl</c>.</summary>
    public static ResultRead Wav(JsonElement data) => ResultRead.Files(Links(data.Child("response"), "audioWavUrl"));

    /// <summary>Vocal-removal record-info: the stem URLs of <c>response</c> (null for stems the split did not make).</summary>
    public static ResultRead Stems(JsonElement data) => ResultRead.Files(Links(data.Child("response"), StemFields));

    /// <summary>MIDI record-info: <c>midiData {state, instruments[{name, notes[]}]}</c> as JSON.</summary>
    public static ResultRead Midi(JsonElement data) => new([], [], data.Child("midiData")?.GetRawText());

    /// <summary>Cover record-info: <c>response.images[]</c>.</summary>
    public static ResultRead CoverImages(JsonElement data) => ResultRead.Files(Links(data.Child("response"), "images"));

    /// <summary>4o Image download-url: <c>data</c> is the signed URL itself (valid 20 minutes).</summary>
    public static ResultRead DownloadUrl(JsonElement data) =>
        data.ValueKind == JsonValueKind.String && IsUrl(data.GetString()) ? ResultRead.Files([data.GetString()!]) : ResultRead.None;

    /// <summary>Veo's 1080p: <c>data.resultUrl</c>, the file once it is made.</summary>
    public static ResultRead ResultUrl(JsonElement data) =>
        data.ValueKind == JsonValueKind.Object && data.Text("resultUrl") is { } url && IsUrl(url) ? ResultRead.Files([url]) : ResultRead.None;

    /// <summary>Suno style boost: <c>data.result</c>, the style text.</summary>
    public static ResultRead Style(JsonElement data) => new([], [], data.Text("result"));

    /// <summary>An answer of ids and values (persona, Omni voice or character): <c>data</c> as JSON, with its <c>imageUrl</c> if any.</summary>
    public static ResultRead Data(JsonElement data) =>
        data.ValueKind == JsonValueKind.Object ? new(Links(data, "imageUrl"), [], data.GetRawText()) : ResultRead.None;

    private static ResultRead MarketResult(JsonElement result)
    {
        if (result.ValueKind != JsonValueKind.Object)
        {
            return ResultRead.None;
        }

        var text = result.Child("resultObject") is { } obj
            ? obj.ValueKind == JsonValueKind.String ? obj.GetString() : obj.GetRawText()
            : result.Text("resultText", "text");
        return new(Links(result, "resultUrls"), Links(result, "resultWaterMarkUrls"), text);
    }

    /// <summary>The http(s) URLs in the named fields of <paramref name="obj"/>, each a string or an array of strings.</summary>
    private static List<string> Links(JsonElement? obj, params string[] fields)
    {
        var urls = new List<string>();
        if (obj is not { ValueKind: JsonValueKind.Object } value)
        {
            return urls;
        }

        foreach (var field in fields)
        {
            switch (value.Child(field))
            {
                case { ValueKind: JsonValueKind.String } one when IsUrl(one.GetString()):
                    urls.Add(one.GetString()!);
                    break;
                case { ValueKind: JsonValueKind.Array } many:
                    urls.AddRange(many.EnumerateArray().Where(i => i.ValueKind == JsonValueKind.String && IsUrl(i.GetString())).Select(i => i.GetString()!));
                    break;
            }
        }

        return urls;
    }

    private static IEnumerable<JsonElement> Items(JsonElement? array) =>
        array is { ValueKind: JsonValueKind.Array } items ? items.EnumerateArray().Where(i => i.ValueKind == JsonValueKind.Object) : [];

    private static bool IsUrl(string? text) =>
        Uri.TryCreate(text, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);
}
