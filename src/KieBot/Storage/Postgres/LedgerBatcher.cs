using System.Threading.Channels;
using Dapper;
using KieBot.Storage.Sql;

namespace KieBot.Storage.Postgres;

/// <summary>One ledger write waiting for its batch.</summary>
internal sealed record LedgerCall(string Op, string Key, long User, string Kind, long Amount, long Available, long Reserved, string? Reason, string? Note, bool DryRun, string? Reservation)
{
    public TaskCompletionSource<LedgerCallResult> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public CancellationToken Cancellation { get; init; }
}

/// <summary>The function's answer for one call: its outcome and its ledger row (none for a missing reservation).</summary>
internal sealed class LedgerCallResult : SqlLedgerRow
{
    public int Ord { get; set; }

    public string Outcome { get; set; } = string.Empty;
}

/// <summary>
/// Group commit for the ledger: one writer loop takes every call that is waiting and writes them with one
/// <c>ledger_batch</c> call (one transaction, one commit). A call that arrives while a batch is being written waits
/// only for that batch. If a batch fails, its calls are retried one by one so that only the faulty call fails.
/// </summary>
internal sealed class LedgerBatcher : IAsyncDisposable
{
    private const int MaxBatch = 512;
    private const string Sql =
        "SELECT b.ord, b.outcome, (b.entry).* FROM ledger_batch(@ops, @keys, @users, @kinds, @amounts, @available, @reserved, @reasons, @notes, @dry, @reservations, @now) b ORDER BY b.ord";

    private readonly SqlDatabase db;
    private readonly Channel<LedgerCall> calls = Channel.CreateUnbounded<LedgerCall>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Task writer;

    public LedgerBatcher(SqlDatabase db)
    {
        this.db = db;
        writer = Task.Run(WriteLoopAsync);
    }

    public Task<LedgerCallResult> SubmitAsync(LedgerCall call)
    {
        if (!calls.Writer.TryWrite(call))
        {
            throw new ObjectDisposedException(nameof(LedgerBatcher));
        }

        return call.Done.Task;
    }

    public async ValueTask DisposeAsync()
    {
        calls.Writer.TryComplete();
        await writer.ConfigureAwait(false);
    }

    private async Task WriteLoopAsync()
    {
        var batch = new List<LedgerCall>(MaxBatch);
        while (await calls.Reader.WaitToReadAsync().ConfigureAwait(false))
        {
            batch.Clear();
            while (batch.Count < MaxBatch && calls.Reader.TryRead(out var call))
            {
                if (call.Cancellation.IsCancellationRequested)
                {
                    call.Done.TrySetCanceled(call.Cancellation);
                }
                else
                {
                    batch.Add(call);
                }
            }

            if (batch.Count == 0)
            {
                continue;
            }

            try
            {
                Complete(batch, await WriteAsync(batch).ConfigureAwait(false));
            }
            catch (Exception) when (batch.Count > 1)
            {
                foreach (var call in batch)
                {
                    await WriteAloneAsync(call).ConfigureAwait(false);
                }
            }
            catch (Exception e)
            {
                batch[0].Done.TrySetException(e);
            }
        }
    }

    private async Task WriteAloneAsync(LedgerCall call)
    {
        try
        {
            Complete([call], await WriteAsync([call]).ConfigureAwait(false));
        }
        catch (Exception e)
        {
            call.Done.TrySetException(e);
        }
    }

    private static void Complete(List<LedgerCall> batch, List<LedgerCallResult> results)
    {
        if (results.Count != batch.Count)
        {
            throw new InvalidOperationException($"ledger_batch answered {results.Count} rows for {batch.Count} calls.");
        }

        for (var i = 0; i < batch.Count; i++)
        {
            batch[i].Done.TrySetResult(results[i]);
        }
    }

    private Task<List<LedgerCallResult>> WriteAsync(List<LedgerCall> batch) =>
        db.ReadAsync(
            async c => (await c.QueryAsync<LedgerCallResult>(new CommandDefinition(
                Sql,
                new
                {
                    ops = batch.Select(b => b.Op).ToArray(),
                    keys = batch.Select(b => b.Key).ToArray(),
                    users = batch.Select(b => b.User).ToArray(),
                    kinds = batch.Select(b => b.Kind).ToArray(),
                    amounts = batch.Select(b => b.Amount).ToArray(),
                    available = batch.Select(b => b.Available).ToArray(),
                    reserved = batch.Select(b => b.Reserved).ToArray(),
                    reasons = batch.Select(b => b.Reason).ToArray(),
                    notes = batch.Select(b => b.Note).ToArray(),
                    dry = batch.Select(b => b.DryRun).ToArray(),
                    reservations = batch.Select(b => b.Reservation).ToArray(),
                    now = db.Now(),
                })).ConfigureAwait(false)).ToList(),
            CancellationToken.None);
}
