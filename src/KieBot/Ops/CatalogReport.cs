using System.Globalization;
using System.Text;
using System.Text.Json;
using KieCatalog;
using KieCatalog.Catalog;
using KieBot.Conversation;

namespace KieBot.Ops;

/// <summary>The typed catalog as a table or JSON: models, modes, KIE ids, KIE prices, users' prices in credits and roubles, hidden flags.</summary>
public static class CatalogReport
{
    public static string Render(bool json, KieBot.Conversation.Pricing? pricing = null)
    {
        var p = pricing ?? new KieBot.Conversation.Pricing(1.5m, 0.4m);
        return json ? Json(p) : Table(p);
    }

    private static string UserPrice(PriceDescriptor price, KieBot.Conversation.Pricing pricing)
    {
        var min = pricing.UserPrice(price.MinCredits);
        if (price.MaxCredits is not { } most)
        {
            return $"from {min} cr ≈ {pricing.Rubles(min)} ₽";
        }

        var max = pricing.UserPrice(most);
        return min == max
            ? $"{min} cr ≈ {pricing.Rubles(min)} ₽"
            : $"{min}–{max} cr ≈ {pricing.Rubles(min)}–{pricing.Rubles(max)} ₽";
    }

    private static string Table(KieBot.Conversation.Pricing pricing)
    {
        var sb = new StringBuilder();
        var modes = Models.AllModes;
        sb.Append(CultureInfo.InvariantCulture, $"KIE catalog {Models.Version}: {Models.All.Count} models, {modes.Count} modes, {modes.Count(m => m.IsVisible)} visible; user price = KIE credits × {pricing.Markup}, 1 cr = {pricing.RublesPerCredit} ₽\n\n");
        foreach (var category in Models.Categories)
        {
            sb.Append(CultureInfo.InvariantCulture, $"== {category}\n");
            foreach (var model in Models.All.Where(m => m.Category == category))
            {
                sb.Append(CultureInfo.InvariantCulture, $"{model.Name} ({model.Vendor})\n");
                foreach (var mode in model.Modes)
                {
                    var hidden = mode.IsVisible ? "" : "  [hidden: " + mode.HiddenReason + "]";
                    var line = $"  {mode.Key,-44} {mode.KieModel,-42} {PriceText(mode.Price),-14} user {UserPrice(mode.Price, pricing),-28}{hidden}";
                    sb.Append(line.TrimEnd()).Append('\n');
                }
            }

            sb.Append('\n');
        }

        return sb.ToString();
    }

    public static string PriceText(PriceDescriptor price)
    {
        var min = price.MinCredits.ToString(CultureInfo.InvariantCulture);
        var range = price.IsFixed ? min
            : price.MaxCredits is { } max ? $"{min}–{max.ToString(CultureInfo.InvariantCulture)}"
            : "from " + min;
        return range + " cr";
    }

    private static string Json(KieBot.Conversation.Pricing pricing)
    {
        var models = Models.All.Select(model => new
        {
            id = model.Id,
            name = model.Name,
            vendor = model.Vendor,
            category = model.Category.ToString().ToLowerInvariant(),
            modes = model.Modes.Select(mode => new
            {
                id = mode.Id,
                kieModel = mode.KieModel,
                api = mode.Api.ToString(),
                output = mode.Output.ToString().ToLowerInvariant(),
                minCredits = mode.Price.MinCredits,
                maxCredits = mode.Price.MaxCredits,
                unit = mode.Price.Unit.ToString(),
                userMinCredits = pricing.UserPrice(mode.Price.MinCredits).Value,
                userMaxCredits = mode.Price.MaxCredits is { } most ? pricing.UserPrice(most).Value : (decimal?)null,
                userMinRubles = pricing.Rubles(pricing.UserPrice(mode.Price.MinCredits)),
                userMaxRubles = mode.Price.MaxCredits is { } highest ? pricing.Rubles(pricing.UserPrice(highest)) : null,
                hidden = mode.HiddenReason,
            }),
        });
        return JsonSerializer.Serialize(new { version = Models.Version, models }, new JsonSerializerOptions { WriteIndented = true }) + "\n";
    }
}
