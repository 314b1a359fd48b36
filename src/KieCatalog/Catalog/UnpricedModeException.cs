namespace KieCatalog.Catalog;

/// <summary>Thrown by <c>Price()</c> of a mode the catalog has not priced yet (such modes are hidden from bot users).</summary>
public sealed class UnpricedModeException(ModeDescriptor mode)
    : InvalidOperationException($"{mode.Key} ({mode.KieModel}) has no price in the catalog yet: {mode.HiddenReason}")
{
    public ModeDescriptor Mode { get; } = mode;
}
