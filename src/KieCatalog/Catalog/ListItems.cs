namespace KieCatalog.Catalog;

/// <summary>
/// What the items of a <see cref="ParamKind.List"/> parameter are: their fields (ordinary parameters, read and checked
/// like the mode's own), the boolean parameter that switches the list on, and the bounds on the total of a field.
/// </summary>
public sealed class ListItems
{
    private readonly Func<IReadOnlyList<ParamDescriptor>> fields;

    public ListItems(Func<IReadOnlyList<ParamDescriptor>> fields, string? onlyWith = null, IReadOnlyList<ListTotal>? totals = null)
    {
        this.fields = fields;
        OnlyWith = onlyWith;
        Totals = totals ?? Array.Empty<ListTotal>();
    }

    /// <summary>
    /// The boolean parameter that switches the list on (Kling 3.0's <c>multi_shots</c> for its shots): KIE reads the items
    /// only when it is true, so the list needs an item then and none otherwise. Null: the list is always read.
    /// </summary>
    public string? OnlyWith { get; }

    /// <summary>Bounds on what a field adds up to over all items (the shots' seconds, the characters of every line).</summary>
    public IReadOnlyList<ListTotal> Totals { get; }

    /// <summary>The bounds on the total of <paramref name="field"/>, or null.</summary>
    public ListTotal? TotalOf(string field) => Totals.FirstOrDefault(t => t.Field == field);

    internal IReadOnlyList<ParamDescriptor> Build(ParamDescriptor list)
    {
        var built = fields();
        foreach (var field in built)
        {
            field.List = list;
        }

        return built;
    }
}

/// <summary>
/// What <paramref name="Field"/> may add up to over a list's items: the sum of a number, or the characters of a text.
/// </summary>
public sealed record ListTotal(string Field, decimal? Min, decimal? Max);
