using KieCatalog.Catalog;

namespace KieBot.Features.Form.Lists;

/// <summary>How many items a list takes now, and which field of a new item comes next.</summary>
internal static class ListOrder
{
    /// <summary>The list's switch (its <c>onlyWith</c> boolean) as the form has it; null for a list without one.</summary>
    public static bool? Switch(ParamDescriptor list, FormState form) =>
        list.Items?.OnlyWith is { } name && list.Mode.FindParam(name) is { } toggle
            ? ParamValues.ReadBoolean(form.Values.GetValueOrDefault(name), toggle.DefaultValue)
            : null;

    /// <summary>
    /// The fewest items the list takes now: none while its switch is off, one at least while it is on; an optional list
    /// none, or its minimum once it has an item.
    /// </summary>
    public static int Fewest(ParamDescriptor list, FormState form) => Switch(list, form) switch
    {
        false => 0,
        true => Math.Max(list.MinItems ?? 1, 1),
        _ when !list.Required && ListValues.Count(form.Values.GetValueOrDefault(list.Name)) == 0 => 0,
        _ => list.MinItems ?? 0,
    };

    /// <summary>A list with fewer items than it takes now: asked before the summary, like a required parameter.</summary>
    public static bool Short(ParamDescriptor param, FormState form) =>
        param.Kind == ParamKind.List && ListValues.Count(form.Values.GetValueOrDefault(param.Name)) < Fewest(param, form);

    /// <summary>The next field a new item is asked for: its required fields in order, after <see cref="FormState.Field"/>.</summary>
    public static ParamDescriptor? NextField(ParamDescriptor list, FormState form) =>
        list.Fields.SkipWhile(f => form.Field is { } current && f.Name != current).Skip(form.Field is null ? 0 : 1).FirstOrDefault(f => f.Required);
}
