using KieBot.Storage;

namespace KieBot.Generations;

/// <summary>A worker keeping its leases alive while it works a pass's rows, so that only a dead worker's rows are taken over.</summary>
internal static class LeaseRenewal
{
    /// <summary>Renews <paramref name="holder"/>'s leases of <paramref name="ids"/> every <paramref name="every"/> until <paramref name="ct"/> ends the pass.</summary>
    public static async Task RunAsync(IGenerationStore store, string[] ids, TimeSpan lease, TimeSpan every, string holder, TimeProvider time, Action<Exception> failed, CancellationToken ct)
    {
        while (true)
        {
            try
            {
                await Task.Delay(every, time, ct).ConfigureAwait(false);
                await store.RenewAsync(ids, lease, holder, ct).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The database is away: the lease may run out and another host take the rows, which is safe (state moves are compare-and-set).
                failed(e);
            }
        }
    }
}
