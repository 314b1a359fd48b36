namespace KieCatalog.Catalog;

/// <summary>A mode's price range in KIE credits, for display before the inputs are known.</summary>
public sealed class PriceDescriptor
{
    public PriceDescriptor(PriceUnit unit, decimal minCredits, decimal maxCredits, string? quantityParam, decimal? maxQuantity)
    {
        Unit = unit;
        MinCredits = minCredits;
        MaxCredits = maxCredits;
        QuantityParam = quantityParam;
        MaxQuantity = maxQuantity;
    }

    public PriceUnit Unit { get; }

    public decimal MinCredits { get; }

    public decimal MaxCredits { get; }

    /// <summary>The parameter a per-unit price is multiplied by (e.g. <c>duration</c>), if any.</summary>
    public string? QuantityParam { get; }

    /// <summary>For per-unit prices whose quantity is only known after the task (audio length): the upper bound charged up front.</summary>
    public decimal? MaxQuantity { get; }

    public bool IsFixed => MinCredits == MaxCredits;

    /// <summary>False for a hidden mode the catalog has not priced yet.</summary>
    public bool IsPriced => Unit != PriceUnit.Unpriced;
}
