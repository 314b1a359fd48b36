namespace KieCatalog.Catalog;

/// <summary>
/// Parameters KIE requires only in some settings (catalog <c>requireWhen</c>): while every condition holds (an enum or
/// boolean parameter at one of the listed wire values), each of <see cref="Params"/> must be given, and, when
/// <see cref="MaxLength"/> is set, be at most that many characters. Suno's custom mode is the case in point: with
/// <c>customMode</c> true a song needs a style and a title; in simple mode the prompt is at most 500 characters.
/// </summary>
public sealed class RequiredWhen
{
    public RequiredWhen((string Param, string[] Values)[] when, string[] @params, int? maxLength = null)
    {
        ArgumentNullException.ThrowIfNull(when);
        ArgumentNullException.ThrowIfNull(@params);
        When = when.Select(t => (t.Param, (IReadOnlyList<string>)t.Values)).ToArray();
        Params = @params;
        MaxLength = maxLength;
    }

    /// <summary>The conditions, each a parameter's name and the wire values (<c>true</c>/<c>false</c> for a boolean) under which it holds.</summary>
    public IReadOnlyList<(string Param, IReadOnlyList<string> Values)> When { get; }

    /// <summary>The names of the parameters required while the conditions hold.</summary>
    public IReadOnlyList<string> Params { get; }

    /// <summary>The most characters each of <see cref="Params"/> may have while the conditions hold, when the rule limits them.</summary>
    public int? MaxLength { get; }

    /// <summary>
    /// Whether every condition holds, given each parameter's wire value as text (a string as it is, a boolean as
    /// <c>true</c>/<c>false</c>, a number as written; null when it has none): generic code keeping form values as wire
    /// JSON asks this to know which questions a setting adds.
    /// </summary>
    public bool Holds(Func<string, string?> wireValue)
    {
        ArgumentNullException.ThrowIfNull(wireValue);
        return When.All(t => wireValue(t.Param) is { } value && t.Values.Contains(value, StringComparer.Ordinal));
    }

    public override string ToString() =>
        $"{string.Join(", ", When.Select(t => t.Param + "=" + string.Join("|", t.Values)))} → {string.Join(", ", Params)}{(MaxLength is { } max ? $" (≤ {max} chars)" : "")}";
}
