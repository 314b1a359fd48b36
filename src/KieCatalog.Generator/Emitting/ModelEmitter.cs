using System.Linq;
using KieCatalog.Generator.Model;

namespace KieCatalog.Generator.Emitting;

/// <summary>Emits one file per model: the model class, and each mode's input record and enums.</summary>
internal static class ModelEmitter
{
    public static string Emit(string ns, ModelSpec model)
    {
        var w = new SourceWriter().Header().Line($"namespace {ns};").Line();
        var cls = Naming.ModelClass(model.Id);
        w.Line($"/// <summary>{SourceWriter.Doc(model.Name)} ({SourceWriter.Doc(model.Vendor)}): {SourceWriter.Doc(model.Description.En)}</summary>");
        w.Open($"public sealed partial class {cls} : global::KieCatalog.Catalog.ModelDescriptor");
        w.Line($"internal {cls}()");
        w.Line("    : base(");
        w.Line($"        {SourceWriter.Str(model.Id)},");
        w.Line($"        {SourceWriter.Str(model.Name)},");
        w.Line($"        {SourceWriter.Str(model.Vendor)},");
        w.Line($"        global::KieCatalog.Catalog.ModelCategory.{Naming.Pascal(model.Category)},");
        w.Line($"        new global::KieCatalog.Catalog.LocalizedText({SourceWriter.Str(model.Description.En)}, {SourceWriter.Str(model.Description.Ru)}),");
        w.Line($"        new string[] {{ {string.Join(", ", model.SeedIds.Select(SourceWriter.Str))} }},");
        w.Line($"        {SourceWriter.Str(CallbackFormat.Model(model.Id))},");
        w.Line($"        new global::KieCatalog.Catalog.ModeDescriptor[] {{ {string.Join(", ", model.Modes.Select(m => Naming.InputType(model.Id, m.Id) + ".Descriptor"))} }})");
        w.Line("{");
        w.Line("}");
        foreach (var mode in model.Modes)
        {
            var input = Naming.InputType(model.Id, mode.Id);
            w.Line();
            w.Line($"/// <summary>{SourceWriter.Doc(mode.Label.En)}: KIE model <c>{SourceWriter.Doc(mode.KieModel)}</c>.</summary>");
            w.Line($"public global::KieCatalog.Catalog.ModeDescriptor<{input}> {Naming.Pascal(mode.Id)} => {input}.Descriptor;");
        }

        w.Close();
        foreach (var mode in model.Modes)
        {
            w.Line();
            InputEmitter.Emit(w, model, mode);
            foreach (var param in mode.Params.Where(p => p.Kind == "enum"))
            {
                w.Line();
                EnumEmitter.Emit(w, model, mode, param);
            }

            foreach (var list in mode.Params.Where(p => p.List is not null))
            {
                foreach (var field in list.List!.Fields.Where(f => f.Kind == "enum"))
                {
                    w.Line();
                    EnumEmitter.Emit(w, model, ListScope.Of(mode, list), field);
                }
            }
        }

        return w.ToString();
    }
}
