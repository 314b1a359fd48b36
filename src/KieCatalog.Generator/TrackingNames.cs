namespace KieCatalog.Generator;

/// <summary>Names of the pipeline steps, for incrementality tests and timing.</summary>
internal static class TrackingNames
{
    public const string Parse = "KieCatalog.Parse";
    public const string Catalogs = "KieCatalog.Catalogs";
    public const string Namespace = "KieCatalog.Namespace";
    public const string Combined = "KieCatalog.Combined";
}
