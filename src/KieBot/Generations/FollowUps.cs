using KieBot.Storage;
using KieCatalog;
using KieCatalog.Catalog;

namespace KieBot.Generations;

/// <summary>A follow-up offered under a result: the mode that continues it, and which of its outputs (null: the task as a whole).</summary>
public sealed record FollowUpOffer(ModeDescriptor Mode, int? Output, int Outputs = 0)
{
    /// <summary>The output as a person counts it (3 for the third image of a grid, 2 for Suno's second track); null when the parent has only one to take.</summary>
    public int? Number => Output is not { } index ? null
        : Mode.FollowUpParam?.FollowUp is { ByOutputId: true } ? (Outputs > 1 ? index + 1 : null)
        : Mode.FollowUpParam?.FollowUp?.OutputParam is { } name && Mode.FindParam(name) is { Min: { } min, Max: { } max } && max > min ? index - (int)min + 1
        : null;
}

/// <summary>Why a follow-up is refused before anything is charged: a text key of the bot and its arguments.</summary>
public sealed record FollowUpRefusal(string Key, IReadOnlyList<(string Name, object? Value)> Args);

/// <summary>
/// The catalog's follow-ups applied to a user's results: which modes continue a finished generation (the catalog's
/// <c>task</c> parameters), the form values a follow-up starts with, and whether KIE would still take it.
/// </summary>
public static class FollowUps
{
    /// <summary>Visible modes by the modes whose results they continue.</summary>
    private static readonly ILookup<ModeDescriptor, ModeDescriptor> ByParent = Models.AllModes
        .Where(m => m.IsVisible && m.FollowUpParam?.FollowUp is not null)
        .SelectMany(m => m.FollowUpParam!.FollowUp!.From.Select(parent => (Parent: parent, FollowUp: m)))
        .ToLookup(x => x.Parent, x => x.FollowUp);

    /// <summary>True for a mode that only continues an earlier result (its task parameter is required): it is offered under results, not on its model's card.</summary>
    public static bool OnlyContinues(ModeDescriptor mode) => mode.FollowUpParam is { Required: true };

    /// <summary>
    /// The follow-ups a succeeded generation offers, one per output where the follow-up takes one of them; given its
    /// follow-ups so far, none KIE would refuse after them (no extend of a video upgraded to 1080p).
    /// </summary>
    public static IReadOnlyList<FollowUpOffer> Offers(Generation parent, ModeDescriptor parentMode, IReadOnlyList<Generation>? followUps = null)
    {
        if (parent.State != GenerationState.Succeeded || string.IsNullOrEmpty(parent.KieTaskId))
        {
            return [];
        }

        var offers = new List<FollowUpOffer>();
        var done = (followUps ?? []).Where(f => f.State == GenerationState.Succeeded).Select(StoredMode.Of).OfType<ModeDescriptor>().ToList();
        foreach (var mode in ByParent[parentMode].Where(m => !m.FollowUpParam!.FollowUp!.NotAfter.Any(done.Contains)))
        {
            if (mode.FollowUpParam!.FollowUp!.ByOutputId)
            {
                // One per output KIE named (Suno's two tracks): the follow-up names it by its id.
                offers.AddRange(parent.Tracks.Select((t, i) => (t, i)).Where(x => !string.IsNullOrEmpty(x.t.Id)).Select(x => new FollowUpOffer(mode, x.i, parent.Tracks.Count)));
            }
            else if (OutputParam(mode) is { Min: { } min, Max: { } max })
            {
                var outputs = Math.Min(Math.Max(parent.ResultUrls.Count, 1), (int)(max - min) + 1);
                offers.AddRange(Enumerable.Range((int)min, outputs).Select(i => new FollowUpOffer(mode, i)));
            }
            else
            {
                offers.Add(new FollowUpOffer(mode, null));
            }
        }

        return offers;
    }

    /// <summary>The form values a follow-up starts with: the parent's task id, and the output it takes.</summary>
    public static Dictionary<string, string> StartValues(Generation parent, FollowUpOffer offer)
    {
        var rule = offer.Mode.FollowUpParam!.FollowUp!;
        var outputId = rule.ByOutputId && offer.Output is { } track && track < parent.Tracks.Count ? parent.Tracks[track].Id : null;
        var values = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [offer.Mode.FollowUpParam!.Name] = Json(rule.TakesOutputId ? outputId ?? "" : parent.KieTaskId!),
        };
        if (rule.OutputIdParam is { } idParam && outputId is not null)
        {
            values[idParam] = Json(outputId);
        }

        if (offer.Output is { } index && OutputParam(offer.Mode) is { } output)
        {
            values[output.Name] = index.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        foreach (var (name, json) in ParentSettings(offer.Mode, parent))
        {
            values[name] = json;
        }

        return values;
    }

    /// <summary>
    /// The values of <paramref name="mode"/>'s settings copied from <paramref name="parent"/>
    /// (<see cref="ParamDescriptor.FromParent"/>: Grok extend's resolution, by which KIE bills it), as form JSON: the
    /// parent's stored value, else its mode's default. A follow-up repeated from history takes them from its parent again.
    /// </summary>
    public static IEnumerable<(string Name, string Json)> ParentSettings(ModeDescriptor mode, Generation parent)
    {
        if (StoredMode.Of(parent) is not { } parentMode)
        {
            yield break;
        }

        using var input = System.Text.Json.JsonDocument.Parse(parent.InputJson);
        foreach (var copy in mode.Params.Where(p => p.FromParent is not null))
        {
            if (parentMode.FindParam(copy.FromParent!) is not { } setting)
            {
                continue;
            }

            if (StoredMode.WireValue(input.RootElement, setting) is { } value)
            {
                yield return (copy.Name, copy.Values.Count > 0 && copy.Values[0].IsNumber ? value : Json(value));
            }
        }
    }

    /// <summary>True for a parameter the parent fills (the task and the output it takes): never asked, never on the settings screen.</summary>
    public static bool SetByParent(ModeDescriptor mode, ParamDescriptor param) =>
        param.Kind == ParamKind.Task || param.FromParent is not null || (mode.FollowUpParam?.FollowUp is { } rule && (param.Name == rule.OutputParam || param.Name == rule.OutputIdParam));

    /// <summary>Whether <paramref name="named"/> (what a follow-up's task parameter holds) is <paramref name="parent"/>: its task, or for a follow-up of one output, that output's id.</summary>
    public static bool Names(ModeDescriptor mode, Generation parent, string? named) =>
        named is not null && (mode.FollowUpParam?.FollowUp?.TakesOutputId == true ? parent.Tracks.Any(t => t.Id == named) : named == parent.KieTaskId);

    private static string Json(string value) => "\"" + System.Text.Json.JsonEncodedText.Encode(value) + "\"";

    /// <summary>
    /// Why KIE would not take <paramref name="mode"/> on <paramref name="parent"/> now (null: it would): the parent is not a
    /// finished result of a mode it continues, is older than KIE keeps it, or already has a finished follow-up after which
    /// KIE refuses this one (a Veo video upgraded to 1080p cannot be extended).
    /// </summary>
    public static FollowUpRefusal? Refusal(ModeDescriptor mode, Generation parent, IReadOnlyList<Generation> followUps, DateTimeOffset now)
    {
        var rule = mode.FollowUpParam?.FollowUp;
        var parentMode = StoredMode.Of(parent);
        if (rule is null || parentMode is null || !rule.From.Contains(parentMode) || parent.State != GenerationState.Succeeded || string.IsNullOrEmpty(parent.KieTaskId))
        {
            return new FollowUpRefusal("followup.not_applicable", [("mode", mode.Label)]);
        }

        if (rule.MaxAgeDays is { } days && now - parent.CreatedAt > TimeSpan.FromDays(days))
        {
            return new FollowUpRefusal("followup.expired", [("days", days)]);
        }

        var blocking = followUps.FirstOrDefault(f => f.State == GenerationState.Succeeded && StoredMode.Of(f) is { } done && rule.NotAfter.Contains(done));
        return blocking is null ? null : new FollowUpRefusal("followup.refused_after", [("done", StoredMode.Of(blocking)!.Label), ("mode", mode.Label)]);
    }

    private static ParamDescriptor? OutputParam(ModeDescriptor mode) =>
        mode.FollowUpParam?.FollowUp?.OutputParam is { } name ? mode.FindParam(name) : null;
}
