using System.Collections.Generic;
using System.Linq;
using KieCatalog.Generator.Model;
using KieCatalog.Generator.Parsing;

namespace KieCatalog.Generator.Validation;

/// <summary>
/// Rules of a mode's <c>list</c> parameters that look past the list itself: its switch is a boolean parameter of the
/// mode; its item record, fields and enums do not collide in C#; its items' buttons fit Telegram and do not share
/// callback data with another parameter's; a visible mode's items can be collected and their values read.
/// </summary>
internal static class ListChecks
{
    public static void Run(ParseContext ctx, string modelId, string subject, ParsedMode mode, Dictionary<string, string> typeNames)
    {
        var lists = mode.Spec.Params.Where(p => p.List is not null).ToList();
        if (lists.Count == 0)
        {
            return;
        }

        var visible = mode.Spec.Hidden is null;
        var inputMembers = Naming.ReservedInputMembers.ToDictionary(n => n, n => "(built-in member)");
        foreach (var p in mode.Spec.Params)
        {
            inputMembers[Naming.Pascal(p.Name)] = p.Name;
        }

        var buttons = mode.Spec.Params.Where(p => p.Kind is "enum" or "boolean").ToDictionary(p => p.Name, p => $"parameter '{p.Name}'");
        foreach (var list in lists)
        {
            var node = mode.ParamsNode!.Property(list.Name)!;
            var at = new JsonNode(JsonKind.String, node.NameStart) { End = node.NameEnd };
            CheckSwitch(ctx, subject, mode, list, node.Value);
            CrossChecks.Collide(ctx, inputMembers, Naming.ItemType(list.Name), list.Name + " (its item record)", subject, at);
            var itemMembers = Naming.ReservedInputMembers.ToDictionary(n => n, n => "(built-in member)");
            itemMembers[Naming.ItemType(list.Name)] = "(the item record)";
            foreach (var field in list.List!.Fields)
            {
                var fieldNode = node.Value["items"]!.Property(field.Name)!;
                var fieldAt = new JsonNode(JsonKind.String, fieldNode.NameStart) { End = fieldNode.NameEnd };
                CrossChecks.Collide(ctx, itemMembers, Naming.Pascal(field.Name), field.Name, subject, fieldAt);
                if (field.Kind == "json" && visible)
                {
                    ctx.Report(Diagnostics.NotCollectable, fieldNode.Value, subject, list.Name + "." + field.Name);
                }

                if (field.Kind is not ("enum" or "boolean"))
                {
                    continue;
                }

                if (buttons.TryGetValue(field.Name, out var owner))
                {
                    ctx.Report(Diagnostics.InvalidList, fieldAt, subject,
                        $"field '{field.Name}' of list '{list.Name}' is named like {owner}: their buttons would share callback data; rename one");
                    continue;
                }

                buttons[field.Name] = $"field '{field.Name}' of list '{list.Name}'";
                CheckButtons(ctx, modelId, subject, mode.Spec, list, field, fieldAt, fieldNode.Value, typeNames, visible);
            }
        }
    }

    /// <summary><c>onlyWith</c> names a boolean parameter of the mode that always has a value.</summary>
    private static void CheckSwitch(ParseContext ctx, string subject, ParsedMode mode, ParamSpec list, JsonNode node)
    {
        if (list.List!.OnlyWith is not { } name)
        {
            return;
        }

        var param = mode.Spec.Params.FirstOrDefault(p => p.Name == name);
        var why = param is null ? "which is not a parameter of this mode"
            : param.Kind != "boolean" ? $"which is {param.Kind}; the switch of a list is a boolean"
            : !param.Required && param.Default is null ? "which is optional without a default; the switch needs a value"
            : null;
        if (why is not null)
        {
            ctx.Report(Diagnostics.InvalidList, node["onlyWith"]!, subject, $"list '{list.Name}' is switched by '{name}', {why}");
        }
    }

    private static void CheckButtons(
        ParseContext ctx, string modelId, string subject, ModeSpec mode, ParamSpec list, ParamSpec field, JsonNode at, JsonNode fieldNode,
        Dictionary<string, string> typeNames, bool visible)
    {
        if (field.Kind == "boolean")
        {
            if (visible)
            {
                CrossChecks.CheckCallback(ctx, subject, at, CallbackFormat.Toggle(modelId, mode.Id, field.Name));
            }

            return;
        }

        CrossChecks.Collide(ctx, typeNames, Naming.EnumType(modelId, ListScope.Id(mode, list), field.Name), list.Name + "." + field.Name, subject, at);
        var memberNames = new Dictionary<string, string>();
        var valuesNode = fieldNode["values"]!;
        foreach (var value in field.Values)
        {
            var valueNode = valuesNode.Items.FirstOrDefault(n => n.Text == value.Wire) ?? valuesNode;
            CrossChecks.Collide(ctx, memberNames, value.Identifier, value.Wire, subject, valueNode);
            if (!visible)
            {
                continue;
            }

            CrossChecks.CheckCallback(ctx, subject, valueNode, CallbackFormat.EnumValue(modelId, mode.Id, field.Name, value.Wire));
            if (value.Label is null && Vocabulary.Unreadable(value.Wire) is { } reads)
            {
                ctx.Report(Diagnostics.UnlabelledValue, valueNode, subject, value.Wire, list.Name + "." + field.Name, reads);
            }
        }
    }
}
