using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using KieCatalog.Catalog;

namespace KieBot.TestSupport.Kie;

/// <summary>
/// A valid input for any catalog mode, filled from the mode's own descriptors: the required values, the first
/// parameter of each requireOneOf group, the parameters a requireWhen rule asks for at the defaults, and the length
/// of a file that prices the mode (under its seconds key); a list gets the items it needs, each with its required fields.
/// </summary>
public static class SampleInputs
{
    public const int FileSeconds = 5;

    /// <summary>The KIE task id a follow-up's sample continues.</summary>
    public const string EarlierTaskId = "sample-earlier-task";

    /// <summary>The side in pixels of the square image a size-priced mode is given (one megapixel).</summary>
    public const int ImageSide = 1024;

    public static IModeInput For(ModeDescriptor mode, string prompt = "A lighthouse at dusk")
    {
        var input = new JsonObject();
        foreach (var param in mode.Params.Where(p => p.Required).Concat(mode.RequireOneOf.Select(g => g[0])))
        {
            input[param.Name] = Value(param, prompt);
        }

        foreach (var rule in mode.RequireWhen.Where(r => r.Holds(name => Wire(input, mode.FindParam(name)!))))
        {
            foreach (var param in rule.Params.Select(n => mode.FindParam(n)!).Where(p => input[p.Name] is null))
            {
                input[param.Name] = Value(param, prompt);
            }
        }

        if (mode.DurationParam is { SecondsKey: { } secondsKey } file)
        {
            input[secondsKey] = Math.Min(FileSeconds, file.MaxSeconds ?? FileSeconds);
        }

        foreach (var image in mode.Params.Where(p => p is { SizePriced: true, WidthKey: not null, HeightKey: not null }))
        {
            input[image.WidthKey!] = ImageSide;
            input[image.HeightKey!] = ImageSide;
        }

        using var document = JsonDocument.Parse(input.ToJsonString());
        var typed = mode.ReadInput(document.RootElement, out var violations);
        var all = violations.Concat(typed.Validate()).ToList();
        return all.Count == 0
            ? typed
            : throw new InvalidOperationException($"{mode.Key}: no sample input ({string.Join("; ", all)})");
    }

    private static JsonNode? Value(ParamDescriptor param, string prompt)
    {
        const string Url = "https://example.com/input";
        return param.Kind switch
        {
            ParamKind.Text or ParamKind.String => param.MaxLength is { } max && max < prompt.Length ? prompt[..max] : prompt,
            ParamKind.Integer or ParamKind.Number => JsonValue.Create(Number(param)),
            ParamKind.Boolean => param.DefaultValue == "true",
            ParamKind.Enum => EnumValue(param),
            ParamKind.Image => Url + ".png",
            ParamKind.Video => Url + ".mp4",
            ParamKind.Audio => Url + ".mp3",
            ParamKind.File => Url + ".bin",
            ParamKind.Task => EarlierTaskId,
            ParamKind.List => new JsonArray(Enumerable.Range(0, Items(param))
                .Select(_ => (JsonNode)new JsonObject(param.Fields.Where(f => f.Required).Select(f => KeyValuePair.Create(f.Name, Value(f, prompt)))))
                .ToArray()),
            _ => new JsonArray(Enumerable.Range(0, Math.Max(param.MinItems ?? 1, 1))
                .Select(i => (JsonNode)JsonValue.Create($"{Url}{i}.{(param.Kind == ParamKind.VideoList ? "mp4" : param.Kind == ParamKind.AudioList ? "mp3" : "png")}"))
                .ToArray()),
        };
    }

    /// <summary>A parameter's wire text in the input so far, else its default.</summary>
    private static string? Wire(JsonObject input, ParamDescriptor param) => input[param.Name] switch
    {
        null => param.DefaultValue,
        JsonValue value when value.TryGetValue<string>(out var text) => text,
        var node => node.ToJsonString(),
    };
    /// <summary>As many items as the list needs with the catalog's defaults: its minimum, one at least while its switch is on by default.</summary>
    private static int Items(ParamDescriptor list) =>
        Math.Max(list.MinItems ?? 0, list.Items?.OnlyWith is { } name && list.Mode.FindParam(name)?.DefaultValue == "true" ? 1 : 0);

    private static decimal Number(ParamDescriptor param) =>
        param.DefaultValue is { } d && decimal.TryParse(d, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : param.Min ?? 1m;

    private static JsonNode? EnumValue(ParamDescriptor param)
    {
        var value = (param.DefaultValue is { } d ? param.FindValue(d) : null) ?? param.Values[0];
        return value.IsNumber ? JsonValue.Create(decimal.Parse(value.Wire, CultureInfo.InvariantCulture)) : JsonValue.Create(value.Wire);
    }
}
