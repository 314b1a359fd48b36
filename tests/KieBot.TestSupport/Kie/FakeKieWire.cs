using System.Text.Json.Nodes;
using KieCatalog.Catalog;

namespace KieBot.TestSupport.Kie;

/// <summary>The fake server's answers in each family's real shape (reference kie-api.md §2–§4).</summary>
internal static class FakeKieWire
{
    public static JsonObject Envelope(int code, string message, JsonNode? data) => new() { ["code"] = code, ["msg"] = message, ["data"] = data };

    public static string MarketState(int step, bool failed) => step switch
    {
        0 => "waiting",
        1 => "queuing",
        2 => "generating",
        _ => failed ? "fail" : "success",
    };

    /// <summary>The status record's <c>data</c>.</summary>
    public static JsonObject Record(FakeKieTask task, long now) => FakeKieAnswers.Record(task) ?? (FakeKieSuno.IsMusic(task.Endpoint) ? FakeKieSuno.Record(task) : null) ?? task.Mode.Api switch
    {
        ApiFamily.Jobs => MarketRecord(task, now),
        ApiFamily.Runway => RunwayRecord(task),
        _ => FlagRecord(task),
    };

    /// <summary>The callback body POSTed when the task ends (a Suno music task's stages: <see cref="FakeKieSuno.Callback"/>).</summary>
    public static JsonObject Callback(FakeKieTask task, decimal remainedCredits)
    {
        if (task.Endpoint.CreatePath == "/api/v1/lyrics")
        {
            return FakeKieAnswers.LyricsCallback(task);
        }

        var failed = task.Failure is not null;
        var code = failed ? FailureCode(task) : 200;
        var message = failed ? task.Failure!.Value.Message : "success";
        JsonObject data = task.Mode.Api switch
        {
            ApiFamily.Jobs => failed
                ? new JsonObject
                {
                    ["taskId"] = task.Id, ["model"] = task.Mode.KieModel, ["state"] = "fail", ["failCode"] = task.Failure!.Value.Code,
                    ["failMsg"] = task.Failure.Value.Message, ["consumeCredits"] = 0, ["completeTime"] = task.CompleteTime,
                }
                : new JsonObject
                {
                    ["taskId"] = task.Id, ["model"] = task.Mode.KieModel, ["state"] = "success", ["param"] = task.ParamJson,
                    ["resultJson"] = MarketResultJson(task), ["consumeCredits"] = task.Price, ["remainedCredits"] = remainedCredits,
                    ["costTime"] = 8, ["completeTime"] = task.CompleteTime, ["createTime"] = task.CreateTime, ["updateTime"] = task.CompleteTime,
                },
            ApiFamily.Veo => new JsonObject
            {
                ["taskId"] = task.Id,
                ["info"] = failed ? null : new JsonObject { ["resultUrls"] = Urls(task), ["originUrls"] = new JsonArray(), ["resolution"] = "720p" },
                ["fallbackFlag"] = false,
            },
            ApiFamily.Gpt4oImage => new JsonObject { ["taskId"] = task.Id, ["info"] = failed ? null : new JsonObject { ["result_urls"] = Urls(task) } },
            ApiFamily.FluxKontext => new JsonObject
            {
                ["taskId"] = task.Id,
                ["info"] = new JsonObject { ["originImageUrl"] = string.Empty, ["resultImageUrl"] = failed ? string.Empty : task.ResultUrls.FirstOrDefault() ?? string.Empty },
            },
            ApiFamily.Runway => new JsonObject
            {
                ["task_id"] = task.Id, ["video_id"] = "v" + task.Id,
                ["video_url"] = failed ? string.Empty : task.ResultUrls.FirstOrDefault() ?? string.Empty, ["image_url"] = failed ? string.Empty : "https://file.aiquickdraw.com/cover.png",
            },
            ApiFamily.Suno => new JsonObject
            {
                ["callbackType"] = failed ? "error" : "complete", ["task_id"] = task.Id,
                ["data"] = failed ? null : new JsonArray(new JsonObject
                {
                    ["id"] = "song-" + task.Id, ["audio_url"] = task.ResultUrls.FirstOrDefault() ?? string.Empty, ["stream_audio_url"] = "https://mfile.erweima.ai/stream",
                    ["image_url"] = "https://file.aiquickdraw.com/cover.jpeg", ["model_name"] = "chirp-v5", ["title"] = "Fake", ["duration"] = 198.44,
                }),
            },
            _ => new JsonObject { ["taskId"] = task.Id, ["promptJson"] = task.ParamJson, ["resultUrls"] = failed ? null : Urls(task) },
        };
        return Envelope(code, message, data);
    }

    private static int FailureCode(FakeKieTask task) =>
        task.Mode.Api == ApiFamily.Jobs ? 501 : int.TryParse(task.Failure!.Value.Code, out var code) ? code : 501;

    private static JsonObject MarketRecord(FakeKieTask task, long now)
    {
        var failed = task.Failure is not null;
        return new JsonObject
        {
            ["taskId"] = task.Id,
            ["model"] = task.Mode.KieModel,
            ["state"] = MarketState(task.Step, failed),
            ["param"] = task.ParamJson,
            ["resultJson"] = task.Succeeded ? MarketResultJson(task) : string.Empty,
            ["failCode"] = task.Finished && failed ? task.Failure!.Value.Code : string.Empty,
            ["failMsg"] = task.Finished && failed ? task.Failure!.Value.Message : string.Empty,
            ["creditsConsumed"] = task.Succeeded ? task.Price : null,
            ["costTime"] = task.Finished ? 48213 : null,
            ["completeTime"] = task.CompleteTime,
            ["createTime"] = task.CreateTime,
            ["updateTime"] = now,
        };
    }

    private static string MarketResultJson(FakeKieTask task) => task.Mode.Output == OutputKind.Text
        ? new JsonObject { ["resultObject"] = new JsonObject { ["text"] = "fake transcript", ["language_code"] = "en" } }.ToJsonString()
        : new JsonObject { ["resultUrls"] = Urls(task) }.ToJsonString();

    private static JsonObject FlagRecord(FakeKieTask task)
    {
        var flag = !task.Finished ? 0 : task.Failure is null ? 1 : 3;
        JsonNode? response = task.Mode.Api switch
        {
            ApiFamily.FluxKontext => new JsonObject { ["originImageUrl"] = null, ["resultImageUrl"] = task.Succeeded ? task.ResultUrls[0] : null },
            ApiFamily.Aleph => new JsonObject { ["taskId"] = task.Id, ["resultVideoUrl"] = task.Succeeded ? task.ResultUrls[0] : null },
            ApiFamily.Midjourney => null,
            _ => new JsonObject { ["taskId"] = task.Id, ["resultUrls"] = Urls(task), ["originUrls"] = new JsonArray() },
        };
        var record = new JsonObject
        {
            ["taskId"] = task.Id,
            ["paramJson"] = task.ParamJson,
            ["completeTime"] = task.CompleteTime,
            ["response"] = response,
            ["successFlag"] = flag,
            ["errorCode"] = task.Finished && task.Failure is { } f ? int.TryParse(f.Code, out var c) ? c : 500 : null,
            ["errorMessage"] = task.Finished && task.Failure is { } m ? m.Message : null,
            ["createTime"] = task.CreateTime,
        };
        if (task.Mode.Api == ApiFamily.Midjourney)
        {
            var urls = new JsonArray(task.ResultUrls.Select(u => (JsonNode)new JsonObject { ["resultUrl"] = u }).ToArray());
            record["taskType"] = task.Mode.KieModel;
            record["resultInfoJson"] = new JsonObject { ["resultUrls"] = urls };
        }

        if (task.Mode.Api == ApiFamily.Gpt4oImage)
        {
            record["status"] = !task.Finished ? "GENERATING" : task.Failure is null ? "SUCCESS" : "GENERATE_FAILED";
            record["progress"] = task.Finished ? "1.00" : "0.50";
        }

        return record;
    }

    private static JsonObject RunwayRecord(FakeKieTask task)
    {
        var state = task.Step switch
        {
            0 => "wait",
            1 => "queueing",
            2 => "generating",
            _ => task.Failure is null ? "success" : "fail",
        };
        return new JsonObject
        {
            ["taskId"] = task.Id,
            ["parentTaskId"] = task.Request["taskId"]?.DeepClone() ?? string.Empty,
            ["state"] = state,
            ["generateTime"] = "2026-11-24 10:00:00",
            ["videoInfo"] = task.Succeeded
                ? new JsonObject { ["videoId"] = "v" + task.Id, ["taskId"] = task.Id, ["videoUrl"] = task.ResultUrls[0], ["imageUrl"] = "https://file.aiquickdraw.com/cover.png" }
                : null,
            ["failCode"] = task.Finished && task.Failure is { } f ? int.TryParse(f.Code, out var c) ? c : 400 : null,
            ["failMsg"] = task.Finished && task.Failure is { } m ? m.Message : string.Empty,
            ["expireFlag"] = 0,
        };
    }

    private static JsonArray Urls(FakeKieTask task) => new(task.ResultUrls.Select(u => (JsonNode)JsonValue.Create(u)).ToArray());
}
