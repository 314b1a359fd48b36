using System.Linq;
using KieCatalog.Generator.Model;

namespace KieCatalog.Generator.Emitting;

/// <summary>
/// Emits what a <c>list</c> parameter adds to its mode's input: the item record (nested in the input record, emitted by
/// the input emitters over the items as a mode of their own, <see cref="ListScope"/>), the list's checks in Validate(),
/// its descriptor with the fields', and a quantity counted over the items.
/// </summary>
internal static class ListEmitter
{
    private const string Lists = "global::KieCatalog.Catalog.ListInput";

    public static string ListType(string modelId, string modeId, ParamSpec list) =>
        $"global::System.Collections.Generic.IReadOnlyList<{ItemType(modelId, modeId, list)}>";

    /// <summary>An empty list of items, for a list KIE always takes that may be empty.</summary>
    public static string Empty(string modelId, string modeId, ParamSpec list) => $"global::System.Array.Empty<{ItemType(modelId, modeId, list)}>()";

    /// <summary>A list that needs an item whatever else is chosen: a C# <c>required</c> member.</summary>
    public static bool NeedsItems(ParamSpec list) => list.MinItems is > 0 && list.List!.OnlyWith is null;

    public static void EmitItem(SourceWriter w, ModelSpec model, ModeSpec mode, ParamSpec list)
    {
        var scope = ListScope.Of(mode, list);
        var type = Naming.ItemType(list.Name);
        w.Line($"/// <summary>One item of <c>{SourceWriter.Doc(list.Name)}</c> ({SourceWriter.Doc(list.Label.En)}).</summary>");
        w.Open($"public sealed partial record {type}");
        for (var i = 0; i < scope.Params.Count; i++)
        {
            if (i > 0)
            {
                w.Line();
            }

            InputEmitter.EmitProperty(w, model, scope, scope.Params[i]);
        }

        w.Line();
        InputEmitter.EmitValidate(w, model, scope);
        w.Line();
        InputWireEmitter.EmitWrite(w, model, scope);
        w.Line();
        InputWireEmitter.EmitRead(w, model, scope, type);
        w.Close();
    }

    /// <summary>The list's lines in Validate(): the number of items and each item's own checks, the switch, the totals.</summary>
    public static void EmitRules(SourceWriter w, ParamSpec list)
    {
        var name = Naming.Pascal(list.Name);
        var n = SourceWriter.Str(list.Name);
        var onlyWith = list.List!.OnlyWith is { } s ? $", {Naming.Pascal(s)}, {SourceWriter.Str(s)}" : string.Empty;
        w.Line($"{Lists}.Validate(v, {n}, {name}, static item => item.Validate(), {(list.Required ? "true" : "false")}, {SourceWriter.Int(list.MinItems)}, {SourceWriter.Int(list.MaxItems)}{onlyWith});");
        foreach (var total in list.List.Totals)
        {
            var field = list.List.Fields.First(f => f.Name == total.Field);
            w.Line($"{Lists}.Total(v, {n}, {SourceWriter.Str(field.Name)}, {name}, static item => {FieldValue(field)}, {InputEmitter.Dec(total.Min)}, {InputEmitter.Dec(total.Max)});");
        }
    }

    /// <summary>The list's descriptor: <paramref name="line"/> (its arguments) with its fields' descriptors, its switch and totals.</summary>
    public static void EmitDescriptorItems(SourceWriter w, ModelSpec model, ModeSpec mode, ParamSpec list, string line)
    {
        var items = list.List!;
        w.Line(line + ", items: new global::KieCatalog.Catalog.ListItems(");
        w.Line("            () => new global::KieCatalog.Catalog.ParamDescriptor[]");
        w.Line("            {");
        foreach (var field in items.Fields)
        {
            w.Line("                " + DescriptorEmitter.Arguments(model, mode, field) + "),");
        }

        var tail = items.OnlyWith is { } s ? $",\n            onlyWith: {SourceWriter.Str(s)}" : string.Empty;
        if (items.Totals.Count > 0)
        {
            var totals = string.Join(", ", items.Totals.Select(t => $"new({SourceWriter.Str(t.Field)}, {InputEmitter.Dec(t.Min)}, {InputEmitter.Dec(t.Max)})"));
            tail += $",\n            totals: new global::KieCatalog.Catalog.ListTotal[] {{ {totals} }}";
        }

        foreach (var part in ("            }" + tail + ")),").Split('\n'))
        {
            w.Line(part);
        }
    }

    /// <summary>
    /// A quantity counted over the items: the field's sum (started thousands of a text's characters); with
    /// <paramref name="otherwise"/>, that expression while the list is not in use.
    /// </summary>
    public static string QuantityExpression(ModeSpec mode, string listName, string fieldName, string? otherwise)
    {
        var list = mode.Params.First(p => p.Name == listName);
        var field = list.List!.Fields.First(f => f.Name == fieldName);
        var items = Naming.Pascal(list.Name);
        var sum = field.Kind is "text" or "string"
            ? $"{Lists}.ThousandChars({Lists}.Characters({items}, static item => item.{Naming.Pascal(field.Name)}))"
            : $"{Lists}.Sum({items}, static item => {FieldValue(field)})";
        if (otherwise is null)
        {
            return sum;
        }

        var inUse = list.List.OnlyWith is { } s ? Naming.Pascal(s) : $"{items} is {{ Count: > 0 }}";
        return $"{inUse} ? {sum} : {otherwise}";
    }

    private static string ItemType(string modelId, string modeId, ParamSpec list) => Naming.InputType(modelId, modeId) + "." + Naming.ItemType(list.Name);

    /// <summary>A field's value as it adds up: a number (0 when unset), or a text's characters.</summary>
    private static string FieldValue(ParamSpec field)
    {
        var name = "item." + Naming.Pascal(field.Name);
        return field.Kind switch
        {
            "text" or "string" => $"({name} ?? \"\").Length",
            _ when ParamTypes.IsNullable(field) => $"(decimal)({name} ?? 0)",
            _ => $"(decimal){name}",
        };
    }
}
