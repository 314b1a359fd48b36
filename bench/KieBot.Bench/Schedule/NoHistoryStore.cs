using KieBot.Storage;

namespace KieBot.Bench.Schedule;

/// <summary>
/// The store as it is, except that it forgets how long tasks took: the tracker behaves as on a fresh install before any
/// kind has history (today's back-off, or a fixed pace), however many tasks of the run succeed.
/// </summary>
internal sealed class NoHistoryStore(IBotStore inner) : IBotStore
{
    public string Dialect => inner.Dialect;

    public string Description => inner.Description;

    public IUserStore Users => inner.Users;

    public IConversationStore Conversations => inner.Conversations;

    public IGenerationStore Generations => inner.Generations;

    public ILedger Ledger => inner.Ledger;

    public IPaymentStore Payments => inner.Payments;

    public IInvoiceStore Invoices => inner.Invoices;

    public IPromoCodeStore PromoCodes => inner.PromoCodes;

    public ITransferStore Transfers => inner.Transfers;

    public IUpdateLog Updates => inner.Updates;

    public IErrorLog Errors => inner.Errors;

    public ISettingsStore Settings => inner.Settings;

    public ITaskDurations Durations { get; } = new Forgetful();

    public IMeteredCallStore MeteredCalls => inner.MeteredCalls;

    public int TargetSchemaVersion => inner.TargetSchemaVersion;

    public Task<IReadOnlyList<int>> MigrateAsync(CancellationToken cancellationToken = default) => inner.MigrateAsync(cancellationToken);

    public Task<int> SchemaVersionAsync(CancellationToken cancellationToken = default) => inner.SchemaVersionAsync(cancellationToken);

    public Task<CleanupReport> CleanupAsync(CleanupPolicy policy, bool apply, CancellationToken cancellationToken = default) => inner.CleanupAsync(policy, apply, cancellationToken);

    public Task<BotStats> StatsAsync(CancellationToken cancellationToken = default) => inner.StatsAsync(cancellationToken);

    public Task<long> SizeAsync(CancellationToken cancellationToken = default) => inner.SizeAsync(cancellationToken);

    public ValueTask DisposeAsync() => inner.DisposeAsync();

    private sealed class Forgetful : ITaskDurations
    {
        public Task RecordAsync(string key, TimeSpan duration, CancellationToken cancellationToken = default) => Task.CompletedTask;

        public Task<TaskExpectation?> ReadAsync(string key, CancellationToken cancellationToken = default) => Task.FromResult<TaskExpectation?>(null);
    }
}
