using System.Linq;
using KieCatalog.Generator.Model;

namespace KieCatalog.Generator.Emitting;

/// <summary>Emits a task parameter's follow-up rule into its descriptor.</summary>
internal static class FollowUpEmitter
{
    /// <summary>A task parameter's rule, its modes resolved when first asked (they may be declared later in the catalog).</summary>
    public static string Argument(ParamSpec p)
    {
        if (p.FollowUp is not { } f)
        {
            return "";
        }

        static string Modes(EquatableArray<string> keys) =>
            "static () => new global::KieCatalog.Catalog.ModeDescriptor[] { " + string.Join(", ", keys.Select(k => "Models." + Naming.Pascal(k.Split('/')[0]) + "." + Naming.Pascal(k.Split('/')[1]))) + " }";
        return $", followUp: new global::KieCatalog.Catalog.FollowUpRule({Modes(f.From)}, {SourceWriter.Str(f.Output)}, {Modes(f.NotAfter)}, {SourceWriter.Int(f.MaxAgeDays)}{(f.TakesOutputId ? ", takesOutputId: true" : "")}{(f.OutputId is { } id ? ", outputIdParam: " + SourceWriter.Str(id) : "")})";
    }
}
