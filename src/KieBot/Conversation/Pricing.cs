using System.Globalization;
using KieBot.Storage;
using KieBot.Conversation;

namespace KieBot.Conversation;

/// <summary>Turns KIE's cost into the user's price (markup, rounded up to the hundredth) and credits into roubles for display.</summary>
public sealed class Pricing(decimal markup, decimal rublesPerCredit)
{
    public decimal Markup { get; } = markup;

    public decimal RublesPerCredit { get; } = rublesPerCredit;

    public Credits UserPrice(decimal kieCredits) => Credits.Ceiling(kieCredits * Markup);

    public string Rubles(Credits credits) => (credits.Value * RublesPerCredit).ToString("0.##", CultureInfo.InvariantCulture);
}
