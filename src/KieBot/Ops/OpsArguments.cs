using System.Globalization;

namespace KieBot.Ops;

/// <summary>The few option shapes the commands take: flags, and <c>--since</c> durations like 90m, 24h, 7d.</summary>
public static class OpsArguments
{
    public static bool Flag(string[] args, string name) => args.Contains(name, StringComparer.Ordinal);

    /// <summary>The value after <paramref name="name"/>, or null.</summary>
    public static string? Value(string[] args, string name)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? args[at + 1] : null;
    }

    public static bool TryDuration(string? text, out TimeSpan duration)
    {
        duration = default;
        if (string.IsNullOrEmpty(text) || text.Length < 2 || !int.TryParse(text.AsSpan(0, text.Length - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n <= 0)
        {
            return false;
        }

        duration = text[^1] switch
        {
            'm' => TimeSpan.FromMinutes(n),
            'h' => TimeSpan.FromHours(n),
            'd' => TimeSpan.FromDays(n),
            _ => TimeSpan.Zero,
        };
        return duration > TimeSpan.Zero;
    }

    /// <summary>Options other than the allowed ones (bad usage).</summary>
    public static IReadOnlyList<string> Unknown(string[] args, params string[] allowed)
    {
        var unknown = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            if (!allowed.Contains(args[i]))
            {
                unknown.Add(args[i]);
            }
            else if (args[i] == "--since")
            {
                i++;
            }
        }

        return unknown;
    }
}
