using System.Linq;
using KieCatalog.Generator.Model;

namespace KieCatalog.Generator.Emitting;

/// <summary>Emits Models (all models and look-ups) and CatalogCallbacks (constants and the typed parser).</summary>
internal static class IndexEmitter
{
    public static string EmitModels(string ns, CatalogSpec catalog)
    {
        var w = new SourceWriter().Header().Line($"namespace {ns};").Line();
        w.Line("/// <summary>The typed KIE catalog generated from the catalog file.</summary>");
        w.Open("public static partial class Models");
        w.Line($"/// <summary>The catalog version.</summary>");
        w.Line($"public const string Version = {SourceWriter.Str(catalog.Version)};");
        w.Line();
        w.Line("/// <summary>US dollars per KIE credit.</summary>");
        w.Line($"public const decimal CreditUsd = {catalog.CreditUsd}m;");
        foreach (var model in catalog.Models)
        {
            w.Line();
            w.Line($"/// <summary>{SourceWriter.Doc(model.Name)}.</summary>");
            w.Line($"public static {Naming.ModelClass(model.Id)} {Naming.Pascal(model.Id)} {{ get; }} = new();");
        }

        w.Line();
        w.Line("/// <summary>Every model, in catalog order.</summary>");
        w.Line("public static global::System.Collections.Generic.IReadOnlyList<global::KieCatalog.Catalog.ModelDescriptor> All { get; } = new global::KieCatalog.Catalog.ModelDescriptor[]");
        w.Line("{");
        foreach (var model in catalog.Models)
        {
            w.Line($"    {Naming.Pascal(model.Id)},");
        }

        w.Line("};");
        w.Line();
        w.Line("/// <summary>Every mode of every model, in catalog order.</summary>");
        w.Line("public static global::System.Collections.Generic.IReadOnlyList<global::KieCatalog.Catalog.ModeDescriptor> AllModes { get; } = global::System.Linq.Enumerable.ToArray(global::System.Linq.Enumerable.SelectMany(All, m => m.Modes));");
        w.Line();
        var categories = catalog.Models.Select(m => m.Category).Distinct().ToList();
        w.Line("/// <summary>The categories the catalog uses, in catalog order.</summary>");
        w.Line($"public static global::System.Collections.Generic.IReadOnlyList<global::KieCatalog.Catalog.ModelCategory> Categories {{ get; }} = new[] {{ {string.Join(", ", categories.Select(c => "global::KieCatalog.Catalog.ModelCategory." + Naming.Pascal(c)))} }};");
        w.Line();
        w.Line("private static readonly global::System.Collections.Generic.Dictionary<string, global::KieCatalog.Catalog.ModelDescriptor> ById =");
        w.Line("    global::System.Linq.Enumerable.ToDictionary(All, m => m.Id, global::System.StringComparer.Ordinal);");
        w.Line();
        w.Line("private static readonly global::System.Collections.Generic.Dictionary<(string, string?), global::KieCatalog.Catalog.ModeDescriptor> ByKieModel =");
        w.Line("    global::System.Linq.Enumerable.ToDictionary(AllModes, m => (m.KieModel, m.CreatePath));");
        w.Line();
        w.Line("/// <summary>The model with this id, or null.</summary>");
        w.Line("public static global::KieCatalog.Catalog.ModelDescriptor? FindModel(string id) => ById.TryGetValue(id, out var model) ? model : null;");
        w.Line();
        w.Line("/// <summary>The mode with these ids, or null.</summary>");
        w.Line("public static global::KieCatalog.Catalog.ModeDescriptor? FindMode(string modelId, string modeId) => FindModel(modelId)?.FindMode(modeId);");
        w.Line();
        w.Line("/// <summary>The mode called with this KIE <c>model</c> string on its family's usual endpoint (or on <paramref name=\"createPath\"/>), or null.</summary>");
        w.Line("public static global::KieCatalog.Catalog.ModeDescriptor? FindByKieModel(string kieModel, string? createPath = null) => ByKieModel.TryGetValue((kieModel, createPath), out var mode) ? mode : null;");
        w.Close();
        return w.ToString();
    }

    public static string EmitCallbacks(string ns, CatalogSpec catalog)
    {
        var w = new SourceWriter().Header().Line($"namespace {ns};").Line();
        var categories = catalog.Models.Select(m => m.Category).Distinct().ToList();
        w.Line("/// <summary>Telegram callback data of every catalog button, and the parser back to typed values.</summary>");
        w.Open("public static partial class CatalogCallbacks");
        w.Line("/// <summary>Category buttons.</summary>");
        w.Open("public static class Categories");
        foreach (var c in categories)
        {
            w.Line($"public const string {Naming.Pascal(c)} = {SourceWriter.Str(CallbackFormat.Category(c))};");
        }

        w.Close();
        w.Line();
        w.Line("/// <summary>Model buttons.</summary>");
        w.Open("public static class ForModels");
        foreach (var m in catalog.Models)
        {
            w.Line($"public const string {Naming.Pascal(m.Id)} = {SourceWriter.Str(CallbackFormat.Model(m.Id))};");
        }

        w.Close();
        w.Line();
        w.Line("/// <summary>Mode buttons.</summary>");
        w.Open("public static class ForModes");
        foreach (var m in catalog.Models)
        {
            foreach (var mode in m.Modes)
            {
                w.Line($"public const string {Naming.Pascal(m.Id)}{Naming.Pascal(mode.Id)} = {SourceWriter.Str(CallbackFormat.Mode(m.Id, mode.Id))};");
            }
        }

        w.Close();
        w.Line();
        w.Line("private static readonly global::KieCatalog.Catalog.CatalogCallbackMap Map = new(Models.All, new global::System.Collections.Generic.Dictionary<global::KieCatalog.Catalog.ModelCategory, string>");
        w.Line("{");
        foreach (var c in categories)
        {
            w.Line($"    [global::KieCatalog.Catalog.ModelCategory.{Naming.Pascal(c)}] = Categories.{Naming.Pascal(c)},");
        }

        w.Line("});");
        w.Line();
        w.Line("/// <summary>The callback data of a category button.</summary>");
        w.Line("public static string For(global::KieCatalog.Catalog.ModelCategory category) => category switch");
        w.Line("{");
        foreach (var c in categories)
        {
            w.Line($"    global::KieCatalog.Catalog.ModelCategory.{Naming.Pascal(c)} => Categories.{Naming.Pascal(c)},");
        }

        w.Line("    _ => throw new global::System.ArgumentOutOfRangeException(nameof(category), category, \"the catalog has no model of this category\"),");
        w.Line("};");
        w.Line();
        w.Line("/// <summary>Every catalog callback data string.</summary>");
        w.Line("public static global::System.Collections.Generic.IEnumerable<string> AllData => Map.AllData;");
        w.Line();
        w.Line("/// <summary>Parses catalog callback data; false for anything unknown (forged, or from an older catalog).</summary>");
        w.Line("public static bool TryParse(string? data, [global::System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out global::KieCatalog.Catalog.CatalogCallback? callback) => Map.TryParse(data, out callback);");
        w.Close();
        return w.ToString();
    }
}
