using System.Text.Json;
using KieCatalog.Client.Wire;
using KieCatalog.Errors;

namespace KieCatalog.Client.Families;

/// <summary>Reads a status record or a callback body of any family into one <see cref="KieTask"/>.</summary>
internal static class TaskReader
{
    /// <summary>A status record's <c>data</c> object.</summary>
    public static KieTask FromRecord(KieEndpoint endpoint, JsonElement data, string taskId, KieOperation operation, string path)
    {
        if (data.ValueKind != JsonValueKind.Object)
        {
            throw Envelope.Malformed(operation, path, "data is not an object");
        }

        var decoded = endpoint.Decode(data);
        var result = ReadResult(endpoint, data, operation, path);
        return Build(endpoint, data, data.Text("taskId", "task_id") ?? taskId, decoded, result);
    }

    /// <summary>
    /// The answer of a synchronous endpoint, or a create answer that already carries its result (Veo's 4K video when
    /// it was made before): a finished task. A synchronous answer without a task id gets a fresh <c>sync_</c> one.
    /// </summary>
    public static KieTask? FromAnswer(KieEndpoint endpoint, JsonElement data, string path)
    {
        const KieOperation operation = KieOperation.CreateTask;
        var result = ReadResult(endpoint, data, operation, path);
        if (!endpoint.IsSynchronous && result.Urls.Count == 0)
        {
            return null;
        }

        if (endpoint.IsSynchronous && result.Urls.Count == 0 && result.Text is null)
        {
            throw Envelope.Malformed(operation, path, "the answer carries no result");
        }

        var taskId = (data.ValueKind == JsonValueKind.Object ? data.Text("taskId", "task_id") : null) ?? "sync_" + Guid.NewGuid().ToString("N");
        var task = Build(endpoint, data, taskId, new(KieTaskState.Success, "200", null, null), result);
        return task with { CompletedAt = task.CompletedAt ?? DateTimeOffset.UtcNow, CreditsRemaining = task.CreditsRemaining ?? Decimal(data, "creditsRemaining") };
    }

    /// <summary>A callback body: the envelope with the family's <c>data</c>.</summary>
    public static KieTask FromCallback(KieEndpoint endpoint, JsonElement root, string path)
    {
        const KieOperation operation = KieOperation.Callback;
        if (root.ValueKind != JsonValueKind.Object || root.Int("code") is not { } code)
        {
            throw Envelope.Malformed(operation, path, "callback body has no code");
        }

        var data = root.Child("data") ?? default;
        var taskId = CallbackTaskId(root)
            ?? throw Envelope.Malformed(operation, path, "callback body has no task id");

        if (endpoint.NestsInput && data.ValueKind == JsonValueKind.Object && data.Text("state") is not null)
        {
            return FromRecord(endpoint, data, taskId, operation, path);
        }

        var message = root.Text("msg", "message");
        var stage = data.ValueKind == JsonValueKind.Object ? data.Text("callbackType") : null;
        var codeText = code.ToString(System.Globalization.CultureInfo.InvariantCulture);
        DecodedState decoded = code switch
        {
            200 when stage is null or "complete" => new(KieTaskState.Success, "200", null, null),
            200 => new(KieTaskState.Generating, stage, null, null),
            _ => new(KieTaskState.Fail, codeText, codeText, message),
        };
        var urls = data.ValueKind == JsonValueKind.Undefined ? [] : ResultHarvest.Urls(data);
        var tracks = endpoint.Api == Catalog.ApiFamily.Suno && data.ValueKind == JsonValueKind.Object ? SunoTracks.FromCallback(data) : [];
        return Build(endpoint, data, taskId, decoded, ResultRead.Files(urls) with { Tracks = tracks });
    }

    /// <summary>The task id a callback names: <c>data.taskId</c>, <c>data.task_id</c> or a top-level <c>taskId</c>.</summary>
    public static string? CallbackTaskId(JsonElement root) =>
        root.ValueKind != JsonValueKind.Object
            ? null
            : (root.Child("data") is { ValueKind: JsonValueKind.Object } data ? data.Text("taskId", "task_id") : null) ?? root.Text("taskId", "task_id");

    private static KieTask Build(KieEndpoint endpoint, JsonElement data, string taskId, DecodedState decoded, ResultRead result)
    {
        var state = decoded.State;
        var isObject = data.ValueKind == JsonValueKind.Object;
        return new KieTask
        {
            TaskId = taskId,
            Api = endpoint.Api,
            CreatePath = endpoint.CreatePath,
            State = state,
            RawState = decoded.Raw,
            Model = isObject ? data.Text("model") : null,
            ResultUrls = result.Urls,
            WatermarkUrls = result.Watermarks,
            ResultText = result.Text,
            Tracks = result.Tracks,
            FailCode = state == KieTaskState.Fail ? decoded.FailCode : null,
            FailMessage = state == KieTaskState.Fail ? decoded.FailMessage : null,
            Error = state == KieTaskState.Fail ? KieErrorClassifier.FromTaskFailure(taskId, decoded.FailCode, decoded.FailMessage, endpoint.Api) : null,
            CreditsConsumed = isObject ? data.Decimal("creditsConsumed", "consumeCredits") : null,
            CreditsRemaining = isObject ? data.Decimal("remainedCredits") : null,
            Progress = isObject ? Progress(data) : null,
            CreatedAt = isObject ? data.UnixMs("createTime") : null,
            UpdatedAt = isObject ? data.UnixMs("updateTime") : null,
            CompletedAt = isObject ? data.UnixMs("completeTime") : null,
        };
    }

    /// <summary>0–100 (Market, Sora) or "0.00"–"1.00" (4o Image).</summary>
    private static int? Progress(JsonElement data) => data.Decimal("progress") switch
    {
        null => null,
        <= 1m and var fraction when data.Text("progress")!.Contains('.') => (int)Math.Round(fraction * 100m),
        var percent => (int)Math.Clamp(percent.Value, 0m, 100m),
    };

    private static ResultRead ReadResult(KieEndpoint endpoint, JsonElement data, KieOperation operation, string path)
    {
        try
        {
            return endpoint.Read(data);
        }
        catch (JsonException)
        {
            throw Envelope.Malformed(operation, path, "an embedded result is not JSON");
        }
    }

    private static decimal? Decimal(JsonElement data, string name) => data.ValueKind == JsonValueKind.Object ? data.Decimal(name) : null;
}
