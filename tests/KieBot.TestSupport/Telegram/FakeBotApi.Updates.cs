using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using KieBot.TestSupport.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace KieBot.TestSupport.Telegram;

/// <summary>The fake's update queue: what <c>getUpdates</c> hands out, in update-id order as Telegram does.</summary>
public sealed partial class FakeBotApi
{
    private readonly ConcurrentQueue<JsonObject> pending = new();
    private readonly Lock ordering = new();
    private readonly HashSet<long> queuedIds = [];
    private long highestQueued;

    /// <summary>
    /// Queues an update for <c>getUpdates</c>. Telegram hands updates out in the order of their ids; an update built
    /// before another but queued after it (two chats at once) is given a fresh id, as Telegram would have numbered it.
    /// The same update queued again (a re-delivery) keeps its id.
    /// </summary>
    public void Enqueue(JsonObject update)
    {
        lock (ordering)
        {
            var id = update["update_id"]!.GetValue<long>();
            if (!queuedIds.Contains(id) && id < highestQueued)
            {
                id = Updates.NextId();
                update["update_id"] = id;
            }

            queuedIds.Add(id);
            highestQueued = Math.Max(highestQueued, id);
            pending.Enqueue(update);
        }

        arrived.Release();
    }

    private async Task<JsonArray> TakeUpdatesAsync(JsonObject parameters, CancellationToken ct)
    {
        var timeout = parameters["timeout"] is { } t ? int.Parse(t.ToString(), System.Globalization.CultureInfo.InvariantCulture) : 0;
        if (pending.IsEmpty)
        {
            try
            {
                await arrived.WaitAsync(TimeSpan.FromSeconds(Math.Min(timeout, 2)), ct).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return [];
            }
        }

        var batch = new JsonArray();
        while (batch.Count < 100 && pending.TryDequeue(out var update))
        {
            batch.Add(update);
        }

        return batch;
    }
}
