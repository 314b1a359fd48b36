using KieBot.Storage;
using KieBot.Conversation;

namespace KieBot.Conversation;

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

    /// <summary>What first payment of an invited user rewards the inviter.</summary>
    public KieBot.Payments.ReferralTrigger ReferralTrigger { get; init; } = KieBot.Payments.ReferralTrigger.TopUp;

    /// <summary>Modes (model/mode keys) with free daily generations.</summary>
    public IReadOnlySet<string> FreeModes { get; init; } = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>Free generations per user per day over <see cref="FreeModes"/> (0: none).</summary>
    public int FreeDaily { get; init; }

    /// <summary>Where the free quota's day begins and ends.</summary>
    public TimeZoneInfo FreeTimeZone { get; init; } = TimeZoneInfo.Utc;

    /// <summary>The gallery Mini App's HTTPS address (null when the host has no public HTTPS URL: no Gallery button then).</summary>
    public Uri? GalleryUrl { get; init; }

    /// <summary>Where KIE posts task results (null: polling only).</summary>
    public Uri? CallbackUrl { get; init; }
}
