using KieBot.Conversation;

namespace KieBot.Features.Payments.Stars;

/// <summary>
/// Telegram Stars top-ups: <c>STARS_PACKAGES</c> (credits:stars pairs), and a custom amount at <c>STARS_PER_CREDIT</c>
/// between <c>STARS_CUSTOM_MIN</c> and <c>STARS_CUSTOM_MAX</c> credits (a maximum of 0 turns custom amounts off).
/// </summary>
public sealed record StarsOptions
{
    /// <summary>The packages on the top-up screen.</summary>
    public IReadOnlyList<StarsPackage> Packages { get; init; } = [];

    /// <summary>Stars per credit of a custom top-up (rounded up to whole stars).</summary>
    public decimal StarsPerCredit { get; init; } = 0.5m;

    /// <summary>Bounds of a custom top-up in credits.</summary>
    public long CustomMin { get; init; } = 50;

    public long CustomMax { get; init; } = 10_000;

    public static StarsOptions Read(Func<string, string?> env, List<string> problems)
    {
        var reader = new SettingsReader(env, problems);
        return new StarsOptions
        {
            Packages = StarsPackage.Parse(reader.Text("STARS_PACKAGES"), problems),
            StarsPerCredit = reader.Number("STARS_PER_CREDIT", 0.5m, 0.001m, 1000m),
            CustomMin = (long)reader.Number("STARS_CUSTOM_MIN", 50m, 1m, 1_000_000m),
            CustomMax = (long)reader.Number("STARS_CUSTOM_MAX", 10_000m, 0m, 1_000_000m),
        };
    }
}
