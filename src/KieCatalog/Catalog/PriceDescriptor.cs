namespace KieCatalog.Catalog;

/// <summary>A mode's price range in KIE credits, for display before the inputs are known.</summary>
public sealed class PriceDescriptor
{
    public PriceDescriptor(PriceUnit unit, decimal minCredits, decimal? maxCredits, string? quantityParam, decimal? maxQuantity, bool byFileDuration = false, bool byImageSize = false, bool perImageMade = false)
    {
        PerImageMade = perImageMade;
        ByFileDuration = byFileDuration;
        ByImageSize = byImageSize;
        Unit = unit;
        MinCredits = minCredits;
        MaxCredits = maxCredits;
        QuantityParam = quantityParam;
        MaxQuantity = maxQuantity;
    }

    public PriceUnit Unit { get; }

    public decimal MinCredits { get; }

    /// <summary>
    /// The most an input can cost; null when KIE states no upper bound (a price per second of a file whose longest
    /// length KIE does not give: Kling's motion video), so the range reads "from <see cref="MinCredits"/>".
    /// </summary>
    public decimal? MaxCredits { get; }

    /// <summary>
    /// The parameter a per-unit price is multiplied by: its value (e.g. <c>duration</c>), or, when
    /// <see cref="ByFileDuration"/>, the length of the file given for it (e.g. <c>audio_url</c>). Null for other prices.
    /// </summary>
    public string? QuantityParam { get; }

    /// <summary>
    /// True when the price is the rate times the length of the file given for <see cref="QuantityParam"/> (an audio or
    /// video upload; <see cref="ParamDescriptor.DurationPriced"/>): per whole second (fractions round up), or per started
    /// minute for <see cref="PriceUnit.Minute"/>. <see cref="MinCredits"/> is one unit, <see cref="MaxCredits"/> the
    /// longest file the parameter takes (<see cref="ParamDescriptor.MaxSeconds"/>), or null when KIE gives none.
    /// </summary>
    public bool ByFileDuration { get; }

    /// <summary>
    /// True when the price follows the pixel size of the image given for <see cref="QuantityParam"/>
    /// (<see cref="ParamDescriptor.SizePriced"/>): per started megapixel for <see cref="PriceUnit.Megapixel"/>, or by the
    /// output's longer side for <see cref="PriceUnit.OutputSize"/>.
    /// </summary>
    public bool ByImageSize { get; }

    /// <summary>
    /// True when <see cref="QuantityParam"/> is the most images a task may make (Seedream 4's <c>max_images</c>) and KIE
    /// bills the images it makes: the input's <c>Price()</c> is the most it can cost (reserve that), and a task that
    /// made fewer costs <see cref="ForImagesMade"/>. <see cref="MinCredits"/> is one image.
    /// </summary>
    public bool PerImageMade { get; }

    /// <summary>
    /// What a task priced <paramref name="reserved"/> for <paramref name="asked"/> images costs when it made
    /// <paramref name="made"/> (the same rate, rounded up to a hundredth): <paramref name="reserved"/> when the price is
    /// not per image made, or when it made at least what was asked.
    /// </summary>
    public decimal ForImagesMade(decimal reserved, int asked, int made)
    {
        if (!PerImageMade || asked <= 0 || made >= asked)
        {
            return reserved;
        }

        var share = reserved * System.Math.Max(made, 0) / asked;
        return System.Math.Ceiling(share * 100) / 100;
    }

    /// <summary>For per-unit prices whose quantity is only known after the task (e.g. a generated sound's length): the upper bound charged up front.</summary>
    public decimal? MaxQuantity { get; }

    public bool IsFixed => MinCredits == MaxCredits;

    /// <summary>False for a hidden mode the catalog has not priced yet.</summary>
    public bool IsPriced => Unit != PriceUnit.Unpriced;
}
