using System.Globalization;
using System.Text.Json;
using KieBot.Storage;
using KieCatalog.Catalog;

namespace KieBot.Generations;

/// <summary>
/// A price per image made (<see cref="PriceDescriptor.PerImageMade"/>): the most images a task may make is reserved,
/// and once it has succeeded the credits of the images it did not make come back, once (by key).
/// </summary>
public static class ImagesMade
{
    /// <summary>The most images an input asks for (its quantity parameter's value, else that parameter's default); null when the price is not per image made.</summary>
    public static int? Asked(ModeDescriptor mode, string inputJson)
    {
        if (!mode.Price.PerImageMade || mode.Price.QuantityParam is not { } name)
        {
            return null;
        }

        using var json = JsonDocument.Parse(inputJson);
        var text = json.RootElement.TryGetProperty(name, out var value)
            ? value.ValueKind == JsonValueKind.String ? value.GetString() : value.GetRawText()
            : mode.FindParam(name)?.DefaultValue;
        return decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var asked) ? (int)asked : 1;
    }

    /// <summary>Gives back what a succeeded generation reserved for images it did not make; nothing for any other price.</summary>
    public static async Task ReturnUnmadeAsync(IBotStore store, Generation generation, CancellationToken ct)
    {
        if (generation.ReservationKey is not { } key || StoredMode.Of(generation) is not { } mode || Asked(mode, generation.InputJson) is not { } asked)
        {
            return;
        }

        var charged = Credits.Ceiling(mode.Price.ForImagesMade(generation.Price.Value, asked, generation.ResultUrls.Count));
        var back = generation.Price - charged;
        if (back > Credits.Zero)
        {
            var note = $"{generation.Id}: {generation.ResultUrls.Count} of {asked} images made";
            await store.Ledger.GrantAsync(generation.UserId, back, key + ":unmade", GrantReason.Unmade, note, generation.DryRun, ct).ConfigureAwait(false);
        }
    }
}
