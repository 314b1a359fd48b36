using System.Linq;
using KieCatalog.Generator.Model;

namespace KieCatalog.Generator.Emitting;

/// <summary>Emits Price(): the rate for the priced parameters' values, times the quantity.</summary>
internal static class PriceEmitter
{
    public static void Emit(SourceWriter w, ModelSpec model, ModeSpec mode)
    {
        var price = mode.Price;
        if (price.Unit == "unpriced")
        {
            w.Line("/// <summary>This mode has no price in the catalog yet (it is hidden from bot users): throws.</summary>");
            w.Line("public decimal Price() => throw new global::KieCatalog.Catalog.UnpricedModeException(Descriptor);");
            return;
        }

        w.Line("/// <summary>The exact price in KIE credits for this input.</summary>");
        w.Line("public decimal Price() => (Rate() ?? throw new global::KieCatalog.Catalog.InvalidInputException(Descriptor, Validate())) * Quantity();");
        w.Line();
        if (price.Unit == "output-size")
        {
            var param = mode.Params.First(p => p.Name == price.Quantity);
            var factor = price.Factor is { } f ? $"{Naming.Pascal(f)}.ToNumber()" : "1m";
            var tiers = string.Join(", ", price.Tiers.Select(t => $"({t.MaxSide}, {t.Credits}m)"));
            w.Line($"private decimal? Rate() => global::KieCatalog.Catalog.InputRules.OutputTier({Naming.WidthProperty(param.Name)}, {Naming.HeightProperty(param.Name)}, {factor}, new (int, decimal)[] {{ {tiers} }});");
        }
        else if (price.Credits is not null)
        {
            w.Line($"private decimal? Rate() => {price.Credits}m;");
        }
        else
        {
            EmitTable(w, model, mode);
        }

        w.Line();
        w.Line($"private decimal Quantity() => {QuantityExpression(mode)};");
    }

    private static void EmitTable(SourceWriter w, ModelSpec model, ModeSpec mode)
    {
        var price = mode.Price;
        var parameters = price.By.Select(b => mode.Params.First(p => p.Name == b)).ToList();
        var subject = parameters.Count == 1
            ? Naming.Pascal(parameters[0].Name)
            : "(" + string.Join(", ", parameters.Select(p => Naming.Pascal(p.Name))) + ")";
        w.Line($"private decimal? Rate() => {subject} switch");
        w.Line("{");
        foreach (var row in price.Table)
        {
            var patterns = row.Key.Select((value, i) => ParamTypes.ValueExpression(model.Id, mode.Id, parameters[i], value)).ToList();
            var pattern = patterns.Count == 1 ? patterns[0] : "(" + string.Join(", ", patterns) + ")";
            w.Line($"    {pattern} => {(row.Credits is null ? "null" : row.Credits + "m")},");
        }

        if (parameters.Any(p => p.Kind == "enum"))
        {
            w.Line("    _ => null,");
        }

        w.Line("};");
    }

    private static string QuantityExpression(ModeSpec mode)
    {
        var price = mode.Price;
        if (price.MaxQuantity is not null)
        {
            return price.MaxQuantity + "m";
        }

        if (price.Quantity is null)
        {
            return "1m";
        }

        if (Parsing.ListQuantityParser.Split(price.Quantity) is { } path)
        {
            var otherwise = price.Otherwise is { } other ? QuantityExpression(mode with { Price = price with { Quantity = other, Otherwise = null } }) : null;
            return ListEmitter.QuantityExpression(mode, path.List, path.Field, otherwise);
        }

        if (Parsing.Ratio.Split(price.Quantity) is { } ratio)
        {
            return $"global::KieCatalog.Catalog.InputRules.OutputSeconds((decimal){Naming.Pascal(ratio.Dividend)}, (decimal){Naming.Pascal(ratio.Divisor)})";
        }

        var param = mode.Params.First(p => p.Name == price.Quantity);
        var name = Naming.Pascal(param.Name);
        if (price.Unit == "output-size")
        {
            return "1m";
        }

        if (price.Unit == "megapixel")
        {
            return $"global::KieCatalog.Catalog.InputRules.BilledMegapixels({Naming.WidthProperty(param.Name)}, {Naming.HeightProperty(param.Name)}) ?? throw new global::KieCatalog.Catalog.InvalidInputException(Descriptor, Validate())";
        }

        if (price.ByFileDuration)
        {
            var billed = price.Unit == "minute" ? "BilledMinutes" : "BilledSeconds";
            return $"global::KieCatalog.Catalog.InputRules.{billed}({Naming.SecondsProperty(param.Name)}) ?? throw new global::KieCatalog.Catalog.InvalidInputException(Descriptor, Validate())";
        }

        return param.Kind switch
        {
            "text" or "string" => $"global::System.Math.Max(1m, global::System.Math.Ceiling((({name} ?? \"\").Length) / 1000m))",
            "enum" => $"{name}.ToNumber()",
            _ => $"(decimal){name}",
        };
    }
}
