using KieBot.Conversation;

namespace KieBot.Features.Gallery;

/// <summary>
/// The gallery's settings. <see cref="SigningKey"/> is the key Telegram signs initData with (the bot token; the console
/// chat's own local key), never sent anywhere. <see cref="PublicUrl"/> is where Telegram opens the app: only an HTTPS
/// public URL (webhook mode or PUBLIC_URL) gets the menu button and the history's Gallery button.
/// </summary>
public sealed record GalleryOptions
{
    public const string Path = "/gallery";

    public required string SigningKey { get; init; }

    /// <summary>The app's HTTPS address (<c>https://host/gallery/</c>), or null when the host has no public HTTPS URL.</summary>
    public Uri? PublicUrl { get; init; }

    /// <summary>How old an initData may be (GALLERY_AUTH_MAX_AGE_HOURS, default 24).</summary>
    public TimeSpan MaxAge { get; init; } = TimeSpan.FromHours(24);

    /// <summary>API calls one user may make per minute (GALLERY_RATE_PER_MINUTE, default 120); more get 429.</summary>
    public int RatePerMinute { get; init; } = 120;

    /// <summary>How long a signed file link works.</summary>
    public TimeSpan LinkLifetime { get; init; } = TimeSpan.FromHours(1);

    /// <summary>Generations per page of the grid.</summary>
    public int PageSize { get; init; } = 24;

    /// <summary>The gallery's address on a public root, when that root is HTTPS (Telegram opens Mini Apps over HTTPS only).</summary>
    public static Uri? On(Uri? publicRoot) =>
        publicRoot is { Scheme: "https" } root ? new Uri(root, Path + "/") : null;

    public static GalleryOptions Read(Func<string, string?> env, string signingKey, Uri? publicRoot, List<string> problems)
    {
        var reader = new SettingsReader(env, problems);
        return new GalleryOptions
        {
            SigningKey = signingKey,
            PublicUrl = On(publicRoot),
            MaxAge = TimeSpan.FromHours((double)reader.Number("GALLERY_AUTH_MAX_AGE_HOURS", 24, 0.01m, 24 * 30)),
            RatePerMinute = (int)reader.Number("GALLERY_RATE_PER_MINUTE", 120, 1, 100_000),
        };
    }
}
