using System.Text.Json.Serialization;
using KieBot.Conversation;
using KieCatalog;
using KieBot.Features.Form.Lists;
using KieCatalog.Catalog;

namespace KieBot.Features.Form;

/// <summary>
/// A form being filled: the mode, the answers so far as KIE wire JSON per parameter name (read back with the catalog's
/// own reader), the question on screen, and the summary on screen. Its step (<see cref="FlowState.Step"/>) is one of
/// <see cref="Steps"/>.
/// </summary>
public sealed record FormState
{
    public required string Model { get; init; }

    public required string Mode { get; init; }

    /// <summary>Parameter name → its value as JSON text.</summary>
    public Dictionary<string, string> Values { get; init; } = new(StringComparer.Ordinal);

    /// <summary>The parameter being asked (step <see cref="Steps.Asking"/>).</summary>
    public string? Asking { get; init; }

    /// <summary>Asked from the settings screen (answering returns to the summary) rather than in the first pass.</summary>
    public bool FromSettings { get; init; }

    /// <summary>
    /// The id of the summary on screen (new each time one is shown, carried by its Generate button): a press is honoured
    /// only for this summary, and the generation row is unique per summary, whichever host the press reaches.
    /// </summary>
    public string? Summary { get; init; }

    /// <summary>The summary on screen offers the generation free (confirming must not charge instead).</summary>
    public bool Free { get; init; }

    /// <summary>The earlier generation a follow-up continues (its id); null for a generation from scratch.</summary>
    public string? Parent { get; init; }

    /// <summary>The category page the user came from (the way back past the first question).</summary>
    public int Page { get; init; }

    /// <summary>While a list is asked (<see cref="Asking"/>): the index of its item being filled or edited; null on the list's own screen.</summary>
    public int? Item { get; init; }

    /// <summary>The field of <see cref="Item"/> being asked; null on the item's screen (its fields, each pressable).</summary>
    public string? Field { get; init; }

    /// <summary><see cref="Item"/> is new: its required fields are asked one after another, then the list is shown again.</summary>
    public bool Adding { get; init; }

    /// <summary>Counts every item added or removed: a list button of an older count (its items numbered otherwise) is refused.</summary>
    public int ListRevision { get; init; }

    /// <summary>The user's own text the prompt coach improves (steps <see cref="Steps.Coached"/>): kept for "keep mine".</summary>
    public string? CoachText { get; init; }

    /// <summary>The coach's improved prompt on screen (step <see cref="Steps.Coached"/>).</summary>
    public string? CoachDraft { get; init; }

    /// <summary>The mode in the catalog, or null when the catalog no longer has it.</summary>
    [JsonIgnore]
    public ModeDescriptor? Descriptor => Models.FindModel(Model)?.FindMode(Mode);

    /// <summary>The form's state, when the conversation is on the form.</summary>
    public static FormState? From(FlowState state) => state.Read(Steps.Feature, FormJson.Default.FormState);

    /// <summary>A copy with <paramref name="name"/> set to <paramref name="json"/> (removed when null).</summary>
    public FormState With(string name, string? json)
    {
        var values = new Dictionary<string, string>(Values, StringComparer.Ordinal);
        if (json is null)
        {
            values.Remove(name);
        }
        else
        {
            values[name] = json;
        }

        return this with { Values = values };
    }

    /// <summary>The parameter asked: a parameter of the mode, a list, or the field of a list's item being asked.</summary>
    public ParamDescriptor? AskedParam(ModeDescriptor mode) =>
        Asking is { } name && mode.FindParam(name) is { } param ? (Field is { } field ? param.FindField(field) : param) : null;

    /// <summary>The value of <paramref name="param"/> as JSON text: of the item being filled when it is a list's field.</summary>
    public string? ValueOf(ParamDescriptor param) =>
        param.List is { } list ? (Item is { } item ? ListValues.Field(Values.GetValueOrDefault(list.Name), item, param.Name) : null)
        : Values.GetValueOrDefault(param.Name);

    /// <summary>A copy with <paramref name="param"/> set to <paramref name="json"/> (removed when null), in the item being filled when it is a list's field.</summary>
    public FormState With(ParamDescriptor param, string? json) =>
        param.List is { } list && Item is { } item
            ? With(list.Name, ListValues.SetField(Values.GetValueOrDefault(list.Name), item, param.Name, json))
            : With(param.Name, json);

    /// <summary>This state with no list item on screen.</summary>
    public FormState OffItems() => this with { Item = null, Field = null, Adding = false };

    /// <summary>This state as the conversation's, at <paramref name="step"/>.</summary>
    public FlowState At(string step) => FlowState.Of(Steps.Feature, step, this, FormJson.Default.FormState);

    /// <summary>The form's steps.</summary>
    public static class Steps
    {
        public const string Feature = "form";

        /// <summary>A question is on screen (<see cref="Asking"/>).</summary>
        public const string Asking = "asking";

        /// <summary>Every parameter with its value, each a button that asks it again.</summary>
        public const string Settings = "settings";

        /// <summary>The price and every value, with the Generate button.</summary>
        public const string Summary = "summary";

        /// <summary>The prompt coach waits for the user's idea to improve (the prompt <see cref="Asking"/> is still the question).</summary>
        public const string Coaching = "coaching";

        /// <summary>The coach's improved prompt is on screen: use it, edit it or keep one's own.</summary>
        public const string Coached = "coached";

        /// <summary>The summary was confirmed: its generation is under way.</summary>
        public const string Submitted = "submitted";
    }
}

[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(FormState))]
[JsonSerializable(typeof(string))]
[JsonSerializable(typeof(string[]))]
public sealed partial class FormJson : JsonSerializerContext;
