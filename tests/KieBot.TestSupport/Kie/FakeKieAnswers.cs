using System.Text.Json.Nodes;

namespace KieBot.TestSupport.Kie;

/// <summary>
/// Create answers and the records of the endpoints off a family's usual one, in the shapes of KIE's pages (Suno lyrics,
/// WAV, vocal removal, MIDI, cover; Veo 4K; the synchronous style, persona, timestamped lyrics, 4o download link and
/// Gemini Omni answers). Values are the docs' examples; URLs point at the fake server so results can be fetched.
/// </summary>
internal static class FakeKieAnswers
{
    /// <summary>The create answer's <c>data</c>: the task id (Veo 4K adds its not-yet-made <c>resultUrls</c>/<c>imageUrls</c>).</summary>
    public static JsonObject Created(FakeKieTask task) => task.Endpoint.CreatePath == "/api/v1/veo/get-4k-video"
        ? new JsonObject { ["taskId"] = task.Id, ["resultUrls"] = null, ["imageUrls"] = null }
        : new JsonObject { ["taskId"] = task.Id };

    /// <summary>A synchronous endpoint's <c>data</c>.</summary>
    public static JsonNode Synchronous(FakeKieTask task, JsonObject request, decimal balance) => task.Endpoint.CreatePath switch
    {
        "/api/v1/gpt4o-image/download-url" => JsonValue.Create(
            task.ResultUrl("0.png") + "?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Date=20250415T101007Z&X-Amz-SignedHeaders=host&X-Amz-Expires=1200&X-Amz-Signature=122ae8bef09110e6")!,
        "/api/v1/style/generate" => new JsonObject
        {
            ["taskId"] = task.Id, ["param"] = task.ParamJson, ["result"] = "Pop, Mysterious, airy female vocals, shimmering synth pads, 100 BPM",
            ["creditsConsumed"] = 0, ["creditsRemaining"] = balance, ["successFlag"] = "1", ["errorCode"] = null, ["errorMessage"] = null,
        },
        "/api/v1/generate/generate-persona" => new JsonObject
        {
            ["personaId"] = "a1b2" + task.Id[..8] + "c3d4", ["name"] = request["name"]?.DeepClone(), ["description"] = request["description"]?.DeepClone(),
        },
        "/api/v1/generate/get-timestamped-lyrics" => new JsonObject
        {
            ["alignedWords"] = new JsonArray(
                new JsonObject { ["word"] = "[Verse]\nWaggin'", ["success"] = true, ["startS"] = 1.36, ["endS"] = 1.79, ["palign"] = 0 },
                new JsonObject { ["word"] = "my", ["success"] = true, ["startS"] = 1.8, ["endS"] = 2.05, ["palign"] = 0 },
                new JsonObject { ["word"] = "\nTail", ["success"] = true, ["startS"] = 62.5, ["endS"] = 63.1, ["palign"] = 0 }),
            ["waveformData"] = new JsonArray(0, 1, 0.5, 0.75),
            ["hootCer"] = 0.3803191489361702,
            ["isStreamed"] = false,
        },
        "/api/v1/omni/audio/create" => new JsonObject { ["kieAudioId"] = "a8f1c2d3e4f5" + task.Id[..8], ["name"] = request["name"]?.DeepClone() },
        "/api/v1/omni/character/create" => new JsonObject
        {
            ["characterId"] = "b09dbf56" + task.Id[..8], ["characterName"] = request["character_name"]?.DeepClone() ?? "Jenny", ["imageUrl"] = task.ResultUrl("character.png"),
        },
        var path => throw new InvalidOperationException("no synchronous answer for " + path),
    };

    /// <summary>The record of a task on an endpoint with its own record shape; null for the family's usual shape.</summary>
    public static JsonObject? Record(FakeKieTask task) => task.Endpoint.CreatePath switch
    {
        "/api/v1/lyrics" => Lyrics(task),
        "/api/v1/wav/generate" => Wav(task),
        "/api/v1/vocal-removal/generate" => Stems(task),
        "/api/v1/midi/generate" => Midi(task),
        "/api/v1/suno/cover/generate" => Cover(task),
        _ => null,
    };

    /// <summary>The lyrics callback: always stage <c>complete</c>, each version with its status (kie-api: generate lyrics callbacks).</summary>
    public static JsonObject LyricsCallback(FakeKieTask task)
    {
        var failed = task.Failure is { } f;
        var texts = failed
            ? new JsonArray(new JsonObject { ["text"] = string.Empty, ["title"] = string.Empty, ["status"] = "failed", ["errorMessage"] = task.Failure!.Value.Message })
            : Lyrics(task)["response"]!["data"]!.DeepClone().AsArray();
        var code = failed ? (int.TryParse(task.Failure!.Value.Code, out var c) ? c : 501) : 200;
        return FakeKieWire.Envelope(code, failed ? task.Failure!.Value.Message : "All generated successfully.", new JsonObject { ["callbackType"] = "complete", ["task_id"] = task.Id, ["data"] = texts });
    }

    private static JsonObject Lyrics(FakeKieTask task)
    {
        var texts = task.Succeeded
            ? new JsonArray(
                new JsonObject { ["text"] = "[Verse]\nCity lights are humming low", ["title"] = "Night City", ["status"] = "complete", ["errorMessage"] = string.Empty },
                new JsonObject { ["text"] = "[Verse]\nStreetlamps paint the quiet road", ["title"] = "Quiet Road", ["status"] = "complete", ["errorMessage"] = string.Empty })
            : new JsonArray();
        return new JsonObject
        {
            ["taskId"] = task.Id,
            ["param"] = task.ParamJson,
            ["response"] = new JsonObject { ["taskId"] = task.Id, ["data"] = texts },
            ["status"] = Status(task, "PENDING", "SUCCESS", "GENERATE_LYRICS_FAILED"),
            ["errorCode"] = ErrorCode(task),
            ["errorMessage"] = ErrorMessage(task),
        };
    }

    private static JsonObject Wav(FakeKieTask task) => new()
    {
        ["taskId"] = task.Id,
        ["musicId"] = task.Request["audioId"]?.DeepClone(),
        ["callbackUrl"] = task.CallbackUrl,
        ["musicIndex"] = 0,
        ["completeTime"] = task.Finished ? "2025-01-01 00:10:00" : null,
        ["response"] = task.Succeeded ? new JsonObject { ["audioWavUrl"] = task.ResultUrl("0.wav") } : null,
        ["successFlag"] = Status(task, "PENDING", "SUCCESS", "GENERATE_WAV_FAILED"),
        ["createTime"] = "2025-01-01 00:00:00",
        ["errorCode"] = ErrorCode(task),
        ["errorMessage"] = ErrorMessage(task),
    };

    private static JsonObject Stems(FakeKieTask task)
    {
        var split = task.Request["type"]?.GetValue<string>() == "split_stem";
        string[] made = split ? ["Vocals", "Backing_Vocals", "Drums", "Bass", "Guitar", "Keyboard", "Percussion", "Strings", "Synth", "FX", "Brass", "Woodwinds"] : ["Vocals", "Instrumental"];
        var response = new JsonObject
        {
            ["id"] = null,
            ["originUrl"] = null,
            ["originData"] = new JsonArray(made.Select(m => (JsonNode)new JsonObject
            {
                ["duration"] = 245.6, ["audio_url"] = "https://example001.mp3", ["stem_type_group_name"] = m, ["id"] = "3d7021c9-" + m,
            }).ToArray()),
        };
        string[][] fields =
        [
            ["vocalUrl", "Vocals"], ["instrumentalUrl", "Instrumental"], ["backingVocalsUrl", "Backing_Vocals"], ["drumsUrl", "Drums"], ["bassUrl", "Bass"],
            ["guitarUrl", "Guitar"], ["pianoUrl", "Piano"], ["keyboardUrl", "Keyboard"], ["percussionUrl", "Percussion"], ["stringsUrl", "Strings"],
            ["synthUrl", "Synth"], ["fxUrl", "FX"], ["brassUrl", "Brass"], ["woodwindsUrl", "Woodwinds"],
        ];
        foreach (var field in fields)
        {
            response[field[0]] = made.Contains(field[1]) ? task.ResultUrl(field[1] + ".mp3") : null;
        }

        return new JsonObject
        {
            ["taskId"] = task.Id,
            ["musicId"] = task.Request["audioId"]?.DeepClone(),
            ["callbackUrl"] = task.CallbackUrl,
            ["musicIndex"] = 0,
            ["completeTime"] = task.CompleteTime,
            ["response"] = task.Succeeded ? response : null,
            ["successFlag"] = Status(task, "PENDING", "SUCCESS", "GENERATE_AUDIO_FAILED"),
            ["createTime"] = task.CreateTime,
            ["errorCode"] = ErrorCode(task),
            ["errorMessage"] = ErrorMessage(task),
        };
    }

    private static JsonObject Midi(FakeKieTask task) => new()
    {
        ["taskId"] = task.Id,
        ["recordTaskId"] = -1,
        ["audioId"] = task.Request["audioId"]?.DeepClone(),
        ["callbackUrl"] = task.CallbackUrl,
        ["completeTime"] = task.CompleteTime,
        ["midiData"] = task.Succeeded
            ? new JsonObject
            {
                ["state"] = "complete",
                ["instruments"] = new JsonArray(
                    new JsonObject { ["name"] = "Drums", ["notes"] = new JsonArray(new JsonObject { ["pitch"] = 73, ["start"] = 0.036458333333333336, ["end"] = 0.18229166666666666, ["velocity"] = 1 }) },
                    new JsonObject { ["name"] = "Electric Bass (finger)", ["notes"] = new JsonArray(new JsonObject { ["pitch"] = 44, ["start"] = 7.6875, ["end"] = 7.911458333333333, ["velocity"] = 1 }) }),
            }
            : null,
        ["successFlag"] = !task.Finished ? 0 : task.Succeeded ? 1 : 3,
        ["createTime"] = task.CreateTime,
        ["errorCode"] = task.Finished && task.Failure is { } f ? f.Code : null,
        ["errorMessage"] = ErrorMessage(task),
    };

    /// <summary>Cover records count differently: 0 pending, 1 success, 2 generating, 3 failed.</summary>
    private static JsonObject Cover(FakeKieTask task) => new()
    {
        ["taskId"] = task.Id,
        ["parentTaskId"] = task.Request["taskId"]?.DeepClone(),
        ["callbackUrl"] = task.CallbackUrl,
        ["completeTime"] = task.Finished ? "2025-01-15T10:35:27.000Z" : null,
        ["response"] = task.Succeeded ? new JsonObject { ["images"] = new JsonArray(task.ResultUrl("cover0.png"), task.ResultUrl("cover1.png")) } : null,
        ["successFlag"] = task.Step switch { < 2 => 0, 2 => 2, _ => task.Succeeded ? 1 : 3 },
        ["createTime"] = "2025-01-15T10:33:01.000Z",
        ["errorCode"] = task.Finished && task.Failure is { } f ? int.TryParse(f.Code, out var c) ? c : 500 : 200,
        ["errorMessage"] = ErrorMessage(task) ?? string.Empty,
    };

    private static string Status(FakeKieTask task, string pending, string success, string failed) =>
        !task.Finished ? pending : task.Succeeded ? success : failed;

    private static JsonNode? ErrorCode(FakeKieTask task) =>
        task.Finished && task.Failure is { } f ? int.TryParse(f.Code, out var c) ? c : 500 : null;

    private static string? ErrorMessage(FakeKieTask task) => task.Finished && task.Failure is { } f ? f.Message : null;
}
