using System.Text.Json;
using KieCatalog.Client.Wire;
using KieCatalog.Errors;

namespace KieCatalog.Client.Families;

/// <summary>Reads a status record or a callback body of any family into one <see cref="KieTask"/>.</summary>
internal static class TaskReader
{
    /// <summary>A status record's <c>data</c> object.</summary>
    public static KieTask FromRecord(FamilyProtocol protocol, JsonElement data, string taskId, KieOperation operation, string endpoint)
    {
        if (data.ValueKind != JsonValueKind.Object)
        {
            throw Envelope.Malformed(operation, endpoint, "data is not an object");
        }

        var decoded = protocol.Decode(data);
        var (urls, watermarks, text) = protocol.NestsInput
            ? MarketResult(data, operation, endpoint)
            : (ResultHarvest.Urls(data), (IReadOnlyList<string>)[], null);
        return Build(protocol, data, data.Text("taskId", "task_id") ?? taskId, decoded, urls, watermarks, text);
    }

    /// <summary>A callback body: the envelope with the family's <c>data</c>.</summary>
    public static KieTask FromCallback(FamilyProtocol protocol, JsonElement root, string endpoint)
    {
        const KieOperation operation = KieOperation.Callback;
        if (root.ValueKind != JsonValueKind.Object || root.Int("code") is not { } code)
        {
            throw Envelope.Malformed(operation, endpoint, "callback body has no code");
        }

        var data = root.Child("data") ?? default;
        var taskId = CallbackTaskId(root)
            ?? throw Envelope.Malformed(operation, endpoint, "callback body has no task id");

        if (protocol.NestsInput && data.ValueKind == JsonValueKind.Object && data.Text("state") is not null)
        {
            return FromRecord(protocol, data, taskId, operation, endpoint);
        }

        var message = root.Text("msg", "message");
        var stage = data.ValueKind == JsonValueKind.Object ? data.Text("callbackType") : null;
        DecodedState decoded = code switch
        {
            200 when stage is null or "complete" => new(KieTaskState.Success, "200", null, null),
            200 => new(KieTaskState.Generating, stage, null, null),
            _ => new(KieTaskState.Fail, code.ToString(System.Globalization.CultureInfo.InvariantCulture), code.ToString(System.Globalization.CultureInfo.InvariantCulture), message),
        };
        var urls = data.ValueKind == JsonValueKind.Undefined ? [] : ResultHarvest.Urls(data);
        return Build(protocol, data, taskId, decoded, urls, [], null);
    }

    /// <summary>The task id a callback names: <c>data.taskId</c>, <c>data.task_id</c> or a top-level <c>taskId</c>.</summary>
    public static string? CallbackTaskId(JsonElement root) =>
        root.ValueKind != JsonValueKind.Object
            ? null
            : (root.Child("data") is { ValueKind: JsonValueKind.Object } data ? data.Text("taskId", "task_id") : null) ?? root.Text("taskId", "task_id");

    private static KieTask Build(
        FamilyProtocol protocol,
        JsonElement data,
        string taskId,
        DecodedState decoded,
        IReadOnlyList<string> urls,
        IReadOnlyList<string> watermarks,
        string? text)
    {
        var state = decoded.State;
        var isObject = data.ValueKind == JsonValueKind.Object;
        return new KieTask
        {
            TaskId = taskId,
            Api = protocol.Api,
            State = state,
            RawState = decoded.Raw,
            Model = isObject ? data.Text("model") : null,
            ResultUrls = urls,
            WatermarkUrls = watermarks,
            ResultText = text,
            FailCode = state == KieTaskState.Fail ? decoded.FailCode : null,
            FailMessage = state == KieTaskState.Fail ? decoded.FailMessage : null,
            Error = state == KieTaskState.Fail ? KieErrorClassifier.FromTaskFailure(taskId, decoded.FailCode, decoded.FailMessage) : null,
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

    /// <summary>The <c>resultJson</c> string of a Market record: URLs, watermarked URLs and a text/structured result.</summary>
    private static (IReadOnlyList<string> Urls, IReadOnlyList<string> Watermarks, string? Text) MarketResult(JsonElement data, KieOperation operation, string endpoint)
    {
        var resultJson = data.Child("resultJson");
        if (resultJson is not { } value)
        {
            return ([], [], null);
        }

        if (value.ValueKind == JsonValueKind.Object)
        {
            return ReadResult(value);
        }

        var text = value.ValueKind == JsonValueKind.String ? value.GetString() : null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return ([], [], null);
        }

        try
        {
            using var document = JsonDocument.Parse(text);
            return ReadResult(document.RootElement);
        }
        catch (JsonException)
        {
            throw Envelope.Malformed(operation, endpoint, "resultJson is not JSON");
        }
    }

    private static (IReadOnlyList<string>, IReadOnlyList<string>, string?) ReadResult(JsonElement result)
    {
        if (result.ValueKind != JsonValueKind.Object)
        {
            return ([], [], null);
        }

        var urls = Strings(result.Child("resultUrls"));
        var watermarks = Strings(result.Child("resultWaterMarkUrls"));
        var text = result.Child("resultObject") is { } obj
            ? obj.ValueKind == JsonValueKind.String ? obj.GetString() : obj.GetRawText()
            : result.Text("resultText", "text");
        return (urls, watermarks, text);
    }

    private static List<string> Strings(JsonElement? array) =>
        array is { ValueKind: JsonValueKind.Array } items
            ? items.EnumerateArray().Where(i => i.ValueKind == JsonValueKind.String).Select(i => i.GetString()!).Where(s => s.Length > 0).ToList()
            : [];
}
