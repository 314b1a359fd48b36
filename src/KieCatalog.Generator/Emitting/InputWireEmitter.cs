using System.Linq;
using KieCatalog.Generator.Model;

namespace KieCatalog.Generator.Emitting;

/// <summary>Emits a mode input's KIE wire form: WriteInput (the <c>input</c> object sent) and Read (the same object parsed back).</summary>
internal static class InputWireEmitter
{
    public static void EmitWrite(SourceWriter w, ModelSpec model, ModeSpec mode)
    {
        w.Line("/// <summary>Writes the KIE <c>input</c> object.</summary>");
        w.Open("public void WriteInput(global::System.Text.Json.Utf8JsonWriter writer)");
        w.Line("writer.WriteStartObject();");
        foreach (var p in mode.Params.Where(p => p.FromParent is null))
        {
            var name = Naming.Pascal(p.Name);
            var n = SourceWriter.Str(p.Name);
            var nullable = ParamTypes.IsNullable(p);
            var value = nullable && !ParamTypes.IsReference(p) ? name + ".Value" : name;
            string write;
            switch (p.Kind)
            {
                case "integer":
                case "number":
                    write = $"writer.WriteNumber({n}, {value});";
                    break;
                case "boolean":
                    write = $"writer.WriteBoolean({n}, {value});";
                    break;
                case "json":
                    write = $"writer.WritePropertyName({n}); {value}.WriteTo(writer);";
                    break;
                case "list":
                    write = $"global::KieCatalog.Catalog.ListInput.Write(writer, {n}, {value}, static (w, item) => item.WriteInput(w));";
                    break;
                case "enum":
                    write = p.Values.Count > 0 && p.Values[0].IsNumber
                        ? $"writer.WriteNumber({n}, {value}.ToNumber());"
                        : $"writer.WriteString({n}, {value}.ToWire());";
                    break;
                default:
                    if (Vocabulary.UrlListKinds.Contains(p.Kind))
                    {
                        write = $"global::KieCatalog.Catalog.InputWriter.Strings(writer, {n}, {value});";
                    }
                    else
                    {
                        write = $"writer.WriteString({n}, {value});";
                    }

                    break;
            }

            if (nullable)
            {
                w.Open($"if ({name} is not null)");
                w.Line(write);
                w.Close();
            }
            else
            {
                w.Line(write);
            }
        }

        w.Line("writer.WriteEndObject();");
        w.Close();
    }

    public static void EmitRead(SourceWriter w, ModelSpec model, ModeSpec mode, string type)
    {
        var known = string.Join(", ", mode.Params.Select(p => SourceWriter.Str(p.Name))
            .Concat(mode.Params.Where(p => p.DurationPriced).Select(p => SourceWriter.Str(p.Name + Vocabulary.SecondsKeySuffix)))
            .Concat(mode.Params.Where(p => p.SizePriced).SelectMany(p => new[] { SourceWriter.Str(p.Name + Vocabulary.WidthKeySuffix), SourceWriter.Str(p.Name + Vocabulary.HeightKeySuffix) })));
        w.Line("private static readonly string[] KnownParams = { " + known + " };");
        w.Line();
        w.Line("/// <summary>Reads a KIE <c>input</c> object; see <see cref=\"global::KieCatalog.Catalog.ModeDescriptor.ReadInput\"/>.</summary>");
        w.Open($"public static {type} Read(global::System.Text.Json.JsonElement input, global::System.Collections.Generic.List<global::KieCatalog.Catalog.InputViolation> violations)");
        w.Line("var isObject = global::KieCatalog.Catalog.InputReader.Start(input, KnownParams, violations);");
        var assignments = new System.Collections.Generic.List<string>();
        var i = 0;
        foreach (var p in mode.Params)
        {
            var local = "p" + i++;
            var n = SourceWriter.Str(p.Name);
            var read = p.Kind switch
            {
                "integer" => $"global::KieCatalog.Catalog.InputReader.Integer(input, {n}, violations)",
                "number" => $"global::KieCatalog.Catalog.InputReader.Number(input, {n}, violations)",
                "boolean" => $"global::KieCatalog.Catalog.InputReader.Boolean(input, {n}, violations)",
                "json" => $"global::KieCatalog.Catalog.InputReader.Json(input, {n})",
                "list" => $"global::KieCatalog.Catalog.ListInput.Read(input, {n}, {Naming.ItemType(p.Name)}.Read, violations)",
                "enum" => $"global::KieCatalog.Catalog.InputReader.Enum<{Naming.EnumType(model.Id, mode.Id, p.Name)}>(input, {n}, {Naming.EnumType(model.Id, mode.Id, p.Name)}Extensions.TryFromJson, violations)",
                _ => Vocabulary.UrlListKinds.Contains(p.Kind)
                    ? $"global::KieCatalog.Catalog.InputReader.Strings(input, {n}, violations)"
                    : $"global::KieCatalog.Catalog.InputReader.String(input, {n}, violations)",
            };
            w.Line($"var {local} = isObject ? {read} : null;");
            var fallback = ParamTypes.DefaultExpression(model.Id, mode.Id, p);
            if (ParamTypes.IsRequiredMember(p))
            {
                w.Line($"global::KieCatalog.Catalog.InputReader.Require(violations, {n}, {local} is not null);");
                fallback = p.Kind switch
                {
                    "integer" or "number" or "boolean" or "enum" or "json" => "default",
                    "list" => ListEmitter.Empty(model.Id, mode.Id, p),
                    _ => Vocabulary.UrlListKinds.Contains(p.Kind) ? "global::System.Array.Empty<string>()" : "\"\"",
                };
            }

            assignments.Add($"{Naming.Pascal(p.Name)} = {local}{(fallback is null ? "" : " ?? " + fallback)},");
            if (p.DurationPriced)
            {
                var seconds = local + "s";
                w.Line($"var {seconds} = isObject ? global::KieCatalog.Catalog.InputReader.Number(input, {SourceWriter.Str(p.Name + Vocabulary.SecondsKeySuffix)}, violations) : null;");
                assignments.Add($"{Naming.SecondsProperty(p.Name)} = {seconds},");
            }

            if (p.SizePriced)
            {
                w.Line($"var {local}w = isObject ? global::KieCatalog.Catalog.InputReader.Integer(input, {SourceWriter.Str(p.Name + Vocabulary.WidthKeySuffix)}, violations) : null;");
                w.Line($"var {local}h = isObject ? global::KieCatalog.Catalog.InputReader.Integer(input, {SourceWriter.Str(p.Name + Vocabulary.HeightKeySuffix)}, violations) : null;");
                assignments.Add($"{Naming.WidthProperty(p.Name)} = {local}w,");
                assignments.Add($"{Naming.HeightProperty(p.Name)} = {local}h,");
            }
        }

        w.Line($"return new {type}");
        w.Line("{");
        foreach (var a in assignments)
        {
            w.Line("    " + a);
        }

        w.Line("};");
        w.Close();
    }
}
