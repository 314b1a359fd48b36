namespace KieCatalog.Generator.Tests.Support;

/// <summary>Small catalog texts for diagnostics tests, and positions of anchors in them.</summary>
public static class CatalogText
{
    public const string ValidMode = """
        {
          "id": "text-to-image",
          "kieModel": "vendor/text-to-image",
          "output": "image",
          "label": { "en": "Text to image", "ru": "Текст в изображение" },
          "price": { "credits": 4 },
          "params": {
            "prompt": { "type": "text", "required": true, "maxLength": 100, "label": { "en": "Prompt", "ru": "Промпт" } }
          }
        }
        """;

    public static string ModelOf(string id, params string[] modes) => $$"""
        {
          "id": "{{id}}",
          "name": "Model {{id}}",
          "vendor": "Vendor",
          "category": "image",
          "description": { "en": "A model", "ru": "Модель" },
          "modes": [{{string.Join(",\n", modes)}}]
        }
        """;

    public static string CatalogOf(params string[] models) => $$"""
        {
          "version": "t",
          "creditUsd": 0.005,
          "models": [{{string.Join(",\n", models)}}]
        }
        """;

    /// <summary>A one-model, one-mode catalog whose mode is <paramref name="mode"/>.</summary>
    public static string WithMode(string mode) => CatalogOf(ModelOf("m", mode));

    /// <summary>A mode with the given params object body and price object.</summary>
    public static string Mode(string paramsBody, string price = """{ "credits": 4 }""", string id = "text-to-image", string kieModel = "vendor/text-to-image") => $$"""
        {
          "id": "{{id}}",
          "kieModel": "{{kieModel}}",
          "output": "image",
          "label": { "en": "Mode", "ru": "Режим" },
          "price": {{price}},
          "params": { {{paramsBody}} }
        }
        """;

    /// <summary>Zero-based line and column of the <paramref name="occurrence"/>-th occurrence of <paramref name="anchor"/>.</summary>
    public static (int Line, int Column) PositionOf(string text, string anchor, int occurrence = 1)
    {
        var index = -1;
        for (var i = 0; i < occurrence; i++)
        {
            index = text.IndexOf(anchor, index + 1, StringComparison.Ordinal);
            Assert.True(index >= 0, $"anchor '{anchor}' (#{occurrence}) is not in the catalog text");
        }

        var line = text.Take(index).Count(c => c == '\n');
        var column = index - (text.LastIndexOf('\n', Math.Max(0, index - 1)) + 1);
        if (index == 0)
        {
            column = 0;
        }

        return (line, column);
    }
}
