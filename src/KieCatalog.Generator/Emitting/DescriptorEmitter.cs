using System.Linq;
using KieCatalog.Generator.Model;

namespace KieCatalog.Generator.Emitting;

/// <summary>Emits the constructor arguments of a parameter's descriptor (its values, toggle, limits and follow-up rule).</summary>
internal static class DescriptorEmitter
{
    /// <summary>A parameter's descriptor up to its closing parenthesis: <c>new(() =&gt; mode, "prompt", ParamKind.Text, …</c>.</summary>
    public static string Arguments(ModelSpec model, ModeSpec mode, ParamSpec p)
    {
        var values = p.Kind == "enum"
            ? "new global::KieCatalog.Catalog.EnumValueDescriptor[] { " + string.Join(", ", p.Values.Select(v =>
                $"new({SourceWriter.Str(v.Wire)}, {(v.IsNumber ? "true" : "false")}, {SourceWriter.Str(CallbackFormat.EnumValue(model.Id, mode.Id, p.Name, v.Wire))}{ValueLabel(v)}{Refused(mode, p, v)})")) + " }"
            : "null";
        var toggle = p.Kind == "boolean" ? SourceWriter.Str(CallbackFormat.Toggle(model.Id, mode.Id, p.Name)) : "null";
        return $"new(() => mode, {SourceWriter.Str(p.Name)}, global::KieCatalog.Catalog.ParamKind.{Vocabulary.KindIdentifier(p.Kind)}, {(p.Required ? "true" : "false")}, " +
               $"new global::KieCatalog.Catalog.LocalizedText({SourceWriter.Str(p.Label.En)}, {SourceWriter.Str(p.Label.Ru)}), " +
               $"{SourceWriter.Str(p.Default)}, {InputEmitter.Dec(p.Min)}, {InputEmitter.Dec(p.Max)}, {SourceWriter.Int(p.MaxLength)}, {SourceWriter.Int(p.MinItems)}, {SourceWriter.Int(p.MaxItems)}, " +
               $"{values}, {(p.AffectsPrice ? "true" : "false")}, {toggle}{DurationArguments(p)}{FollowUpEmitter.Argument(p)}{(p.FromParent is { } from ? ", fromParent: " + SourceWriter.Str(from) : "")}";
    }

    private static string DurationArguments(ParamSpec p) =>
        (p.MaxSeconds is { } max ? $", maxSeconds: {max}" : "") + (p.DurationPriced ? ", durationPriced: true" : "")
        + (p.MaxMegapixels is { } mp ? $", maxMegapixels: {mp}m" : "") + (p.SizePriced ? ", sizePriced: true" : "");

    private static string ValueLabel(EnumValueSpec value) =>
        value.Label is { } label ? $", label: new global::KieCatalog.Catalog.LocalizedText({SourceWriter.Str(label.En)}, {SourceWriter.Str(label.Ru)})" : string.Empty;

    /// <summary>A value a one-parameter reject refuses whatever else is chosen: not offered.</summary>
    private static string Refused(ModeSpec mode, ParamSpec param, EnumValueSpec value) =>
        mode.Rejects.Any(r => r.Terms.Count == 1 && r.Terms[0].Param == param.Name && r.Terms[0].Values.Contains(value.Wire)) ? ", offered: false" : string.Empty;
}
