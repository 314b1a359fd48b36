using KieBot.Storage;
using Microsoft.Extensions.Logging;

namespace KieBot.Generations;

/// <summary>
/// Finishes the metered calls a stop or a crash left half done, once each: an answered call (its answer and price are
/// kept) is captured, a call that never got its answer within <see cref="StaleAfter"/> is refunded. Runs at start-up and
/// then every <see cref="Every"/>; the ledger's keys make a second host's sweep of the same row change nothing.
/// </summary>
public sealed partial class MeteredCallSweeper(IBotStore store, TimeProvider time, ILogger<MeteredCallSweeper> logger)
{
    /// <summary>A started call older than this died before KIE answered (a stream the client gives up on ends far sooner).</summary>
    public TimeSpan StaleAfter { get; init; } = TimeSpan.FromMinutes(10);

    public TimeSpan Every { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>One sweep; returns how many calls it settled or refunded.</summary>
    public async Task<int> SweepOnceAsync(CancellationToken ct)
    {
        var due = await store.MeteredCalls.ListUnsettledAsync(time.GetUtcNow() - StaleAfter, 100, ct).ConfigureAwait(false);
        foreach (var call in due)
        {
            if (call.State == MeteredCallState.Answered)
            {
                await store.MeteredCalls.SettleAsync(call.Id, ct).ConfigureAwait(false);
            }
            else
            {
                await store.MeteredCalls.RefundAsync(call.Id, call.Error ?? "stopped before KIE answered", ct).ConfigureAwait(false);
            }
        }

        return due.Count;
    }

    public async Task RunAsync(CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            try
            {
                await SweepOnceAsync(ct).ConfigureAwait(false);
                await Task.Delay(Every, time, ct).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogSweepFailed(e.Message);
                try
                {
                    await Task.Delay(Every, time, ct).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Metered call sweep failed: {Reason}")]
    private partial void LogSweepFailed(string reason);
}
