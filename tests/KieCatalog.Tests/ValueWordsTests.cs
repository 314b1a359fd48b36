using KieCatalog.Catalog;

namespace KieCatalog.Tests;

/// <summary>Every value a buyer can press reads as words: no wire constant with an underscore shows on a visible button.</summary>
public sealed class ValueWordsTests
{
    [Fact]
    public void No_visible_enum_value_shows_a_snake_case_wire_string()
    {
        var raw = Models.AllModes.Where(m => m.IsVisible)
            .SelectMany(m => m.Params.Where(p => p.Kind == ParamKind.Enum).SelectMany(p => p.Values.Where(v => v.Offered).Select(v => (Mode: m, Param: p, Value: v))))
            .Where(x => x.Value.Label is null && x.Value.Wire.Contains('_', StringComparison.Ordinal))
            .Select(x => $"{x.Mode.Key}.{x.Param.Name}={x.Value.Wire}")
            .ToList();

        Assert.Empty(raw);
        Assert.Equal("Portrait 3:4", Models.SeedreamV4.TextToImage.FindParam("image_size")!.FindValue("portrait_4_3")!.Display("en"));
        Assert.Equal("Альбом 16:9", Models.SeedreamV4.TextToImage.FindParam("image_size")!.FindValue("landscape_16_9")!.Display("ru"));
    }
}
