using KieBot.Generations;
using KieBot.Storage;
using KieBot.Telegram;
using KieCatalog.Catalog;

namespace KieBot.Conversation;

/// <summary>How follow-ups read: their buttons under a result (with the price), and why one is refused.</summary>
public static class FollowUpTexts
{
    /// <summary>The data of a follow-up button: <c>fu:&lt;model&gt;/&lt;mode&gt;:&lt;output&gt;:&lt;generation id, 22 base64url characters&gt;</c> (the catalog build checks it fits 64 bytes).</summary>
    public const string Prefix = "fu:";

    public static string Data(FollowUpOffer offer, Generation parent) =>
        Prefix + offer.Mode.Key + ":" + (offer.Output ?? 0).ToString(System.Globalization.CultureInfo.InvariantCulture) + ":" + CompactId(parent.Id);

    /// <summary>The follow-up a button names: its mode, output and parent generation id; false for data no catalog button makes.</summary>
    public static bool TryParse(string data, out ModeDescriptor? mode, out int output, out string? parentId)
    {
        (mode, output, parentId) = (null, 0, null);
        var parts = data.StartsWith(Prefix, StringComparison.Ordinal) ? data[Prefix.Length..].Split(':') : [];
        if (parts.Length != 3 || parts[0].Split('/') is not [var model, var id] || !int.TryParse(parts[1], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out output)
            || FullId(parts[2]) is not { } full)
        {
            return false;
        }

        mode = KieCatalog.Models.FindMode(model, id);
        parentId = full;
        return mode is not null;
    }

    /// <summary>One row per follow-up: "↪️ Extend · Fast · 60 cr", "↪️ Upscale 3 · 8 cr".</summary>
    public static IEnumerable<IReadOnlyList<Button>> Rows(string language, Generation parent, IReadOnlyList<FollowUpOffer> offers, Pricing pricing) =>
        Keyboards.Pairs(offers.Select(o => new Button(
            TelegramLimits.Fit(Texts.Get(language, o.Mode.Price is { IsFixed: true, MinCredits: 0 } ? "btn.followup_free" : "btn.followup", ("label", o.Mode.Label.Get(language) + (o.Number is { } n ? " " + n : "")), ("price", Price(o.Mode, pricing))), TelegramLimits.ButtonText),
            Data(o, parent))).ToList());

    public static string Refusal(Turn turn, FollowUpRefusal refusal) =>
        Texts.Get(turn.Language, refusal.Key, [.. refusal.Args.Select(a => (a.Name, a.Value is LocalizedText text ? text.Get(turn.Language) : a.Value))]);

    /// <summary>The price of its default input, or "from" the lowest when other inputs change it.</summary>
    private static string Price(ModeDescriptor mode, Pricing pricing) =>
        mode.Price.IsFixed ? pricing.UserPrice(mode.Price.MinCredits).ToString() : "≥ " + pricing.UserPrice(mode.Price.MinCredits);

    private static string CompactId(string id) =>
        Guid.TryParseExact(id, "N", out var guid) ? Convert.ToBase64String(guid.ToByteArray()).TrimEnd('=').Replace('+', '-').Replace('/', '_') : id;

    private static string? FullId(string compact)
    {
        if (compact.Length != 22)
        {
            return null;
        }

        try
        {
            return new Guid(Convert.FromBase64String(compact.Replace('-', '+').Replace('_', '/') + "==")).ToString("N");
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
