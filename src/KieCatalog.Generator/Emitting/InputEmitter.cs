using System.Linq;
using KieCatalog.Generator.Model;

namespace KieCatalog.Generator.Emitting;

/// <summary>Emits one mode's typed input record: properties, descriptor, Validate, Price, WriteInput and Read.</summary>
internal static class InputEmitter
{
    public static void Emit(SourceWriter w, ModelSpec model, ModeSpec mode)
    {
        var type = Naming.InputType(model.Id, mode.Id);
        w.Line($"/// <summary>Input of {SourceWriter.Doc(model.Name)}: {SourceWriter.Doc(mode.Label.En)} (KIE model <c>{SourceWriter.Doc(mode.KieModel)}</c>).</summary>");
        w.Open($"public sealed partial record {type} : global::KieCatalog.Catalog.IModeInput");
        EmitDescriptor(w, model, mode, type);
        w.Line();
        w.Line("global::KieCatalog.Catalog.ModeDescriptor global::KieCatalog.Catalog.IModeInput.Mode => Descriptor;");
        foreach (var p in mode.Params)
        {
            w.Line();
            EmitProperty(w, model, mode, p);
        }

        w.Line();
        EmitValidate(w, model, mode);
        w.Line();
        PriceEmitter.Emit(w, model, mode);
        w.Line();
        InputWireEmitter.EmitWrite(w, model, mode);
        w.Line();
        InputWireEmitter.EmitRead(w, model, mode, type);
        foreach (var list in mode.Params.Where(p => p.List is not null))
        {
            w.Line();
            ListEmitter.EmitItem(w, model, mode, list);
        }

        w.Close();
    }

    private static void EmitDescriptor(SourceWriter w, ModelSpec model, ModeSpec mode, string type)
    {
        var price = mode.Price;
        w.Line($"/// <summary>The catalog entry of this mode.</summary>");
        w.Line($"public static global::KieCatalog.Catalog.ModeDescriptor<{type}> Descriptor {{ get; }} = new(");
        w.Line($"    static () => Models.{Naming.Pascal(model.Id)},");
        w.Line($"    {SourceWriter.Str(mode.Id)},");
        w.Line($"    {SourceWriter.Str(mode.KieModel)},");
        w.Line($"    global::KieCatalog.Catalog.ApiFamily.{ApiName(mode.Api)},");
        w.Line($"    {SourceWriter.Str(mode.Path)},");
        w.Line($"    global::KieCatalog.Catalog.OutputKind.{Naming.Pascal(mode.Output)},");
        w.Line($"    new global::KieCatalog.Catalog.LocalizedText({SourceWriter.Str(mode.Label.En)}, {SourceWriter.Str(mode.Label.Ru)}),");
        w.Line($"    {SourceWriter.Str(mode.Hidden)},");
        w.Line($"    new string[] {{ {string.Join(", ", mode.SeedIds.Select(SourceWriter.Str))} }},");
        w.Line($"    new global::KieCatalog.Catalog.PriceDescriptor(global::KieCatalog.Catalog.PriceUnit.{UnitName(price.Unit)}, {price.MinCredits}m, {(price.MaxCredits is null ? "null" : price.MaxCredits + "m")}, {SourceWriter.Str(price.Quantity)}, {(price.MaxQuantity is null ? "null" : price.MaxQuantity + "m")}{(price.ByFileDuration ? ", byFileDuration: true" : "")}{(price.ByImageSize ? ", byImageSize: true" : "")}{(price.Produced ? ", perImageMade: true" : "")}),");
        w.Line($"    {SourceWriter.Str(CallbackFormat.Mode(model.Id, mode.Id))},");
        w.Line("    static mode => new global::KieCatalog.Catalog.ParamDescriptor[]");
        w.Line("    {");
        foreach (var p in mode.Params)
        {
            var line = "        " + DescriptorEmitter.Arguments(model, mode, p);
            if (p.List is null)
            {
                w.Line(line + "),");
            }
            else
            {
                ListEmitter.EmitDescriptorItems(w, model, mode, p, line);
            }
        }

        w.Line("    },");
        var tail = new System.Collections.Generic.List<string> { "Read" };
        if (mode.RequireOneOf.Count > 0)
        {
            var groups = string.Join(", ", mode.RequireOneOf.Select(g => "new string[] { " + string.Join(", ", g.Select(SourceWriter.Str)) + " }"));
            tail.Add($"requireOneOf: new string[][] {{ {groups} }}");
        }

        if (mode.RequireWhen.Count > 0)
        {
            var rules = string.Join(", ", mode.RequireWhen.Select(r =>
                "new(new (string, string[])[] { " + string.Join(", ", r.When.Select(t => $"({SourceWriter.Str(t.Param)}, new[] {{ {string.Join(", ", t.Values.Select(SourceWriter.Str))} }})")) + " }, "
                + "new[] { " + string.Join(", ", r.Params.Select(SourceWriter.Str)) + " }" + (r.MaxLength is { } max ? $", {max}" : "") + ")"));
            tail.Add($"requireWhen: new global::KieCatalog.Catalog.RequiredWhen[] {{ {rules} }}");
        }

        for (var i = 0; i < tail.Count; i++)
        {
            w.Line("    " + tail[i] + (i == tail.Count - 1 ? ");" : ","));
        }
    }

    internal static string Dec(string? value) => value is null ? "null" : value + "m";

    internal static void EmitProperty(SourceWriter w, ModelSpec model, ModeSpec mode, ParamSpec p)
    {
        var name = Naming.Pascal(p.Name);
        w.Line($"/// <summary>{SourceWriter.Doc(p.Label.En)} (<c>{SourceWriter.Doc(p.Name)}</c>{(p.Required ? ", required" : "")}).</summary>");
        var required = ParamTypes.IsRequiredMember(p) ? "required " : "";
        var init = ParamTypes.DefaultExpression(model.Id, mode.Id, p);
        var suffix = init is null ? "" : $" = {init};";
        w.Line($"public {required}{ParamTypes.PropertyType(model.Id, mode.Id, p)} {name} {{ get; init; }}{suffix}");
        if (p.DurationPriced)
        {
            w.Line();
            w.Line($"/// <summary>");
            w.Line($"/// Length in seconds of the file given for <c>{SourceWriter.Doc(p.Name)}</c>: the price is {(mode.Price.Unit == "minute" ? "per started minute" : "per second")} of it (fractions of a second round up).");
            w.Line($"/// Never sent to KIE. Required when <see cref=\"{name}\"/> is given{(p.MaxSeconds is { } max ? $"; at most {max}" : "")}. Generic code sets it through");
            w.Line($"/// <see cref=\"global::KieCatalog.Catalog.ModeDescriptor.ReadInput\"/> with the key <c>{SourceWriter.Doc(p.Name + Vocabulary.SecondsKeySuffix)}</c> (<see cref=\"global::KieCatalog.Catalog.ParamDescriptor.SecondsKey\"/>).");
            w.Line($"/// </summary>");
            w.Line($"public decimal? {Naming.SecondsProperty(p.Name)} {{ get; init; }}");
        }

        if (p.SizePriced)
        {
            var what = mode.Price.Unit == "megapixel" ? "per started megapixel (1,048,576 pixels) of it" : "by the size of the output it makes";
            foreach (var (property, key, side) in new[] { (Naming.WidthProperty(p.Name), p.Name + Vocabulary.WidthKeySuffix, "width"), (Naming.HeightProperty(p.Name), p.Name + Vocabulary.HeightKeySuffix, "height") })
            {
                w.Line();
                w.Line($"/// <summary>");
                w.Line($"/// Pixel {side} of the image given for <c>{SourceWriter.Doc(p.Name)}</c>: the price is {what}. Never sent to KIE; required when");
                w.Line($"/// <see cref=\"{name}\"/> is given. Generic code sets it through <see cref=\"global::KieCatalog.Catalog.ModeDescriptor.ReadInput\"/> with the key <c>{SourceWriter.Doc(key)}</c>.");
                w.Line($"/// </summary>");
                w.Line($"public int? {property} {{ get; init; }}");
            }
        }
    }

    internal static void EmitValidate(SourceWriter w, ModelSpec model, ModeSpec mode)
    {
        w.Line("/// <summary>Every violated constraint of this input; empty when it can be sent.</summary>");
        w.Open("public global::System.Collections.Generic.IReadOnlyList<global::KieCatalog.Catalog.InputViolation> Validate()");
        w.Line("var v = new global::System.Collections.Generic.List<global::KieCatalog.Catalog.InputViolation>();");
        foreach (var p in mode.Params)
        {
            var name = Naming.Pascal(p.Name);
            var n = SourceWriter.Str(p.Name);
            var req = p.Required ? "true" : "false";
            switch (p.Kind)
            {
                case "text":
                case "string":
                case "task":
                    w.Line($"global::KieCatalog.Catalog.InputRules.Text(v, {n}, {name}, {req}, {SourceWriter.Int(p.MaxLength)});");
                    break;
                case "integer":
                case "number":
                    if (p.Min is not null || p.Max is not null)
                    {
                        w.Line($"global::KieCatalog.Catalog.InputRules.Range(v, {n}, {name}, {Dec(p.Min)}, {Dec(p.Max)});");
                    }

                    break;
                case "enum":
                    var value = ParamTypes.IsNullable(p) ? $"{name} is null || {name}.Value.IsDefined()" : $"{name}.IsDefined()";
                    w.Line($"global::KieCatalog.Catalog.InputRules.Defined(v, {n}, {value});");
                    break;
                case "boolean":
                case "json":
                    break;
                case "list":
                    ListEmitter.EmitRules(w, p);
                    break;
                default:
                    if (Vocabulary.UrlListKinds.Contains(p.Kind))
                    {
                        w.Line($"global::KieCatalog.Catalog.InputRules.Urls(v, {n}, {name}, {req}, {SourceWriter.Int(p.MinItems)}, {SourceWriter.Int(p.MaxItems)});");
                    }
                    else
                    {
                        w.Line($"global::KieCatalog.Catalog.InputRules.Url(v, {n}, {name}, {req});");
                    }

                    break;
            }
        }

        foreach (var p in mode.Params.Where(p => p.DurationPriced))
        {
            var file = Vocabulary.DurationListKinds.Contains(p.Kind) ? $"({Naming.Pascal(p.Name)} is {{ Count: > 0 }} files ? files[0] : null)" : Naming.Pascal(p.Name);
            w.Line($"global::KieCatalog.Catalog.InputRules.Duration(v, {SourceWriter.Str(p.Name)}, {file}, {Naming.SecondsProperty(p.Name)}, {SourceWriter.Int(p.MaxSeconds)});");
        }

        foreach (var p in mode.Params.Where(p => p.SizePriced))
        {
            w.Line($"global::KieCatalog.Catalog.InputRules.ImageSize(v, {SourceWriter.Str(p.Name)}, {Naming.Pascal(p.Name)}, {Naming.WidthProperty(p.Name)}, {Naming.HeightProperty(p.Name)}, {(p.MaxMegapixels is { } mp ? mp + "m" : "null")});");
        }

        if (mode.Price.Unit == "output-size")
        {
            w.Open("if (v.Count == 0 && Rate() is null)");
            w.Line($"v.Add(new global::KieCatalog.Catalog.InputViolation({SourceWriter.Str(mode.Price.Quantity!)}, global::KieCatalog.Catalog.ViolationCode.NotOffered, \"{mode.Price.Factor}=\" + {WireOf(mode, mode.Price.Factor!)} + \", > {mode.Price.Tiers[mode.Price.Tiers.Count - 1].MaxSide} px\"));");
            w.Close();
        }

        foreach (var group in mode.RequireOneOf)
        {
            var names = string.Join(", ", group.Select(SourceWriter.Str));
            var given = string.Join(" || ", group.Select(n => Given(mode.Params.First(p => p.Name == n))));
            w.Line($"global::KieCatalog.Catalog.InputRules.OneOf(v, new[] {{ {names} }}, {given});");
        }

        foreach (var rule in mode.RequireWhen)
        {
            w.Open($"if ({Holds(model, mode, rule.When)})");
            foreach (var name in rule.Params)
            {
                var p = mode.Params.First(x => x.Name == name);
                if (!p.Required && p.Default is null)
                {
                    w.Line($"global::KieCatalog.Catalog.InputRules.Given(v, {SourceWriter.Str(name)}, {Given(p)});");
                }

                if (rule.MaxLength is { } max)
                {
                    w.Line($"global::KieCatalog.Catalog.InputRules.Text(v, {SourceWriter.Str(name)}, {Naming.Pascal(name)}, false, {max});");
                }
            }

            w.Close();
        }

        foreach (var reject in mode.Rejects)
        {
            var test = Holds(model, mode, reject.Terms);
            var combination = string.Join(" + \", \" + ", reject.Terms.Select(t => $"\"{t.Param}=\" + {WireOf(mode, t.Param)}"));
            w.Open($"if ({test})");
            w.Line($"v.Add(new global::KieCatalog.Catalog.InputViolation({SourceWriter.Str(reject.Terms[0].Param)}, global::KieCatalog.Catalog.ViolationCode.NotOffered, {combination}));");
            w.Close();
        }

        if (mode.Price.By.Count > 0)
        {
            var combination = string.Join(" + \", \" + ", mode.Price.By.Select(b => $"\"{b}=\" + {WireOf(mode, b)}"));
            w.Open("if (v.Count == 0 && Rate() is null)");
            w.Line($"v.Add(new global::KieCatalog.Catalog.InputViolation({SourceWriter.Str(mode.Price.By[0])}, global::KieCatalog.Catalog.ViolationCode.NotOffered, {combination}));");
            w.Close();
        }

        w.Line("return v;");
        w.Close();
    }

    /// <summary>A C# test that every term holds: each parameter at one of its values.</summary>
    private static string Holds(ModelSpec model, ModeSpec mode, EquatableArray<RejectTerm> terms) =>
        string.Join(" && ", terms.Select(t => "(" + string.Join(" || ", t.Values.Select(value => $"{Naming.Pascal(t.Param)} == {ParamTypes.ValueExpression(model.Id, mode.Id, mode.Params.First(p => p.Name == t.Param), value)}")) + ")"));

    /// <summary>A C# test that an optional parameter without a default has a value (what WriteInput would send).</summary>
    private static string Given(ParamSpec p)
    {
        var name = Naming.Pascal(p.Name);
        if (Vocabulary.UrlListKinds.Contains(p.Kind))
        {
            return $"{name} is {{ Count: > 0 }}";
        }

        return ParamTypes.IsReference(p) ? $"!string.IsNullOrWhiteSpace({name})" : $"{name} is not null";
    }

    /// <summary>The C# expression of a parameter's wire text (its property may be unset when the parameter is optional without a default).</summary>
    internal static string WireOf(ModeSpec mode, string paramName)
    {
        var p = mode.Params.First(x => x.Name == paramName);
        var name = Naming.Pascal(p.Name);
        var nullable = ParamTypes.IsNullable(p);
        return p.Kind == "boolean"
            ? $"({name}{(nullable ? " == true" : "")} ? \"true\" : \"false\")"
            : $"{name}{(nullable ? "?" : "")}.ToWire()";
    }

    public static string ApiName(string api) => api switch
    {
        "gpt4o-image" => "Gpt4oImage",
        _ => Naming.Pascal(api),
    };

    public static string UnitName(string unit) => unit == "1000-chars" ? "ThousandChars" : Naming.Pascal(unit);
}
