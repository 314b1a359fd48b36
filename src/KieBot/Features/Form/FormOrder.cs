using System.Text.Json;
using KieBot.Features.Form.Lists;
using KieCatalog.Catalog;

namespace KieBot.Features.Form;

/// <summary>Which parameters the first pass asks, in which order; the rest wait under the settings button.</summary>
internal static class FormOrder
{
    /// <summary>
    /// The next question of the first pass: a required parameter without a value, one the values so far make required
    /// (<see cref="ModeDescriptor.RequireWhen"/>: Suno's custom mode asks a style and a title), or the first of a "one of
    /// these is required" group none of which has a value yet.
    /// </summary>
    public static ParamDescriptor? NextToAsk(ModeDescriptor mode, FormState form) =>
        mode.Params.FirstOrDefault(p => (!form.Values.ContainsKey(p.Name) && (p.IsAskedFirst || RequiredBySetting(mode, p, form) || UnansweredGroup(mode, p, form) is not null)) || ListOrder.Short(p, form));

    /// <summary>Asked in the first pass: required, required by the values so far, or the first of a "one of these is required" group.</summary>
    public static bool IsAskedInFirstPass(ModeDescriptor mode, ParamDescriptor param, FormState form) =>
        param.IsAskedFirst || RequiredBySetting(mode, param, form) || mode.RequireOneOf.Any(g => ReferenceEquals(g[0], param));

    /// <summary>Whether the form may leave <paramref name="param"/> out: it is optional and nothing chosen so far makes it required.</summary>
    public static bool MaySkip(ModeDescriptor mode, ParamDescriptor param, FormState form) =>
        (!param.Required || param.DefaultValue is not null) && !RequiredBySetting(mode, param, form) && UnansweredGroup(mode, param, form) is null;

    /// <summary>The "one of these is required" group <paramref name="param"/> leads, when none of it has a value yet.</summary>
    public static IReadOnlyList<ParamDescriptor>? UnansweredGroup(ModeDescriptor mode, ParamDescriptor param, FormState form) =>
        mode.RequireOneOf.FirstOrDefault(g => ReferenceEquals(g[0], param) && !g.Any(member => form.Values.ContainsKey(member.Name)));

    /// <summary>An optional parameter a rule whose conditions hold for the values so far (or their defaults) makes required.</summary>
    private static bool RequiredBySetting(ModeDescriptor mode, ParamDescriptor param, FormState form) =>
        !param.Required && param.DefaultValue is null
        && mode.RequireWhen.Any(rule => rule.Params.Contains(param.Name, StringComparer.Ordinal) && rule.Holds(name => WireValue(mode, form, name)));

    /// <summary>A parameter's value as wire text (a string unquoted), else its default.</summary>
    private static string? WireValue(ModeDescriptor mode, FormState form, string name)
    {
        if (!form.Values.TryGetValue(name, out var json))
        {
            return mode.FindParam(name)?.DefaultValue;
        }

        using var document = JsonDocument.Parse(json);
        return document.RootElement.ValueKind == JsonValueKind.String ? document.RootElement.GetString() : document.RootElement.GetRawText();
    }
}
