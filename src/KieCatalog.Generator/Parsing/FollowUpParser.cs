using System.Collections.Generic;
using System.Linq;
using KieCatalog.Generator.Model;

namespace KieCatalog.Generator.Parsing;

/// <summary>
/// Reads what a <c>task</c> parameter (an earlier generation, sent as its KIE task id) accepts: <c>from</c> (the
/// <c>model/mode</c> keys whose results it continues), <c>output</c> (the integer parameter that takes the index of one
/// of the parent's outputs), <c>notAfter</c> (modes after whose success on the parent KIE refuses it) and
/// <c>maxAgeDays</c> (how long KIE keeps a parent it can continue). Whether the keys name modes is checked across the
/// catalog (<see cref="Validation.FollowUpChecks"/>).
/// </summary>
internal static class FollowUpParser
{
    public static readonly string[] Properties = { "from", "output", "notAfter", "maxAgeDays", "takes", "outputId" };

    /// <summary>
    /// <c>"fromParent": "resolution"</c> on an enum of a follow-up: the value is the parent's own setting of that name,
    /// never asked and never sent (the price reads it). Which parent modes have the setting is checked across the catalog.
    /// </summary>
    public static string? FromParent(ParseContext ctx, string subject, string name, string kind, JsonNode node)
    {
        if (node["fromParent"] is not { } from)
        {
            return null;
        }

        if (kind != "enum" || from.Kind != JsonKind.String || string.IsNullOrEmpty(from.Text))
        {
            ctx.Report(Diagnostics.InvalidFollowUp, from, subject, kind != "enum"
                ? $"'fromParent' is only for enum parameters ('{name}' is {kind}): it copies one of the parent's settings"
                : $"'fromParent' of '{name}' must name a parameter of the parent modes");
            return null;
        }

        return from.Text;
    }

    public static FollowUpSpec? Parse(ParseContext ctx, string subject, string name, string kind, JsonNode node)
    {
        if (kind != "task")
        {
            foreach (var stray in Properties.Where(p => node[p] is not null))
            {
                ctx.Report(Diagnostics.InvalidFollowUp, node[stray]!, subject, $"'{stray}' is only for task parameters ('{name}' is {kind})");
            }

            return null;
        }

        if (node["from"] is null)
        {
            ctx.Report(Diagnostics.InvalidFollowUp, node["type"]!, subject, $"task parameter '{name}' has no 'from': list the modes whose results it continues, e.g. [\"veo-3.1/fast\"]");
        }

        var from = Keys(ctx, subject, name, node, "from");
        var notAfter = Keys(ctx, subject, name, node, "notAfter");
        string? output = null;
        if (node["output"] is { } outputNode)
        {
            output = outputNode.Kind == JsonKind.String && !string.IsNullOrEmpty(outputNode.Text) ? outputNode.Text : null;
            if (output is null)
            {
                ctx.Report(Diagnostics.InvalidFollowUp, outputNode, subject, $"'output' of '{name}' must name the integer parameter that takes the index of the parent's output");
            }
        }

        int? maxAge = null;
        if (ctx.Number(node, "maxAgeDays", subject) is { } days)
        {
            if (days < 1 || days != decimal.Truncate(days) || days > 3650)
            {
                ctx.Report(Diagnostics.InvalidFollowUp, node["maxAgeDays"]!, subject, $"'maxAgeDays' of '{name}' must be a whole number of days from 1 to 3650");
            }
            else
            {
                maxAge = (int)days;
            }
        }

        var takes = ctx.OneOf(node, "takes", subject, new[] { "task", "output" }, "task") ?? "task";
        var outputId = node["outputId"] is { Kind: JsonKind.String } idNode ? idNode.Text : null;
        if (node["outputId"] is { } badId && outputId is null)
        {
            ctx.Report(Diagnostics.InvalidFollowUp, badId, subject, $"'outputId' of '{name}' must name the string parameter that takes the id of the parent's output");
        }

        return new FollowUpSpec(from, output, notAfter, maxAge, takes == "output", outputId);
    }

    /// <summary>The <c>output</c> parameter must be an integer of the same mode with a range (its minimum is the first output's index).</summary>
    public static void CheckOutput(ParseContext ctx, string subject, JsonNode? paramsNode, IReadOnlyList<ParamSpec> parameters)
    {
        foreach (var task in parameters.Where(p => p.FollowUp?.Output is not null))
        {
            var output = task.FollowUp!.Output!;
            var target = parameters.FirstOrDefault(p => p.Name == output);
            var why = target is null ? "which is not a parameter of this mode"
                : target.Kind != "integer" ? $"which is {target.Kind}, not integer"
                : target.Min is null || target.Max is null ? "which has no 'min' and 'max' (the indexes of the parent's outputs)"
                : null;
            if (why is not null)
            {
                ctx.Report(Diagnostics.InvalidFollowUp, paramsNode!.Property(task.Name)!.Value["output"]!, subject, $"'output' of '{task.Name}' names '{output}', {why}");
            }
        }

        foreach (var task in parameters.Where(p => p.FollowUp?.OutputId is not null))
        {
            var target = parameters.FirstOrDefault(p => p.Name == task.FollowUp!.OutputId);
            if (target is null || target.Kind != "string" || task.FollowUp!.TakesOutputId)
            {
                ctx.Report(Diagnostics.InvalidFollowUp, paramsNode!.Property(task.Name)!.Value["outputId"]!, subject, $"'outputId' of '{task.Name}' names '{task.FollowUp!.OutputId}', {(task.FollowUp.TakesOutputId ? "but the parameter itself takes the output's id" : "which is not a string parameter of this mode")}");
            }
        }

        if (parameters.Count(p => p.Kind == "task") > 1)
        {
            var second = parameters.Where(p => p.Kind == "task").Skip(1).First();
            ctx.Report(Diagnostics.InvalidFollowUp, paramsNode!.Property(second.Name)!.Value, subject, $"'{second.Name}' is a second task parameter: a mode continues one earlier generation");
        }
    }

    private static EquatableArray<string> Keys(ParseContext ctx, string subject, string name, JsonNode node, string property)
    {
        var array = ctx.Array(node, property, subject, required: false);
        if (array is null)
        {
            return EquatableArray<string>.Empty;
        }

        var keys = new List<string>();
        foreach (var item in array.Items)
        {
            if (item.Kind != JsonKind.String || item.Text is not { } key || key.Split('/').Length != 2 || key.Split('/').Any(string.IsNullOrEmpty))
            {
                ctx.Report(Diagnostics.InvalidFollowUp, item, subject, $"'{property}' of '{name}' lists modes as \"model/mode\" keys");
                continue;
            }

            keys.Add(key);
        }

        if (property == "from" && keys.Count == 0 && array.Items.Count == 0)
        {
            ctx.Report(Diagnostics.InvalidFollowUp, array, subject, $"'from' of '{name}' lists no mode");
        }

        return keys.ToEquatableArray();
    }
}
