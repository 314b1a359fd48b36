namespace KieBot.Storage;

/// <summary>All of the bot's state, in PostgreSQL or in an embedded SQLite file.</summary>
public interface IBotStore : IAsyncDisposable
{
    /// <summary>"postgres" or "sqlite".</summary>
    string Dialect { get; }

    /// <summary>Where the data lives, without secrets (host/port/database or file path).</summary>
    string Description { get; }

    IUserStore Users { get; }

    IConversationStore Conversations { get; }

    IGenerationStore Generations { get; }

    ILedger Ledger { get; }

    IPaymentStore Payments { get; }

    IInvoiceStore Invoices { get; }

    IPromoCodeStore PromoCodes { get; }

    ITransferStore Transfers { get; }

    IUpdateLog Updates { get; }

    IErrorLog Errors { get; }

    ISettingsStore Settings { get; }

    /// <summary>How long KIE's tasks take, per mode and profile (the tracker's schedule and the progress message).</summary>
    ITaskDurations Durations { get; }

    /// <summary>Chat calls billed by the tokens KIE counts (reserve an upper bound, keep the answer, capture its usage once).</summary>
    IMeteredCallStore MeteredCalls { get; }

    /// <summary>Applies the missing migrations (safe when several instances start at once); returns the versions applied now.</summary>
    Task<IReadOnlyList<int>> MigrateAsync(CancellationToken cancellationToken = default);

    /// <summary>The newest migration this build carries.</summary>
    int TargetSchemaVersion { get; }

    /// <summary>The newest applied migration, 0 for an empty database.</summary>
    Task<int> SchemaVersionAsync(CancellationToken cancellationToken = default);

    /// <summary>Removes what <paramref name="policy"/> says is past retention, in one transaction; without <paramref name="apply"/> it only counts (and rolls back).</summary>
    Task<CleanupReport> CleanupAsync(CleanupPolicy policy, bool apply, CancellationToken cancellationToken = default);

    /// <summary>Numbers for the admin panel (dry runs excluded from money).</summary>
    Task<BotStats> StatsAsync(CancellationToken cancellationToken = default);

    /// <summary>Size of the database in bytes.</summary>
    Task<long> SizeAsync(CancellationToken cancellationToken = default);
}
