using System.Diagnostics.CodeAnalysis;

namespace KieCatalog.Catalog;

/// <summary>A catalog button press, parsed back from its callback data.</summary>
public abstract record CatalogCallback(string Data);

public sealed record CategoryCallback(string Data, ModelCategory Category) : CatalogCallback(Data)
{
    /// <summary>How every category button's data begins.</summary>
    public const string Prefix = "c:";
}

public sealed record ModelCallback(string Data, ModelDescriptor Model) : CatalogCallback(Data)
{
    /// <summary>How every model button's data begins.</summary>
    public const string Prefix = "m:";
}

public sealed record ModeCallback(string Data, ModeDescriptor Mode) : CatalogCallback(Data)
{
    /// <summary>How every mode button's data begins.</summary>
    public const string Prefix = "o:";
}

public sealed record EnumValueCallback(string Data, ParamDescriptor Param, EnumValueDescriptor Value) : CatalogCallback(Data)
{
    /// <summary>How every enum value button's data begins.</summary>
    public const string Prefix = "e:";
}

public sealed record ToggleCallback(string Data, ParamDescriptor Param) : CatalogCallback(Data)
{
    /// <summary>How every toggle button's data begins.</summary>
    public const string Prefix = "t:";
}

/// <summary>Every catalog button's data mapped to what it means. Unknown data (forged, or from an older catalog) is not found.</summary>
public sealed class CatalogCallbackMap
{
    private readonly Dictionary<string, CatalogCallback> map = new(StringComparer.Ordinal);

    public CatalogCallbackMap(IEnumerable<ModelDescriptor> models, IReadOnlyDictionary<ModelCategory, string> categories)
    {
        foreach (var (category, data) in categories)
        {
            map[data] = new CategoryCallback(data, category);
        }

        foreach (var model in models)
        {
            map[model.CallbackData] = new ModelCallback(model.CallbackData, model);
            foreach (var mode in model.Modes)
            {
                map[mode.CallbackData] = new ModeCallback(mode.CallbackData, mode);
                foreach (var param in mode.Params.SelectMany(p => p.Fields.Prepend(p)))
                {
                    if (param.ToggleCallbackData is { } toggle)
                    {
                        map[toggle] = new ToggleCallback(toggle, param);
                    }

                    foreach (var value in param.Values)
                    {
                        map[value.CallbackData] = new EnumValueCallback(value.CallbackData, param, value);
                    }
                }
            }
        }
    }

    public int Count => map.Count;

    public IEnumerable<string> AllData => map.Keys;

    public bool TryParse(string? data, [NotNullWhen(true)] out CatalogCallback? callback)
    {
        callback = null;
        return data is not null && map.TryGetValue(data, out callback);
    }
}
