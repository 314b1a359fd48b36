using System.Globalization;

namespace KieBot.Storage;

/// <summary>
/// An exact amount of credits, kept as integer hundredths (never floating point). KIE prices with more than two
/// decimals are rounded up when charged (<see cref="Ceiling"/>), so the bot never undercharges by a fraction.
/// </summary>
public readonly record struct Credits(long Hundredths) : IComparable<Credits>
{
    public static readonly Credits Zero = new(0);

    public decimal Value => Hundredths / 100m;

    /// <summary>Exactly <paramref name="value"/>; throws when it has more than two decimals or does not fit.</summary>
    public static Credits From(decimal value)
    {
        var scaled = value * 100m;
        if (scaled != decimal.Truncate(scaled))
        {
            throw new ArgumentException($"{value.ToString(CultureInfo.InvariantCulture)} has more than two decimals.", nameof(value));
        }

        return new Credits(checked((long)scaled));
    }

    /// <summary><paramref name="value"/> rounded up to the next hundredth.</summary>
    public static Credits Ceiling(decimal value) => new(checked((long)decimal.Ceiling(value * 100m)));

    public static Credits Whole(long credits) => new(checked(credits * 100));

    public static Credits operator +(Credits a, Credits b) => new(checked(a.Hundredths + b.Hundredths));

    public static Credits operator -(Credits a, Credits b) => new(checked(a.Hundredths - b.Hundredths));

    public static Credits operator -(Credits a) => new(checked(-a.Hundredths));

    public static bool operator <(Credits a, Credits b) => a.Hundredths < b.Hundredths;

    public static bool operator >(Credits a, Credits b) => a.Hundredths > b.Hundredths;

    public static bool operator <=(Credits a, Credits b) => a.Hundredths <= b.Hundredths;

    public static bool operator >=(Credits a, Credits b) => a.Hundredths >= b.Hundredths;

    public int CompareTo(Credits other) => Hundredths.CompareTo(other.Hundredths);

    /// <summary>"12", "12.5" or "12.25": no trailing zeros, invariant culture.</summary>
    public override string ToString() => Value.ToString("0.##", CultureInfo.InvariantCulture);
}
