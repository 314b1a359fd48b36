using System.Text.Json;
using KieBot.Storage;
using KieCatalog;
using KieCatalog.Catalog;

namespace KieBot.Generations;

/// <summary>
/// The catalog mode a stored generation was made with: by its model and mode ids, or, once the catalog has moved the
/// mode to another card or renamed it, by the KIE model id it was called with (a mode's identity at KIE) when exactly
/// one mode of its API family has that id.
/// </summary>
public static class StoredMode
{
    private static readonly Dictionary<(string KieModel, string Api), ModeDescriptor?> ByKieModel = Models.AllModes
        .GroupBy(m => (m.KieModel, m.Api.ToString()))
        .ToDictionary(g => g.Key, g => g.Count() == 1 ? g.Single() : null);

    public static ModeDescriptor? Of(Generation generation) =>
        Models.FindMode(generation.ModelId, generation.ModeId)
        ?? ByKieModel.GetValueOrDefault((generation.KieModel, generation.Api));

    /// <summary>The wire text a stored input gives <paramref name="param"/> (a string as is, any other value as JSON), else the parameter's default.</summary>
    public static string? WireValue(JsonElement input, ParamDescriptor param) =>
        input.ValueKind == JsonValueKind.Object && input.TryGetProperty(param.Name, out var value)
            ? value.ValueKind == JsonValueKind.String ? value.GetString() : value.GetRawText()
            : param.DefaultValue;
}
