using System.Globalization;
using System.Text.Json;
using KieBot.Storage;
using KieCatalog.Catalog;

namespace KieBot.Generations;

/// <summary>
/// A price per image made (<see cref="PriceDescriptor.PerImageMade"/>): the most images a task may make is reserved,
/// and once it has succeeded only the images it made are captured; the rest comes back in the same ledger row.
/// </summary>
public static class ImagesMade
{
    /// <summary>The most images an input asks for (its quantity parameter's value, else that parameter's default); null when the price is not per image made.</summary>
    public static int? Asked(ModeDescriptor mode, string inputJson)
    {
        if (!mode.Price.PerImageMade || mode.Price.QuantityParam is not { } name || mode.FindParam(name) is not { } quantity)
        {
            return null;
        }

        using var json = JsonDocument.Parse(inputJson);
        return decimal.TryParse(StoredMode.WireValue(json.RootElement, quantity), NumberStyles.Float, CultureInfo.InvariantCulture, out var asked) ? (int)asked : 1;
    }

    /// <summary>
    /// What a succeeded generation is charged: its price, or for a price per image made the share of the images it made
    /// (rounded up to a hundredth); the ledger captures that and gives the rest of the reservation back in one row.
    /// </summary>
    public static Credits Charge(Generation generation)
    {
        if (StoredMode.Of(generation) is not { } mode || Asked(mode, generation.InputJson) is not { } asked)
        {
            return generation.Price;
        }

        return Credits.Ceiling(mode.Price.ForImagesMade(generation.Price.Value, asked, generation.ResultUrls.Count));
    }
}
