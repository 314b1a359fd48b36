using System.Globalization;
using System.Text;
using KieCatalog.Client;

namespace KieBot.TestSupport.Kie;

/// <summary>The callbacks of the fake KIE server: posted as tasks move (by status reads, or by the test), in order per task.</summary>
public sealed partial class FakeKieServer
{
    /// <summary>Moves a task to its end and delivers its callbacks (when it has a callback URL; a Suno song's remaining stages in order).</summary>
    public async Task CompleteAsync(string taskId)
    {
        var task = tasks[taskId];
        var before = Finish(task);
        await QueueCallbacks(task, before, 3).ConfigureAwait(false);
    }

    /// <summary>Moves a task one step on (a Suno song to its next stage) and delivers that step's callback, as KIE would without being asked.</summary>
    public async Task AdvanceAsync(string taskId)
    {
        var task = tasks[taskId];
        int before;
        lock (task)
        {
            before = task.Step;
            task.Step = Math.Min(3, task.Step + 1);
        }

        if (before < 3 && task.Finished)
        {
            Settle(task);
        }

        await QueueCallbacks(task, before, task.Step).ConfigureAwait(false);
    }

    /// <summary>Waits for callbacks started by status reads.</summary>
    public async Task DrainCallbacksAsync()
    {
        Task[] pending;
        lock (deliveries)
        {
            pending = [.. deliveries];
        }

        await Task.WhenAll(pending).ConfigureAwait(false);
    }

    /// <summary>
    /// Posts the callbacks of the steps a task moved through, after any it posted before (a task's callbacks arrive in
    /// order): one when it ends, or for a Suno music task one per stage reached (<see cref="FakeKieSuno"/>).
    /// </summary>
    private Task QueueCallbacks(FakeKieTask task, int from, int to)
    {
        lock (deliveries)
        {
            var previous = callbackChains.GetValueOrDefault(task.Id) ?? Task.CompletedTask;
            var next = DeliverAfterAsync(previous, task, from, to);
            callbackChains[task.Id] = next;
            deliveries.Add(next);
            return next;
        }
    }

    private async Task DeliverAfterAsync(Task previous, FakeKieTask task, int from, int to)
    {
        await previous.ConfigureAwait(false);
        if (task.CallbackUrl is not { } url)
        {
            return;
        }

        if (!FakeKieSuno.IsMusic(task.Endpoint))
        {
            if (from < 3 && to == 3)
            {
                await PostCallbackAsync(url, task.Id, FakeKieWire.Callback(task, Balance).ToJsonString()).ConfigureAwait(false);
            }

            return;
        }

        for (var stage = from + 1; stage <= to; stage++)
        {
            // A failing song reports its text, then its failure; it never reaches a first track.
            if (task.Failure is null || stage != 2)
            {
                await PostCallbackAsync(url, task.Id, FakeKieSuno.Callback(task, stage).ToJsonString()).ConfigureAwait(false);
            }
        }
    }

    private async Task PostCallbackAsync(string url, string taskId, string body)
    {
        for (var copy = 0; copy < (DuplicateCallbacks ? 2 : 1); copy++)
        {
            // KIE tries up to three times, then gives up.
            for (var attempt = 0; attempt < 3; attempt++)
            {
                using var message = new HttpRequestMessage(HttpMethod.Post, url) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
                if (WebhookHmacKey is { } key)
                {
                    var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
                    message.Headers.Add(KieCallbackParser.TimestampHeader, timestamp.ToString(CultureInfo.InvariantCulture));
                    message.Headers.Add(KieCallbackParser.SignatureHeader, KieCallbackParser.Sign(key, taskId, timestamp));
                }

                try
                {
                    using var response = await callbackClient.SendAsync(message).ConfigureAwait(false);
                    if (response.IsSuccessStatusCode)
                    {
                        break;
                    }
                }
                catch (HttpRequestException)
                {
                    // Counted as a failed delivery, like KIE does.
                }
            }
        }
    }
}
