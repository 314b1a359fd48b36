using System.Text.Json;
using KieCatalog.Client.Wire;

namespace KieCatalog.Client.Families;

/// <summary>The decoded status of a task record: the common state, the raw text and the failure fields.</summary>
internal readonly record struct DecodedState(KieTaskState State, string? Raw, string? FailCode, string? FailMessage);

/// <summary>Each family's status encoding, mapped onto <see cref="KieTaskState"/>. Unknown values stay non-terminal (<see cref="KieTaskState.Other"/>, or generating where a family names its stages freely).</summary>
internal static class StateDecoders
{
    /// <summary>Veo's 1080p: a <c>resultUrl</c> is the file made; an answer without one is still being made.</summary>
    public static DecodedState ReadyUrl(JsonElement data) =>
        data.ValueKind == JsonValueKind.Object && data.Text("resultUrl") is not null
            ? new(KieTaskState.Success, "ready", null, null)
            : new(KieTaskState.Generating, "making", null, null);

    /// <summary>Market jobs (<c>waiting|queuing|generating|success|fail</c>) and Runway (<c>wait|queueing|…</c>).</summary>
    public static DecodedState Market(JsonElement data)
    {
        var raw = data.Text("state");
        var state = raw?.ToLowerInvariant() switch
        {
            "waiting" or "wait" => KieTaskState.Waiting,
            "queuing" or "queueing" => KieTaskState.Queuing,
            "generating" or "running" or "processing" or null => KieTaskState.Generating,
            "success" => KieTaskState.Success,
            "fail" or "failed" => KieTaskState.Fail,
            _ => KieTaskState.Other,
        };
        return new(state, raw, data.Text("failCode"), data.Text("failMsg", "failMessage"));
    }

    /// <summary>
    /// <c>successFlag</c>: 0 generating, 1 success, 2 create failed, 3 generation failed, 4 callback failed (result exists);
    /// Suno's WAV and vocal-removal records spell it as text (<c>PENDING</c>, <c>SUCCESS</c>, <c>GENERATE_WAV_FAILED</c>, …).
    /// </summary>
    public static DecodedState SuccessFlag(JsonElement data)
    {
        var raw = data.Text("successFlag");
        var state = raw?.ToUpperInvariant() switch
        {
            "1" or "4" or "SUCCESS" => KieTaskState.Success,
            "2" or "3" => KieTaskState.Fail,
            { } text when IsFailure(text) => KieTaskState.Fail,
            "PENDING" => KieTaskState.Queuing,
            "0" or "GENERATING" or null => KieTaskState.Generating,
            _ => KieTaskState.Other,
        };
        return new(state, raw, data.Text("errorCode"), data.Text("errorMessage"));
    }

    /// <summary>Suno cover records: <c>successFlag</c> 0 pending, 1 success, 2 generating, 3 generation failed.</summary>
    public static DecodedState CoverFlag(JsonElement data)
    {
        var raw = data.Text("successFlag");
        var state = raw switch
        {
            "0" => KieTaskState.Queuing,
            "1" => KieTaskState.Success,
            "2" or null => KieTaskState.Generating,
            "3" => KieTaskState.Fail,
            _ => KieTaskState.Other,
        };
        return new(state, raw, data.Text("errorCode"), data.Text("errorMessage"));
    }

    /// <summary>Suno's <c>status</c> strings (music and lyrics: <c>GENERATE_AUDIO_FAILED</c>, <c>GENERATE_LYRICS_FAILED</c>, …).</summary>
    public static DecodedState Suno(JsonElement data)
    {
        var raw = data.Text("status");
        var state = raw switch
        {
            "PENDING" => KieTaskState.Queuing,
            "SUCCESS" => KieTaskState.Success,
            { } text when IsFailure(text) => KieTaskState.Fail,
            _ => KieTaskState.Generating,
        };
        var failCode = data.Text("errorCode") ?? (state == KieTaskState.Fail ? raw : null);
        return new(state, raw, failCode, data.Text("errorMessage"));
    }

    /// <summary>The failure names KIE's status strings use: <c>…_FAILED</c>, <c>CALLBACK_EXCEPTION</c>, <c>SENSITIVE_WORD_ERROR</c>.</summary>
    private static bool IsFailure(string status) =>
        status.EndsWith("_FAILED", StringComparison.OrdinalIgnoreCase)
        || status.Equals("CALLBACK_EXCEPTION", StringComparison.OrdinalIgnoreCase)
        || status.Equals("SENSITIVE_WORD_ERROR", StringComparison.OrdinalIgnoreCase);
}
