using System.Linq;
using KieCatalog.Generator.Model;

namespace KieCatalog.Generator.Emitting;

/// <summary>Emits a parameter's enum with its wire values, parsers and (for numeric values) numbers.</summary>
internal static class EnumEmitter
{
    public static void Emit(SourceWriter w, ModelSpec model, ModeSpec mode, ParamSpec param)
    {
        var type = Naming.EnumType(model.Id, mode.Id, param.Name);
        var isNumber = param.Values.Count > 0 && param.Values[0].IsNumber;
        var numeric = param.Values.All(v => Decimals.TryParse(v.Wire, out _));
        w.Line($"/// <summary>Values of <c>{SourceWriter.Doc(param.Name)}</c> in {SourceWriter.Doc(mode.KieModel)}.</summary>");
        w.Open($"public enum {type}");
        foreach (var v in param.Values)
        {
            w.Line($"/// <summary>Wire value <c>{SourceWriter.Doc(v.Wire)}</c>.</summary>");
            w.Line(v.Identifier + ",");
        }

        w.Close();
        w.Line();
        w.Line($"/// <summary>Wire conversions of <see cref=\"{type}\"/>.</summary>");
        w.Open($"public static class {type}Extensions");
        w.Line($"/// <summary>The value as KIE takes it{(isNumber ? " (the text of a JSON number)" : "")}.</summary>");
        w.Line($"public static string ToWire(this {type} value) => value switch");
        w.Line("{");
        foreach (var v in param.Values)
        {
            w.Line($"    {type}.{v.Identifier} => {SourceWriter.Str(v.Wire)},");
        }

        w.Line($"    _ => throw new global::System.ArgumentOutOfRangeException(nameof(value), value, null),");
        w.Line("};");
        if (numeric)
        {
            w.Line();
            w.Line("/// <summary>The value as a number (used for prices per unit).</summary>");
            w.Line($"public static decimal ToNumber(this {type} value) => value switch");
            w.Line("{");
            foreach (var v in param.Values)
            {
                Decimals.TryParse(v.Wire, out var n);
                w.Line($"    {type}.{v.Identifier} => {Decimals.Literal(n)},");
            }

            w.Line($"    _ => throw new global::System.ArgumentOutOfRangeException(nameof(value), value, null),");
            w.Line("};");
        }

        w.Line();
        w.Line($"public static bool IsDefined(this {type} value) => value is {string.Join(" or ", param.Values.Select(v => type + "." + v.Identifier))};");
        w.Line();
        w.Line("/// <summary>Parses a wire value.</summary>");
        w.Open($"public static bool TryFromWire(string? wire, out {type} value)");
        w.Line("switch (wire)");
        w.Line("{");
        foreach (var v in param.Values)
        {
            w.Line($"    case {SourceWriter.Str(v.Wire)}: value = {type}.{v.Identifier}; return true;");
        }

        w.Line("    default: value = default; return false;");
        w.Line("}");
        w.Close();
        w.Line();
        w.Line("/// <summary>Parses a JSON value as KIE takes it.</summary>");
        w.Open($"public static bool TryFromJson(global::System.Text.Json.JsonElement element, out {type} value)");
        if (isNumber)
        {
            w.Open("if (element.ValueKind == global::System.Text.Json.JsonValueKind.Number && element.TryGetDecimal(out var number))");
            foreach (var v in param.Values)
            {
                Decimals.TryParse(v.Wire, out var n);
                w.Line($"if (number == {Decimals.Literal(n)}) {{ value = {type}.{v.Identifier}; return true; }}");
            }

            w.Close();
            w.Line("value = default;");
            w.Line("return false;");
        }
        else
        {
            w.Line("return TryFromWire(element.ValueKind == global::System.Text.Json.JsonValueKind.String ? element.GetString() : null, out value);");
        }

        w.Close();
        w.Close();
    }
}
