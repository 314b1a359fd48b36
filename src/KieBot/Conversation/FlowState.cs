using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace KieBot.Conversation;

/// <summary>
/// A user's conversation, persisted after every update so that a restart (or another host) continues where the user
/// was: the feature whose screen is on, its step, and that feature's own state record (<see cref="Data"/>, which only
/// that feature reads). The menu is the empty state.
/// </summary>
public sealed record FlowState
{
    /// <summary>The feature (<see cref="IFeature.Name"/>) whose screen is on; null on the menu.</summary>
    public string? Feature { get; init; }

    /// <summary>The feature's own step, as it names it.</summary>
    public string? Step { get; init; }

    /// <summary>The feature's own state, in its own JSON shape.</summary>
    public JsonElement? Data { get; init; }

    /// <summary>The message the current screen is in (edited on the next button press).</summary>
    public int? MessageId { get; init; }

    /// <summary>The catalog version the state was written under; another version invalidates it (back to the menu).</summary>
    public string Catalog { get; init; } = KieCatalog.Models.Version;

    /// <summary>The conversation is on <paramref name="feature"/>'s screen at <paramref name="step"/>, with no state of its own.</summary>
    public static FlowState WaitingOn(string feature, string step) => new() { Feature = feature, Step = step };

    /// <summary>The conversation is on <paramref name="feature"/>'s screen at <paramref name="step"/> with <paramref name="data"/>.</summary>
    public static FlowState Of<T>(string feature, string step, T data, JsonTypeInfo<T> type) =>
        new() { Feature = feature, Step = step, Data = JsonSerializer.SerializeToElement(data, type) };

    /// <summary>True when the conversation is on <paramref name="feature"/>'s screen (at <paramref name="step"/>, when given).</summary>
    public bool IsAt(string feature, string? step = null) => Feature == feature && (step is null || Step == step);

    /// <summary>The state <paramref name="feature"/> keeps, when the conversation is on its screen; else null.</summary>
    public T? Read<T>(string feature, JsonTypeInfo<T> type)
        where T : class
    {
        if (Feature != feature || Data is not { ValueKind: JsonValueKind.Object } data)
        {
            return null;
        }

        try
        {
            return data.Deserialize(type);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public string Serialize() => JsonSerializer.Serialize(this, FlowJson.Default.FlowState);

    /// <summary>Today's shape as saved; anything unreadable, or from another catalog version, is the menu.</summary>
    public static FlowState Parse(string? json) => Parse(json, static _ => new FlowState());

    /// <summary>
    /// The saved state; one saved before features kept their own state (a top-level <c>Step</c> without a
    /// <c>Feature</c>, or a <c>FeatureStep</c>) is read in today's shape by <paramref name="upgrade"/>.
    /// </summary>
    public static FlowState Parse(string? json, Func<JsonObject, FlowState> upgrade)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return new FlowState();
        }

        try
        {
            // Today's shape (every state saved since features kept their own) is read straight; only an old one is looked into.
            var old = json.Contains("\"FeatureStep\"", StringComparison.Ordinal)
                || (json.Contains("\"Step\"", StringComparison.Ordinal) && !json.Contains("\"Feature\"", StringComparison.Ordinal));
            if (!old)
            {
                var current = JsonSerializer.Deserialize(json, FlowJson.Default.FlowState) ?? new FlowState();
                return current.Catalog == KieCatalog.Models.Version ? current : new FlowState();
            }

            if (JsonNode.Parse(json) is not JsonObject saved)
            {
                return new FlowState();
            }

            var state = saved.ContainsKey("FeatureStep")
                ? new FlowState { Feature = (string?)saved["Feature"], Step = (string?)saved["FeatureStep"], Catalog = (string?)saved["Catalog"] ?? string.Empty }
                : saved.ContainsKey("Step") && !saved.ContainsKey("Feature")
                    ? upgrade(saved) with { Catalog = (string?)saved["Catalog"] ?? string.Empty, MessageId = (int?)saved["MessageId"] }
                    : saved.Deserialize(FlowJson.Default.FlowState) ?? new FlowState();
            return state.Catalog == KieCatalog.Models.Version ? state : new FlowState();
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException)
        {
            return new FlowState();
        }
    }
}

[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(FlowState))]
internal sealed partial class FlowJson : JsonSerializerContext;
