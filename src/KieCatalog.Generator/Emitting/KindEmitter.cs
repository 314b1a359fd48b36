using System.Linq;
using KieCatalog.Generator.Model;

namespace KieCatalog.Generator.Emitting;

/// <summary>
/// Emits the per-parameter-kind handler interface with one member per kind the catalog uses, so a consumer that
/// must collect every kind stops compiling when the catalog starts using a new one.
/// </summary>
internal static class KindEmitter
{
    public static string Emit(string ns, CatalogSpec catalog)
    {
        var present = new System.Collections.Generic.HashSet<string>(catalog.Models.SelectMany(m => m.Modes).SelectMany(mode => mode.Params)
            .SelectMany(p => p.List is { } list ? list.Fields.Prepend(p) : new[] { p }).Select(p => p.Kind));
        var used = Vocabulary.ParamKinds.Where(present.Contains).ToList();
        var w = new SourceWriter().Header().Line($"namespace {ns};").Line();
        w.Line("/// <summary>Handles each parameter kind the catalog uses (and no other).</summary>");
        w.Open("public interface IParamKindHandler<TResult>");
        foreach (var kind in used)
        {
            w.Line($"/// <summary>A <c>{kind}</c> parameter.</summary>");
            w.Line($"TResult On{Vocabulary.KindIdentifier(kind)}(global::KieCatalog.Catalog.ParamDescriptor param);");
            w.Line();
        }

        w.Close();
        w.Line();
        w.Line("/// <summary>Calls the handler member for a parameter's kind.</summary>");
        w.Open("public static class ParamKindDispatch");
        w.Line("/// <summary>Calls <paramref name=\"handler\"/> for the kind of <paramref name=\"param\"/>.</summary>");
        w.Line("public static TResult Accept<TResult>(this global::KieCatalog.Catalog.ParamDescriptor param, IParamKindHandler<TResult> handler) => param.Kind switch");
        w.Line("{");
        foreach (var kind in used)
        {
            var id = Vocabulary.KindIdentifier(kind);
            w.Line($"    global::KieCatalog.Catalog.ParamKind.{id} => handler.On{id}(param),");
        }

        w.Line("    _ => throw new global::System.ArgumentOutOfRangeException(nameof(param), param.Kind, \"this catalog has no parameter of this kind\"),");
        w.Line("};");
        w.Close();
        return w.ToString();
    }
}
