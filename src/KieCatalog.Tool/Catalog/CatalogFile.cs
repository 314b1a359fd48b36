using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using CatalogParser = KieCatalog.Generator.Parsing.CatalogParser;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace KieCatalog.Tool.Catalog;

/// <summary>
/// A models.json: read with the generator's own parser (the tool refuses exactly what the build refuses, at the same
/// line and column), edited as JSON nodes that keep key order, and written back in the file's own layout (two-space
/// indentation, unescaped text, a final newline) so a diff shows only what changed.
/// </summary>
internal sealed class CatalogFile
{
    private static readonly JsonSerializerOptions Layout = new() { WriteIndented = true, IndentSize = 2, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private CatalogFile(string path, string text, JsonObject root)
    {
        Path = path;
        Text = text;
        Root = root;
    }

    public string Path { get; }

    /// <summary>The text as read.</summary>
    public string Text { get; }

    public JsonObject Root { get; }

    public JsonArray Models => Root["models"] as JsonArray ?? throw new InvalidOperationException("the catalog has no models array");

    /// <summary>Reads and checks a catalog; the problems are the generator's errors, formatted as the build shows them.</summary>
    public static CatalogFile Load(string path, out IReadOnlyList<string> errors)
    {
        if (!File.Exists(path))
        {
            errors = [$"{path}(1,1): error: no such catalog file"];
            return Empty(path);
        }

        var text = File.ReadAllText(path);
        errors = Check(path, text);
        if (errors.Count > 0 && JsonSyntaxError(text))
        {
            return Empty(path);
        }

        return new CatalogFile(path, text, (JsonNode.Parse(text) as JsonObject)!);
    }

    /// <summary>An empty catalog to import into (no file yet).</summary>
    public static CatalogFile New(string path, string version) =>
        new(path, string.Empty, new JsonObject { ["$schema"] = "./models.schema.json", ["version"] = version, ["creditUsd"] = 0.005m, ["models"] = new JsonArray() });

    /// <summary>The generator's errors (and warnings, which this repository builds as errors) for a catalog text.</summary>
    public static IReadOnlyList<string> Check(string path, string text) =>
        CatalogParser.Parse(path, SourceText.From(text)).Diagnostics
            .Select(d => d.ToDiagnostic())
            .Where(d => d.Severity >= DiagnosticSeverity.Warning)
            .Select(Format)
            .ToList();

    public string Render() => Root.ToJsonString(Layout) + "\n";

    private static CatalogFile Empty(string path) => new(path, string.Empty, new JsonObject { ["models"] = new JsonArray() });

    private static bool JsonSyntaxError(string text)
    {
        try
        {
            return JsonNode.Parse(text) is not JsonObject;
        }
        catch (JsonException)
        {
            return true;
        }
    }

    private static string Format(Diagnostic d)
    {
        var span = d.Location.GetLineSpan();
        var severity = d.Severity == DiagnosticSeverity.Error ? "error" : "warning";
        return $"{span.Path}({span.StartLinePosition.Line + 1},{span.StartLinePosition.Character + 1}): {severity} {d.Id}: {d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)}";
    }
}
