using KieBot.Features.Form.Lists;
using KieCatalog.Catalog;

namespace KieBot.Features.Form;

/// <summary>Which parameters the first pass asks, in which order; the rest wait under the settings button.</summary>
internal static class FormOrder
{
    /// <summary>
    /// The next question of the first pass: a required parameter without a value, or the first of a "one of these is
    /// required" group none of which has a value yet.
    /// </summary>
    public static ParamDescriptor? NextToAsk(ModeDescriptor mode, FormState form) =>
        mode.Params.FirstOrDefault(p => (!form.Values.ContainsKey(p.Name) && (p.IsAskedFirst || UnansweredGroup(mode, p, form) is not null)) || ListOrder.Short(p, form));

    /// <summary>Asked in the first pass: required, or the first of a "one of these is required" group.</summary>
    public static bool IsAskedInFirstPass(ModeDescriptor mode, ParamDescriptor param) =>
        param.IsAskedFirst || mode.RequireOneOf.Any(g => ReferenceEquals(g[0], param));

    /// <summary>The "one of these is required" group <paramref name="param"/> leads, when none of it has a value yet.</summary>
    public static IReadOnlyList<ParamDescriptor>? UnansweredGroup(ModeDescriptor mode, ParamDescriptor param, FormState form) =>
        mode.RequireOneOf.FirstOrDefault(g => ReferenceEquals(g[0], param) && !g.Any(member => form.Values.ContainsKey(member.Name)));
}
