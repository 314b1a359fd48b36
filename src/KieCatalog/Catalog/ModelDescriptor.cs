namespace KieCatalog.Catalog;

/// <summary>A model: a family of modes shown together on one card.</summary>
public abstract class ModelDescriptor
{
    protected ModelDescriptor(
        string id,
        string name,
        string vendor,
        ModelCategory category,
        LocalizedText description,
        IReadOnlyList<string> seedIds,
        string callbackData,
        IReadOnlyList<ModeDescriptor> modes)
    {
        Id = id;
        Name = name;
        Vendor = vendor;
        Category = category;
        Description = description;
        SeedIds = seedIds;
        CallbackData = callbackData;
        Modes = modes;
        VisibleModes = modes.Where(m => m.IsVisible).ToArray();
    }

    public string Id { get; }

    public string Name { get; }

    public string Vendor { get; }

    public ModelCategory Category { get; }

    public LocalizedText Description { get; }

    public IReadOnlyList<string> SeedIds { get; }

    public string CallbackData { get; }

    public IReadOnlyList<ModeDescriptor> Modes { get; }

    /// <summary>The modes bot users may pick.</summary>
    public IReadOnlyList<ModeDescriptor> VisibleModes { get; }

    public bool IsVisible => VisibleModes.Count > 0;

    public ModeDescriptor? FindMode(string id) => Modes.FirstOrDefault(m => m.Id == id);

    public override string ToString() => Id;
}
