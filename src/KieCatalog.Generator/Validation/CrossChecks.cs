using System.Collections.Generic;
using System.Linq;
using KieCatalog.Generator.Model;
using KieCatalog.Generator.Parsing;

namespace KieCatalog.Generator.Validation;

/// <summary>Rules that look across models and modes: duplicate ids, C# name collisions, callback sizes.</summary>
internal static class CrossChecks
{
    public static void Run(ParseContext ctx, IReadOnlyList<ParsedModel> models)
    {
        var modelIds = new HashSet<string>();
        var kieModels = new Dictionary<string, string>();
        var typeNames = new Dictionary<string, string>();
        var modelClasses = new Dictionary<string, string>();
        foreach (var model in models)
        {
            var modelSubject = $"model '{model.Spec.Id}'";
            if (!modelIds.Add(model.Spec.Id))
            {
                ctx.Report(Diagnostics.DuplicateModelId, model.Node["id"]!, model.Spec.Id);
                continue;
            }

            Collide(ctx, modelClasses, Naming.Pascal(model.Spec.Id), model.Spec.Id, modelSubject, model.Node["id"]!);
            Collide(ctx, typeNames, Naming.ModelClass(model.Spec.Id), model.Spec.Id, modelSubject, model.Node["id"]!);
            CheckCallback(ctx, modelSubject, model.Node["id"]!, CallbackFormat.Model(model.Spec.Id));
            var modeIds = new HashSet<string>();
            var modeMembers = Naming.ReservedModelMembers.ToDictionary(n => n, n => "(built-in member)");
            foreach (var mode in model.Modes)
            {
                var subject = $"mode '{model.Spec.Id}/{mode.Spec.Id}'";
                var idNode = mode.Node["id"]!;
                if (!modeIds.Add(mode.Spec.Id))
                {
                    ctx.Report(Diagnostics.DuplicateModeId, idNode, modelSubject, mode.Spec.Id);
                    continue;
                }

                // One KIE model id may serve several endpoints of a family (Suno's generate, extend, cover…): the pair is the identity.
                var endpoint = mode.Spec.KieModel + (mode.Spec.Path is null ? "" : " at " + mode.Spec.Path);
                if (kieModels.TryGetValue(endpoint, out var owner))
                {
                    ctx.Report(Diagnostics.DuplicateKieModel, mode.Node["kieModel"]!, subject, endpoint, owner);
                }
                else
                {
                    kieModels[endpoint] = subject;
                }

                if (mode.Spec.Hidden is null && mode.Spec.Params.FirstOrDefault(p => p.Kind == "json") is { } raw)
                {
                    ctx.Report(Diagnostics.NotCollectable, mode.ParamsNode!.Property(raw.Name)!.Value, subject, raw.Name);
                }

                CheckUpperBound(ctx, subject, mode);
                Collide(ctx, modeMembers, Naming.Pascal(mode.Spec.Id), mode.Spec.Id, subject, idNode);
                Collide(ctx, typeNames, Naming.InputType(model.Spec.Id, mode.Spec.Id), mode.Spec.Id, subject, idNode);
                CheckCallback(ctx, subject, idNode, CallbackFormat.Mode(model.Spec.Id, mode.Spec.Id));
                CheckParams(ctx, model.Spec.Id, subject, mode, typeNames, buttons: mode.Spec.Hidden is null);
                ListChecks.Run(ctx, model.Spec.Id, subject, mode, typeNames);
            }
        }

        FollowUpChecks.Run(ctx, models);
    }

    /// <summary>Name collisions always; button sizes only for a visible mode (a hidden one has no buttons in the bot).</summary>
    private static void CheckParams(ParseContext ctx, string modelId, string subject, ParsedMode mode, Dictionary<string, string> typeNames, bool buttons)
    {
        var members = Naming.ReservedInputMembers.ToDictionary(n => n, n => "(built-in member)");
        foreach (var param in mode.Spec.Params)
        {
            var node = mode.ParamsNode!.Property(param.Name)!;
            var at = new JsonNode(JsonKind.String, node.NameStart) { End = node.NameEnd };
            Collide(ctx, members, Naming.Pascal(param.Name), param.Name, subject, at);
            if (param.DurationPriced)
            {
                Collide(ctx, members, Naming.SecondsProperty(param.Name), param.Name + Vocabulary.SecondsKeySuffix, subject, at);
            }

            if (param.Kind == "boolean" && buttons)
            {
                CheckCallback(ctx, subject, at, CallbackFormat.Toggle(modelId, mode.Spec.Id, param.Name));
            }

            if (param.Kind != "enum")
            {
                continue;
            }

            Collide(ctx, typeNames, Naming.EnumType(modelId, mode.Spec.Id, param.Name), param.Name, subject, at);
            var memberNames = new Dictionary<string, string>();
            var valuesNode = node.Value["values"]!;
            for (var i = 0; i < param.Values.Count; i++)
            {
                var value = param.Values[i];
                var valueNode = valuesNode.Items.FirstOrDefault(n => n.Text == value.Wire) ?? valuesNode;
                Collide(ctx, memberNames, value.Identifier, value.Wire, subject, valueNode);
                if (buttons)
                {
                    CheckCallback(ctx, subject, valueNode, CallbackFormat.EnumValue(modelId, mode.Spec.Id, param.Name, value.Wire));
                    if (value.Label is null && Vocabulary.Unreadable(value.Wire) is { } reads)
                    {
                        ctx.Report(Diagnostics.UnlabelledValue, valueNode, subject, value.Wire, param.Name, reads);
                    }
                }
            }
        }
    }

    /// <summary>
    /// No visible mode is priced at an upper bound: a per-second (or per-minute) price with a fixed 'maxQuantity' on a mode
    /// that takes an audio or video file charges the longest file for every file. Hidden modes may keep it until priced.
    /// </summary>
    private static void CheckUpperBound(ParseContext ctx, string subject, ParsedMode mode)
    {
        var price = mode.Spec.Price;
        if (mode.Spec.Hidden is not null || price.MaxQuantity is null || price.Unit is not ("second" or "minute"))
        {
            return;
        }

        var media = mode.Spec.Params.FirstOrDefault(p => Vocabulary.DurationKinds.Contains(p.Kind));
        if (media is null)
        {
            return;
        }

        var at = mode.Node["price"]?["maxQuantity"] ?? mode.Node;
        ctx.Report(Diagnostics.UpperBoundPrice, at, subject, price.MaxQuantity, price.Unit, media.Name);
    }

    internal static void Collide(ParseContext ctx, Dictionary<string, string> seen, string identifier, string id, string subject, JsonNode at)
    {
        if (seen.TryGetValue(identifier, out var first))
        {
            ctx.Report(Diagnostics.IdentifierCollision, at, subject, first, id, identifier);
            return;
        }

        seen[identifier] = id;
    }

    internal static void CheckCallback(ParseContext ctx, string subject, JsonNode at, string data)
    {
        var bytes = CallbackFormat.ByteCount(data);
        if (bytes > CallbackFormat.MaxBytes)
        {
            ctx.Report(Diagnostics.CallbackTooLong, at, subject, data, bytes.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
    }
}
