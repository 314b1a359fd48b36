using KieBot.Telegram;

namespace KieBot.Conversation;

/// <summary>
/// Button data and waiting conversations to the feature that owns them. Built once at start-up from every registered
/// <see cref="IFeature"/>: two features claiming the same data, or one claiming data a built-in screen uses, stop it.
/// </summary>
public sealed class FeatureRouter
{
    private readonly Dictionary<string, IFeature> exact = new(StringComparer.Ordinal);
    private readonly List<(string Prefix, IFeature Feature)> prefixes = [];
    private readonly Dictionary<string, IFeature> byName = new(StringComparer.Ordinal);

    public FeatureRouter(IEnumerable<IFeature> features)
    {
        foreach (var feature in features)
        {
            if (!byName.TryAdd(feature.Name, feature))
            {
                throw new InvalidOperationException($"Two features are named '{feature.Name}'.");
            }

            foreach (var data in feature.Buttons)
            {
                if (BotCallbacks.Reserved.Contains(data) || Find(data) is not null || prefixes.Any(p => p.Prefix.StartsWith(data, StringComparison.Ordinal)))
                {
                    throw new InvalidOperationException($"Feature '{feature.Name}' claims button data '{data}', which is already taken.");
                }

                if (data.EndsWith(':'))
                {
                    prefixes.Add((data, feature));
                }
                else
                {
                    exact.Add(data, feature);
                }
            }
        }

        prefixes.Sort((a, b) => b.Prefix.Length.CompareTo(a.Prefix.Length));
        Features = [.. byName.Values];
        PaymentUpdates = Features.OfType<IPaymentUpdates>().SingleOrDefault();
    }

    /// <summary>Every feature, in the order they were registered (their buttons on shared screens come in this order).</summary>
    public IReadOnlyList<IFeature> Features { get; }

    /// <summary>The feature that takes Telegram's payment updates, if one is registered.</summary>
    public IPaymentUpdates? PaymentUpdates { get; }

    /// <summary>The feature that owns <paramref name="data"/> (the longest prefix wins), or null.</summary>
    public IFeature? Find(string data) =>
        exact.TryGetValue(data, out var feature)
            ? feature
            : prefixes.FirstOrDefault(p => data.StartsWith(p.Prefix, StringComparison.Ordinal)).Feature;

    /// <summary>Every enabled feature's buttons on the main menu, one row each, in registration order.</summary>
    public IEnumerable<IReadOnlyList<Button>> MenuRows(Turn turn) => Features.Where(f => f.Enabled).SelectMany(f => f.MenuButtons(turn)).Select(b => (IReadOnlyList<Button>)[b]);

    /// <summary>Every feature's buttons on the balance screen, in registration order (the first is also the summary's way to top up).</summary>
    public IEnumerable<Button> BalanceButtons(Turn turn) => Features.SelectMany(f => f.BalanceButtons(turn));

    /// <summary>The feature a waiting conversation belongs to, or null.</summary>
    public IFeature? Named(string? name) => name is not null && byName.TryGetValue(name, out var feature) ? feature : null;
}
