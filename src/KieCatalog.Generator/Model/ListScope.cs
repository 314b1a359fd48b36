namespace KieCatalog.Generator.Model;

/// <summary>
/// A list's items seen as a mode of their own: the fields are its parameters, and its id (<c>mode/list</c>) names the
/// enums of its fields (<c>ElevenlabsTextToDialogueV3DialogueVoice</c>), so the input emitters serve items unchanged.
/// </summary>
internal static class ListScope
{
    public static string Id(ModeSpec mode, ParamSpec list) => mode.Id + "/" + list.Name;

    /// <summary>The items of <paramref name="list"/> as a mode: its fields, no price, no groups or rejected combinations.</summary>
    public static ModeSpec Of(ModeSpec mode, ParamSpec list) => mode with
    {
        Id = Id(mode, list),
        Params = list.List!.Fields,
        Price = new PriceSpec("0", default, default, "task", null, null, "0", "0"),
        RequireOneOf = EquatableArray<EquatableArray<string>>.Empty,
        Rejects = EquatableArray<RejectSpec>.Empty,
    };
}
