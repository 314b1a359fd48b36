using KieCatalog.Catalog;
using KieCatalog.Client;

namespace KieBot.Conversation;

/// <summary>
/// What the bot sells of the catalog: its visible modes, except those whose KIE endpoint requires a callback URL on
/// every task (<see cref="KieEndpoint.RequiresCallback"/>: Suno) while this host has no public URL for KIE to call
/// (neither <c>PUBLIC_URL</c> nor webhook mode). Those are withheld, and the admin's catalog overview and <c>check</c>
/// say so and why.
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
