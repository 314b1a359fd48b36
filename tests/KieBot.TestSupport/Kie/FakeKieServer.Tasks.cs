using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using KieCatalog.Catalog;
using KieCatalog.Client;

namespace KieBot.TestSupport.Kie;

/// <summary>Task creation, status reads, endings and callbacks of the fake KIE server.</summary>
public sealed partial class FakeKieServer
{
    private (int, JsonObject) Create(KieEndpoint endpoint, string body)
    {
        JsonObject? root;
        try
        {
            root = JsonNode.Parse(body) as JsonObject;
        }
        catch (JsonException)
        {
            root = null;
        }

        if (root is null)
        {
            return (200, FakeKieWire.Envelope(422, "Invalid JSON", null));
        }

        var mode = FindMode(endpoint, root);
        if (mode is null)
        {
            return (200, FakeKieWire.Envelope(422, "The page does not exist or is not published", null));
        }

        var api = endpoint.Api;
        var input = api == ApiFamily.Jobs ? root["input"] as JsonObject : Flatten(root, mode);
        if (input is null)
        {
            return (200, FakeKieWire.Envelope(500, "This field is required", null));
        }

        // A file whose length or pixel size prices the mode is never sent with it: KIE measures the file. The fake
        // "measures" every such file as FileSeconds long, or as an image of SampleInputs.ImageSide pixels square.
        var measured = new JsonObject(input.Select(p => KeyValuePair.Create(p.Key, p.Value?.DeepClone())));
        if (mode.DurationParam is { SecondsKey: { } secondsKey } && input[mode.DurationParam.Name] is not null)
        {
            measured[secondsKey] = FileSeconds;
        }

        foreach (var image in mode.Params.Where(p => p is { SizePriced: true, WidthKey: not null, HeightKey: not null } && input[p.Name] is not null))
        {
            measured[image.WidthKey!] = SampleInputs.ImageSide;
            measured[image.HeightKey!] = SampleInputs.ImageSide;
        }

        // A setting KIE bills from the task continued (Grok extend: the parent's resolution) is KIE's own knowledge.
        foreach (var copy in mode.Params.Where(p => p.FromParent is not null))
        {
            if (mode.FollowUpParam is { } earlier && input[earlier.Name] is JsonValue named && Tasks.TryGetValue(named.ToString(), out var parent)
                && ((parent.Request["input"] as JsonObject ?? parent.Request)[copy.FromParent!] ?? JsonValue.Create(parent.Mode.FindParam(copy.FromParent!)?.DefaultValue)) is { } value)
            {
                measured[copy.Name] = value.DeepClone();
            }
        }

        using var document = JsonDocument.Parse(measured.ToJsonString());
        var typed = mode.ReadInput(document.RootElement, out var violations);
        var all = violations.Concat(typed.Validate()).ToList();
        if (all.Count > 0)
        {
            var missing = all.Any(v => v.Code == ViolationCode.Missing);
            return (200, FakeKieWire.Envelope(missing ? 500 : 422, missing ? "This field is required" : all[0].Message(), null));
        }

        var now = DateTimeOffset.UtcNow;
        if (EnforceRateLimit)
        {
            while (recentCreates.TryPeek(out var oldest) && now - oldest > TimeSpan.FromSeconds(10))
            {
                recentCreates.TryDequeue(out _);
            }

            if (recentCreates.Count >= 20)
            {
                return (429, FakeKieWire.Envelope(429, "Rate limited", null));
            }

            recentCreates.Enqueue(now);
        }

        var price = mode.Price.IsPriced ? typed.Price() : 0m;
        if (Balance < price)
        {
            return (200, FakeKieWire.Envelope(402, "Insufficient credits", null));
        }

        var number = Interlocked.Increment(ref sequence);
        var id = api == ApiFamily.Jobs
            ? $"task_{mode.KieModel.Split('/')[0]}_{1765180000000 + number}"
            : Convert.ToHexStringLower(BitConverter.GetBytes(number)) + "f54392584b05867f87b160672"[..16];
        (string Code, string Message)? failure = taskFailures.TryDequeue(out var f) ? f : null;
        if (endpoint.IsSynchronous && failure is { } refused)
        {
            // A synchronous endpoint keeps no failed record: KIE refuses the call (e.g. 422 "record status is not success").
            return (200, FakeKieWire.Envelope(int.TryParse(refused.Code, CultureInfo.InvariantCulture, out var code) ? code : 500, refused.Message, null));
        }

        var callbackUrl = root["callBackUrl"]?.GetValue<string>();
        if (endpoint.RequiresCallback && string.IsNullOrEmpty(callbackUrl))
        {
            // Suno's schemas list callBackUrl as required; KIE answers a missing required field with 500.
            return (200, FakeKieWire.Envelope(500, "This field is required", null));
        }

        // A Suno song task makes two tracks.
        var task = new FakeKieTask(id, mode, body, callbackUrl, price, now.ToUnixTimeMilliseconds(), failure, BaseUrl, FakeKieSuno.IsMusic(endpoint) ? 2 : ResultsPerTask);
        tasks[id] = task;
        if (endpoint.IsSynchronous)
        {
            // Answered at once with the result; the task is kept only so that its files can be fetched.
            Finish(task);
            return (200, FakeKieWire.Envelope(200, "success", FakeKieAnswers.Synchronous(task, root, Balance)));
        }

        return (200, FakeKieWire.Envelope(200, "success", FakeKieAnswers.Created(task)));
    }

    private (int, JsonObject) Read(string statusPath, string taskId)
    {
        if (!tasks.TryGetValue(taskId, out var task) || task.Endpoint.StatusPath != statusPath)
        {
            return (200, FakeKieWire.Envelope(422, "recordInfo is null", null));
        }

        int before;
        int after;
        lock (task)
        {
            before = task.Step;
            task.Step = task.Paused ? task.Step : Math.Min(3, task.Step + (3 / Math.Clamp(ReadsToFinish, 1, 3)));
            after = task.Step;
        }

        if (before < 3 && after == 3)
        {
            Settle(task);
        }

        if (after > before)
        {
            QueueCallbacks(task, before, after);
        }

        return (200, FakeKieWire.Envelope(200, "success", FakeKieWire.Record(task, DateTimeOffset.UtcNow.ToUnixTimeMilliseconds())));
    }

    /// <summary>Moves a task to its end; returns the step it was at (3 when it had ended already).</summary>
    private int Finish(FakeKieTask task)
    {
        int before;
        lock (task)
        {
            before = task.Step;
            if (task.Finished)
            {
                return before;
            }

            task.Step = 3;
        }

        Settle(task);
        return before;
    }

    private void Settle(FakeKieTask task)
    {
        task.CompleteTime = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        if (task.Succeeded)
        {
            lock (balanceGate)
            {
                balance -= task.Price;
            }
        }
    }
}
