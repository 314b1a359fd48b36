using System.Text.Json;
using KieBot.Storage;

namespace KieBot.Ops;

/// <summary>What <c>cleanup</c> did: the counts and the database size before and after.</summary>
public sealed record CleanupResult(CleanupReport Removed, long SizeBefore, long SizeAfter);

/// <summary>
/// <c>cleanup</c>: removes idle conversations, finished generations, dry runs (with their zero-sum ledger rows),
/// processed update ids and old error events past retention, never a real ledger row; <c>--dry-run</c> only counts.
/// </summary>
public static class CleanupCommand
{
    public static async Task<CleanupResult> RunAsync(IBotStore store, CleanupPolicy policy, bool apply, CancellationToken ct)
    {
        var before = await store.SizeAsync(ct).ConfigureAwait(false);
        var removed = await store.CleanupAsync(policy, apply, ct).ConfigureAwait(false);
        var after = await store.SizeAsync(ct).ConfigureAwait(false);
        return new CleanupResult(removed, before, after);
    }

    public static async Task<int> RunAsync(StorageOptions storage, bool apply, bool json, TextWriter output, CancellationToken ct = default)
    {
        await using var store = BotStores.Open(storage);
        var result = await RunAsync(store, new CleanupPolicy(), apply, ct).ConfigureAwait(false);
        if (json)
        {
            await output.WriteLineAsync(JsonSerializer.Serialize(result, OpsJson.Default.CleanupResult)).ConfigureAwait(false);
            return 0;
        }

        var r = result.Removed;
        await output.WriteLineAsync(r.Applied ? "Removed:" : "Would remove (--dry-run, nothing deleted):").ConfigureAwait(false);
        await output.WriteLineAsync($"  idle conversations      {r.Conversations}\n  finished generations    {r.Generations}\n  dry-run generations     {r.DryRunGenerations}\n  dry-run ledger rows     {r.DryRunLedgerRows}\n  processed update ids    {r.ProcessedUpdates}\n  error events            {r.ErrorEvents}\n  metered chat calls      {r.MeteredCalls}").ConfigureAwait(false);
        await output.WriteLineAsync($"Database size: {result.SizeBefore / 1024} KiB before, {result.SizeAfter / 1024} KiB after").ConfigureAwait(false);
        return 0;
    }
}
