using KieBot.Storage;

namespace KieBot.Features.Payments.Stars;

/// <summary>A top-up package: credits for Telegram Stars.</summary>
public sealed record StarsPackage(Credits Credits, long Stars)
{
    /// <summary>The packages of <c>STARS_PACKAGES</c> ("credits:stars,…"; default 100:50,300:140,1000:450).</summary>
    public static IReadOnlyList<StarsPackage> Parse(string? text, List<string> problems)
    {
        var packages = new List<StarsPackage>();
        foreach (var item in (text ?? "100:50,300:140,1000:450").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var parts = item.Split(':');
            if (parts.Length == 2 && long.TryParse(parts[0], out var credits) && long.TryParse(parts[1], out var stars) && credits is > 0 and <= 1_000_000 && stars is > 0 and <= 100_000)
            {
                packages.Add(new StarsPackage(Credits.Whole(credits), stars));
            }
            else
            {
                problems.Add($"STARS_PACKAGES must be credits:stars pairs separated by commas, e.g. 100:50,300:140 (got '{item}')");
            }
        }

        return packages;
    }
}
