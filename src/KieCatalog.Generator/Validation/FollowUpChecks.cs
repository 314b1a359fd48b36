using System.Collections.Generic;
using System.Linq;
using KieCatalog.Generator.Model;
using KieCatalog.Generator.Parsing;

namespace KieCatalog.Generator.Validation;

/// <summary>
/// A <c>task</c> parameter's modes exist and belong to its own KIE API family (KIE continues only its family's tasks),
/// and a visible follow-up's button under a result fits Telegram's 64 bytes.
/// </summary>
internal static class FollowUpChecks
{
    public static void Run(ParseContext ctx, IReadOnlyList<ParsedModel> models)
    {
        var modes = new Dictionary<string, ModeSpec>();
        foreach (var model in models)
        {
            foreach (var mode in model.Modes)
            {
                modes[model.Spec.Id + "/" + mode.Spec.Id] = mode.Spec;
            }
        }

        foreach (var model in models)
        {
            foreach (var mode in model.Modes)
            {
                foreach (var task in mode.Spec.Params.Where(p => p.FollowUp is not null))
                {
                    Check(ctx, model.Spec.Id, mode, task, modes);
                }

                foreach (var copy in mode.Spec.Params.Where(p => p.FromParent is not null))
                {
                    CheckFromParent(ctx, model.Spec.Id, mode, copy, modes);
                }
            }
        }
    }

    /// <summary>A copied setting: the mode continues earlier tasks, and every mode it continues has that enum, with values this one lists.</summary>
    private static void CheckFromParent(ParseContext ctx, string modelId, ParsedMode mode, ParamSpec copy, Dictionary<string, ModeSpec> modes)
    {
        var subject = $"mode '{modelId}/{mode.Spec.Id}'";
        var at = mode.ParamsNode!.Property(copy.Name)!.Value["fromParent"]!;
        var task = mode.Spec.Params.FirstOrDefault(p => p.FollowUp is not null);
        if (task is null)
        {
            ctx.Report(Diagnostics.InvalidFollowUp, at, subject, $"'{copy.Name}' copies the parent's '{copy.FromParent}', but this mode takes no earlier task");
            return;
        }

        var values = copy.Values.Select(v => v.Wire).ToList();
        foreach (var key in task.FollowUp!.From)
        {
            if (!modes.TryGetValue(key, out var parent))
            {
                continue;
            }

            var setting = parent.Params.FirstOrDefault(p => p.Name == copy.FromParent);
            if (setting is null || setting.Kind != "enum")
            {
                ctx.Report(Diagnostics.InvalidFollowUp, at, subject, $"'{copy.Name}' copies the parent's '{copy.FromParent}', which '{key}' has {(setting is null ? "not" : "only as " + setting.Kind)}; it must be an enum of every mode in 'from'");
            }
            else if (setting.Values.Select(v => v.Wire).FirstOrDefault(v => !values.Contains(v)) is { } missing)
            {
                ctx.Report(Diagnostics.InvalidFollowUp, at, subject, $"'{copy.Name}' lacks '{missing}', a value of '{copy.FromParent}' in '{key}': a parent made with it could not be continued");
            }
        }
    }

    private static void Check(ParseContext ctx, string modelId, ParsedMode mode, ParamSpec task, Dictionary<string, ModeSpec> modes)
    {
        var subject = $"mode '{modelId}/{mode.Spec.Id}'";
        var node = mode.ParamsNode!.Property(task.Name)!.Value;
        foreach (var (property, keys) in new[] { ("from", task.FollowUp!.From), ("notAfter", task.FollowUp.NotAfter) })
        {
            var items = node[property]?.Items;
            for (var i = 0; i < keys.Count; i++)
            {
                var at = items?.FirstOrDefault(n => n.Text == keys[i]) ?? node;
                if (!modes.TryGetValue(keys[i], out var parent))
                {
                    ctx.Report(Diagnostics.InvalidFollowUp, at, subject, $"'{property}' of '{task.Name}' names '{keys[i]}', which is not a mode of this catalog");
                }
                else if (parent.Api != mode.Spec.Api)
                {
                    ctx.Report(Diagnostics.InvalidFollowUp, at, subject, $"'{property}' of '{task.Name}' names '{keys[i]}', a {parent.Api} task: KIE's {mode.Spec.Api} endpoints continue only {mode.Spec.Api} tasks");
                }
            }
        }

        if (mode.Spec.Hidden is null)
        {
            var outputs = task.FollowUp.Output is { } output && mode.Spec.Params.FirstOrDefault(p => p.Name == output)?.Max is { } max ? (int)decimal.Parse(max, System.Globalization.CultureInfo.InvariantCulture) : 0;
            CrossChecks.CheckCallback(ctx, subject, node, CallbackFormat.FollowUp(modelId, mode.Spec.Id, outputs));
        }
    }
}
