using System.Text.Json;
using System.Text.Json.Serialization;

namespace KieBot.Conversation;

/// <summary>Where a user is in the bot.</summary>
public enum FlowStep
{
    Menu,
    Category,
    Model,
    Form,
    Summary,
    Settings,
    Submitted,

}

/// <summary>
/// A user's conversation, persisted after every update so that a restart continues where the user was. Values hold
/// the form's answers as KIE wire JSON per parameter name, so the typed input is read back with the catalog's reader.
/// </summary>
public sealed record FlowState
{
    public FlowStep Step { get; init; } = FlowStep.Menu;

    /// <summary>The feature (<see cref="IFeature.Name"/>) the conversation waits on, with its own step; null for the built-in screens.</summary>
    public string? Feature { get; init; }

    /// <summary>The waiting feature's own step, as it names it.</summary>
    public string? FeatureStep { get; init; }

    public string? Category { get; init; }

    public int Page { get; init; }

    public string? Model { get; init; }

    public string? Mode { get; init; }

    /// <summary>Parameter name → its value as JSON text.</summary>
    public Dictionary<string, string> Values { get; init; } = new(StringComparer.Ordinal);

    /// <summary>The parameter being asked, when <see cref="Step"/> is <see cref="FlowStep.Form"/>.</summary>
    public string? Asking { get; init; }

    /// <summary>Asked from the settings screen (answering returns there) rather than in the first pass.</summary>
    public bool FromSettings { get; init; }

    /// <summary>
    /// The id of the summary on screen (new each time one is shown, carried by its Generate button): a press is honoured
    /// only for this summary, and the generation row is unique per summary, whichever host the press reaches.
    /// </summary>
    public string? Summary { get; init; }

    /// <summary>The summary on screen offers the generation free (confirming must not charge instead).</summary>
    public bool Free { get; init; }

    /// <summary>The message the current screen is in (edited on the next button press).</summary>
    public int? MessageId { get; init; }

    /// <summary>The catalog version the state was written under; another version invalidates the form.</summary>
    public string Catalog { get; init; } = KieCatalog.Models.Version;

    /// <summary>A fresh summary id: 10 characters of [a-z0-9], random.</summary>
    public static string NewSummaryId() => string.Create(10, 0, static (span, _) =>
    {
        const string alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
        for (var i = 0; i < span.Length; i++)
        {
            span[i] = alphabet[System.Security.Cryptography.RandomNumberGenerator.GetInt32(alphabet.Length)];
        }
    });

    /// <summary>The conversation waits on <paramref name="feature"/> at its <paramref name="step"/>.</summary>
    public static FlowState WaitingOn(string feature, string step) => new() { Feature = feature, FeatureStep = step };

    public string Serialize() => JsonSerializer.Serialize(this, FlowJson.Default.FlowState);

    public static FlowState Parse(string? json)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return new FlowState();
        }

        // A conversation saved before bank transfers and Stars became features of their own waited on their steps by name.
        json = json.Replace("\"Step\":\"Receipt\"", "\"Feature\":\"bank\",\"FeatureStep\":\"receipt\"", StringComparison.Ordinal)
            .Replace("\"Step\":\"TopUpAmount\"", "\"Feature\":\"stars\",\"FeatureStep\":\"amount\"", StringComparison.Ordinal)
            .Replace("\"Step\":\"PromoCode\"", "\"Feature\":\"growth\",\"FeatureStep\":\"code\"", StringComparison.Ordinal);
        try
        {
            var state = JsonSerializer.Deserialize(json, FlowJson.Default.FlowState) ?? new FlowState();
            return state.Catalog == KieCatalog.Models.Version ? state : new FlowState();
        }
        catch (JsonException)
        {
            return new FlowState();
        }
    }
}

[JsonSourceGenerationOptions(UseStringEnumConverter = true, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(FlowState))]
[JsonSerializable(typeof(string))]
[JsonSerializable(typeof(string[]))]
internal sealed partial class FlowJson : JsonSerializerContext;
