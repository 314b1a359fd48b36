using System.Text.Json.Nodes;
using KieBot.Telegram;

namespace KieBot.Conversation;

/// <summary>
/// Button data, screens and waiting conversations to the feature that owns them. Built once at start-up from every
/// registered <see cref="IFeature"/>: two features claiming the same data or the same screen, one claiming data the
/// engine handles, or no feature showing the menu, stop it. A prefix may nest inside another's; the longest wins.
/// </summary>
public sealed class FeatureRouter : ISharedButtons
{
    private readonly Dictionary<string, IFeature> exact = new(StringComparer.Ordinal);
    private readonly List<(string Prefix, IFeature Feature)> prefixes = [];
    private readonly Dictionary<string, IFeature> byName = new(StringComparer.Ordinal);
    private readonly Dictionary<Type, IFeature> screens = [];

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
                // The same data twice is refused; a prefix inside another feature's prefix is allowed (the longer wins:
                // bank receipts' approve buttons live under the admin prefix, as receipts already sent carry them).
                if (BotCallbacks.Reserved.Contains(data) || exact.ContainsKey(data) || prefixes.Any(p => p.Prefix == data)
                    || (!data.EndsWith(':') && Find(data) is not null))
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

            foreach (var screen in feature.Screens)
            {
                if (!typeof(ScreenRequest).IsAssignableFrom(screen) || !screens.TryAdd(screen, feature))
                {
                    throw new InvalidOperationException($"Feature '{feature.Name}' shows screen '{screen.Name}', which is not a screen request or is already shown by '{screens.GetValueOrDefault(screen)?.Name}'.");
                }
            }
        }

        prefixes.Sort((a, b) => b.Prefix.Length.CompareTo(a.Prefix.Length));

        if (!screens.ContainsKey(typeof(MenuScreen)))
        {
            throw new InvalidOperationException("No feature shows the main menu (MenuScreen).");
        }

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

    /// <summary>The feature that shows <paramref name="screen"/>, or null when none is registered (its feature was removed).</summary>
    public IFeature? Showing(ScreenRequest screen) => screens.GetValueOrDefault(screen.GetType());

    public IEnumerable<IReadOnlyList<Button>> MenuRows(Turn turn) => Features.Where(f => f.Enabled).SelectMany(f => f.MenuRows(turn));

    public IEnumerable<Button> BalanceButtons(Turn turn) => Features.Where(f => f.Enabled).SelectMany(f => f.BalanceButtons(turn));

    /// <summary>The feature a conversation is on, or null.</summary>
    public IFeature? Named(string? name) => name is not null && byName.TryGetValue(name, out var feature) ? feature : null;

    /// <summary>An old conversation in today's shape: the first feature that recognises it, else the menu.</summary>
    public FlowState Upgrade(JsonObject saved) => Features.Select(f => f.Upgrade(saved)).FirstOrDefault(s => s is not null) ?? new FlowState();
}
