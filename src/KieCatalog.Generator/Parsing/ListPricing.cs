using System.Collections.Generic;
using System.Linq;
using KieCatalog.Generator.Model;

namespace KieCatalog.Generator.Parsing;

/// <summary>What a price counted over a list's items depends on: the list, its switch, and the parameter that counts instead.</summary>
internal static class ListPricing
{
    public static List<ParamSpec> Mark(List<ParamSpec> parameters, PriceSpec price)
    {
        if (ListQuantityParser.Split(price.Quantity) is not { } path)
        {
            return parameters;
        }

        var list = parameters.FirstOrDefault(p => p.Name == path.List);
        var names = new HashSet<string> { path.List };
        if (list?.List?.OnlyWith is { } onlyWith)
        {
            names.Add(onlyWith);
        }

        if (price.Otherwise is { } otherwise)
        {
            names.Add(otherwise);
        }

        return parameters.Select(p => names.Contains(p.Name) ? p with { AffectsPrice = true } : p).ToList();
    }
}
