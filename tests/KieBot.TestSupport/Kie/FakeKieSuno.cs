using System.Text.Json.Nodes;
using KieCatalog.Client;

namespace KieBot.TestSupport.Kie;

/// <summary>
/// Suno's music endpoints as KIE answers them (docs.kie.ai/suno-api: get music details, the generate / cover / extend /
/// add-vocals / add-instrumental / mashup callbacks): a record at <c>/api/v1/generate/record-info</c> whose status moves
/// PENDING → TEXT_SUCCESS → FIRST_SUCCESS → SUCCESS with <c>response.sunoData[]</c> (camelCase), and a callback per
/// stage (<c>text</c> with no songs, <c>first</c> with one, <c>complete</c> with both; snake_case), or <c>error</c> with
/// the failure's code (400 copyrighted lyrics, 413 the upload matches an existing work, 531 KIE refunded its credits).
/// Two songs per task.
/// </summary>
internal static class FakeKieSuno
{
    public const string StatusPath = "/api/v1/generate/record-info";

    /// <summary>The stages a music task passes, in order, and the one each step of the fake's state machine stands at.</summary>
    public static readonly string[] Stages = ["text", "first", "complete"];

    /// <summary>A music endpoint (its tasks are read at the generate record, in songs).</summary>
    public static bool IsMusic(KieEndpoint endpoint) => endpoint.StatusPath == StatusPath;

    /// <summary>The stage a task has reached at its step (0 none, 1 text, 2 first, 3 complete or its failure).</summary>
    public static int StageOf(FakeKieTask task) => task.Failure is not null && !task.Finished ? Math.Min(task.Step, 1) : task.Step;

    public static JsonObject Record(FakeKieTask task)
    {
        var stage = StageOf(task);
        var status = task.Finished && task.Failure is not null ? "GENERATE_AUDIO_FAILED" : stage switch
        {
            0 => "PENDING",
            1 => "TEXT_SUCCESS",
            2 => "FIRST_SUCCESS",
            _ => "SUCCESS",
        };
        var record = new JsonObject
        {
            ["taskId"] = task.Id,
            ["parentMusicId"] = string.Empty,
            ["param"] = task.ParamJson,
            ["response"] = new JsonObject { ["taskId"] = task.Id, ["sunoData"] = Songs(task, stage, camel: true) },
            ["status"] = status,
            ["type"] = "chirp-v4",
            ["errorCode"] = task.Finished && task.Failure is { } f && f.Code is "400" or "408" or "413" ? int.Parse(f.Code, System.Globalization.CultureInfo.InvariantCulture) : null,
            ["errorMessage"] = task.Finished && task.Failure is { } m ? m.Message : null,
        };
        if (OperationType(task) is { } operation)
        {
            record["operationType"] = operation;
        }

        return record;
    }

    /// <summary>The callback of stage <paramref name="stage"/> (1 text, 2 first, 3 complete), or the failure's.</summary>
    public static JsonObject Callback(FakeKieTask task, int stage)
    {
        if (task.Failure is { } failure && stage == 3)
        {
            var code = int.TryParse(failure.Code, out var c) ? c : 501;
            var empty = task.Endpoint.CreatePath == "/api/v1/generate" ? null : new JsonArray();
            return FakeKieWire.Envelope(code, failure.Message, new JsonObject { ["callbackType"] = "error", ["task_id"] = task.Id, ["data"] = empty });
        }

        var message = stage switch { 1 => "Text generation completed.", 2 => "First audio generated successfully.", _ => "All generated successfully." };
        return FakeKieWire.Envelope(200, message, new JsonObject { ["callbackType"] = Stages[stage - 1], ["task_id"] = task.Id, ["data"] = Songs(task, stage, camel: false) });
    }

    /// <summary>The songs a stage carries: none at text, the first at first, both when complete.</summary>
    private static JsonArray Songs(FakeKieTask task, int stage, bool camel)
    {
        var count = task.Failure is not null || stage < 2 ? 0 : stage == 2 ? 1 : 2;
        var request = task.Request;
        var songs = new JsonArray();
        for (var i = 0; i < count; i++)
        {
            var song = new JsonObject
            {
                ["id"] = $"{task.Id[..8]}-song-{i}",
                [camel ? "audioUrl" : "audio_url"] = task.ResultUrl($"{i}.mp3"),
                [camel ? "streamAudioUrl" : "stream_audio_url"] = task.ResultUrl($"stream-{i}"),
                [camel ? "imageUrl" : "image_url"] = task.ResultUrl($"cover-{i}.jpeg"),
                ["prompt"] = Lyrics(request),
                [camel ? "modelName" : "model_name"] = "chirp-v4",
                ["title"] = Text(request, "title") ?? "Fox in the Snow",
                ["tags"] = Text(request, "style") ?? Text(request, "tags") ?? "folk, acoustic",
                ["createTime"] = "2025-01-01 00:00:00",
                ["duration"] = i == 0 ? 198.44 : 228.28,
            };
            if (!camel && Text(request, "uploadUrl") is { } source)
            {
                // Upload cover and upload extend callbacks also name the uploaded original.
                song["source_audio_url"] = source;
                song["source_stream_audio_url"] = source;
                song["source_image_url"] = task.ResultUrl($"cover-{i}.jpeg");
            }

            songs.Add(song);
        }

        return songs;
    }

    /// <summary>What Suno sings: the lyrics given (custom mode, add vocals), its own for a described song, none for an instrumental.</summary>
    private static string Lyrics(JsonObject request)
    {
        var custom = request["customMode"]?.GetValue<bool>() ?? request["defaultParamFlag"]?.GetValue<bool>();
        var instrumental = request["instrumental"]?.GetValue<bool>() ?? false;
        if (instrumental || (custom is null && Text(request, "tags") is not null))
        {
            return string.Empty;
        }

        return custom == false ? "[Verse]\nSnow is falling, a red fox runs\n[Chorus]\nRun, run through the winter sun" : Text(request, "prompt") ?? string.Empty;
    }

    private static string? OperationType(FakeKieTask task) => task.Endpoint.CreatePath switch
    {
        "/api/v1/generate" => "generate",
        "/api/v1/generate/extend" => "extend",
        "/api/v1/generate/upload-cover" => "upload_cover",
        "/api/v1/generate/upload-extend" => "upload_extend",
        _ => null,
    };

    private static string? Text(JsonObject request, string name) =>
        request[name] is JsonValue value && value.TryGetValue<string>(out var text) && text.Length > 0 ? text : null;
}
