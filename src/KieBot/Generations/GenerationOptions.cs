namespace KieBot.Generations;

/// <summary>What submitting and tracking generations need of the configuration.</summary>
public sealed record GenerationOptions
{
    /// <summary>Generations one user may have running at once.</summary>
    public int MaxConcurrentGenerations { get; init; } = 5;

    /// <summary>No real KIE call and no balance charged; ledger rows flagged as dry-run.</summary>
    public bool DryRun { get; init; } = true;

    /// <summary>Where KIE posts task results (null: polling only).</summary>
    public Uri? CallbackUrl { get; init; }

    /// <summary>Modes (model/mode keys) with free daily generations.</summary>
    public IReadOnlySet<string> FreeModes { get; init; } = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>Free generations per user per day over <see cref="FreeModes"/> (0: none).</summary>
    public int FreeDaily { get; init; }

    /// <summary>Where the free quota's day begins and ends.</summary>
    public TimeZoneInfo FreeTimeZone { get; init; } = TimeZoneInfo.Utc;
}
