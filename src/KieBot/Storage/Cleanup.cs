namespace KieBot.Storage;

/// <summary>How long each kind of data is kept. Ledger rows are money history and are never removed, except dry-run rows.</summary>
public sealed record CleanupPolicy
{
    public TimeSpan IdleConversations { get; init; } = TimeSpan.FromDays(7);

    public TimeSpan FinishedGenerations { get; init; } = TimeSpan.FromDays(90);

    /// <summary>Dry-run generations and their zero-sum ledger rows.</summary>
    public TimeSpan DryRuns { get; init; } = TimeSpan.FromDays(1);

    public TimeSpan ProcessedUpdates { get; init; } = TimeSpan.FromDays(2);

    public TimeSpan ErrorEvents { get; init; } = TimeSpan.FromDays(30);
}

/// <summary>What a cleanup removed (or, without applying, would remove).</summary>
public sealed record CleanupReport(int Conversations, int Generations, int DryRunGenerations, int DryRunLedgerRows, int ProcessedUpdates, int ErrorEvents, bool Applied)
{
    /// <summary>Metered chat calls settled or refunded past the retention of finished generations (dry runs: of dry runs).</summary>
    public int MeteredCalls { get; init; }

    public int Total => Conversations + Generations + DryRunGenerations + DryRunLedgerRows + ProcessedUpdates + ErrorEvents + MeteredCalls;
}
