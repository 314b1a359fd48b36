using KieBot.Storage;

namespace KieBot.Flows;

/// <summary>What the flows need to know of the configuration.</summary>
public sealed record BotSettings
{
    /// <summary>Credits granted once to every new user.</summary>
    public Credits WelcomeCredits { get; init; } = Credits.Whole(50);

    /// <summary>Generations one user may have running at once.</summary>
    public int MaxConcurrentGenerations { get; init; } = 5;

    /// <summary>No real KIE call and no balance charged; ledger rows flagged as dry-run.</summary>
    public bool DryRun { get; init; } = true;

    public long? AdminId { get; init; }

    /// <summary>Telegram lets bots download files up to 20 MB.</summary>
    public long MaxUploadBytes { get; init; } = 20L * 1024 * 1024;

    /// <summary>Models per page of a category.</summary>
    public int PageSize { get; init; } = 8;

    /// <summary>Credits a referrer gets when an invited user first tops up.</summary>
    public Credits ReferralBonus { get; init; } = Credits.Whole(20);

    /// <summary>Stars top-up packages.</summary>
    public IReadOnlyList<KieBot.Payments.StarsPackage> StarsPackages { get; init; } = [];

    /// <summary>Where KIE posts task results (null: polling only).</summary>
    public Uri? CallbackUrl { get; init; }
}
