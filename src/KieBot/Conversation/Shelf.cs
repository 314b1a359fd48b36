using KieCatalog.Catalog;
using KieCatalog.Client;

namespace KieBot.Conversation;

/// <summary>
/// What the bot sells of the catalog: its visible modes, except those whose KIE endpoint requires a callback URL on
/// every task (<see cref="KieEndpoint.RequiresCallback"/>: Suno) while this host has no public URL for KIE to call
/// (neither <c>PUBLIC_URL</c> nor webhook mode), and the follow-ups that continue only those. They are withheld, and
/// the admin's catalog overview and <c>check</c> say so and why.
/// </summary>
public sealed class Shelf
{
    private readonly HashSet<ModeDescriptor> withheld;

    public Shelf(Uri? callbackUrl)
    {
        HasCallbackUrl = callbackUrl is not null;
        withheld = HasCallbackUrl
            ? []
            : KieCatalog.Models.AllModes.Where(m => m.IsVisible && KieEndpoints.For(m) is { RequiresCallback: true }).ToHashSet();

        // A follow-up of only withheld modes has nothing to continue here (Suno's timed lyrics answer at once, yet need a song).
        while (KieCatalog.Models.AllModes.FirstOrDefault(m => m.IsVisible && !withheld.Contains(m)
                   && m.FollowUpParam?.FollowUp is { From.Count: > 0 } rule && rule.From.All(withheld.Contains)) is { } orphan)
        {
            withheld.Add(orphan);
        }
    }

    /// <summary>KIE can reach this host with a task's callback.</summary>
    public bool HasCallbackUrl { get; }

    /// <summary>Visible modes not on sale because KIE requires a callback URL this host does not have.</summary>
    public IReadOnlyCollection<ModeDescriptor> Withheld => withheld;

    public bool Sells(ModeDescriptor mode) => mode.IsVisible && !withheld.Contains(mode);

    public bool Sells(ModelDescriptor model) => model.VisibleModes.Any(Sells);

    /// <summary>The modes of <paramref name="model"/> on sale, in the catalog's order.</summary>
    public IReadOnlyList<ModeDescriptor> ModesOf(ModelDescriptor model) => model.VisibleModes.Where(Sells).ToList();

    /// <summary>The models with at least one mode on sale, in the catalog's order.</summary>
    public IEnumerable<ModelDescriptor> Models => KieCatalog.Models.All.Where(Sells);
}
