using System.Text.Json;
using KieCatalog.Client.Wire;

namespace KieCatalog.Client.Families;

/// <summary>Each family's status encoding, mapped onto <see cref="KieTaskState"/>. Unknown values stay non-terminal (<see cref="KieTaskState.Other"/>, or generating where a family names its stages freely).</summary>
internal static class StateDecoders
{
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

    /// <summary><c>successFlag</c>: 0 generating, 1 success, 2 create failed, 3 generation failed, 4 callback failed (result exists).</summary>
    public static DecodedState SuccessFlag(JsonElement data)
    {
        var raw = data.Text("successFlag");
        var state = raw?.ToUpperInvariant() switch
        {
            "1" or "4" or "SUCCESS" => KieTaskState.Success,
            "2" or "3" or "CREATE_TASK_FAILED" or "GENERATE_FAILED" => KieTaskState.Fail,
            "0" or "GENERATING" or null => KieTaskState.Generating,
            _ => KieTaskState.Other,
        };
        return new(state, raw, data.Text("errorCode"), data.Text("errorMessage"));
    }

    /// <summary>Suno's <c>status</c> strings.</summary>
    public static DecodedState Suno(JsonElement data)
    {
        var raw = data.Text("status");
        var state = raw switch
        {
            "PENDING" => KieTaskState.Queuing,
            "SUCCESS" => KieTaskState.Success,
            "CREATE_TASK_FAILED" or "GENERATE_AUDIO_FAILED" or "CALLBACK_EXCEPTION" or "SENSITIVE_WORD_ERROR" => KieTaskState.Fail,
            _ => KieTaskState.Generating,
        };
        var failCode = data.Text("errorCode") ?? (state == KieTaskState.Fail ? raw : null);
        return new(state, raw, failCode, data.Text("errorMessage"));
    }
}
