using System.Globalization;

namespace KieBot.Conversation;

/// <summary>
/// Reading settings from the environment the same way for the host and for every feature: a blank value is unset, a
/// bad one is one line in <paramref name="problems"/> naming the variable, and the default stands in for it.
/// </summary>
public sealed class SettingsReader(Func<string, string?> env, List<string> problems)
{
    /// <summary>The trimmed value, or null when unset or blank.</summary>
    public string? Text(string name) => env(name) is { Length: > 0 } value && value.Trim() is { Length: > 0 } trimmed ? trimmed : null;

    /// <summary>A number within [<paramref name="min"/>, <paramref name="max"/>], else <paramref name="fallback"/> (and a problem when set but bad).</summary>
    public decimal Number(string name, decimal fallback, decimal min, decimal max)
    {
        var value = Text(name);
        if (value is null)
        {
            return fallback;
        }

        if (decimal.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && number >= min && number <= max)
        {
            return number;
        }

        problems.Add($"{name} must be a number from {min.ToString(CultureInfo.InvariantCulture)} to {max.ToString(CultureInfo.InvariantCulture)} (got '{value}')");
        return fallback;
    }

    /// <summary>1/0, true/false, yes/no or on/off, else <paramref name="fallback"/> (and a problem when set but bad).</summary>
    public bool Flag(string name, bool fallback)
    {
        var value = Text(name);
        switch (value?.ToLowerInvariant())
        {
            case null:
                return fallback;
            case "1" or "true" or "yes" or "on":
                return true;
            case "0" or "false" or "no" or "off":
                return false;
            default:
                problems.Add($"{name} must be 1/0, true/false, yes/no or on/off (got '{value}')");
                return fallback;
        }
    }
}
