using System.Globalization;

namespace KieCatalog.Generator.Model;

/// <summary>Exact decimal numbers from JSON tokens and back to C# literals, always invariant.</summary>
internal static class Decimals
{
    public static bool TryParse(string? token, out decimal value) =>
        decimal.TryParse(token, NumberStyles.Float, CultureInfo.InvariantCulture, out value);

    public static string Format(decimal value) => value.ToString("0.############################", CultureInfo.InvariantCulture);

    public static string Literal(decimal value) => Format(value) + "m";
}
