using System.Text.Json.Serialization;
using KieBot.Conversation;
using KieCatalog;
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

        /// <summary>The summary was confirmed: its generation is under way.</summary>
        public const string Submitted = "submitted";
    }
}

[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(FormState))]
[JsonSerializable(typeof(string))]
[JsonSerializable(typeof(string[]))]
public sealed partial class FormJson : JsonSerializerContext;
