using System.Text.Json.Serialization;

namespace KieBot.Features.Browse;

/// <summary>Where the user is in the catalog: a category's page, and the model whose card is open.</summary>
public sealed record BrowseState(string Category, int Page, string? Model = null)
{
    /// <summary>The catalog's state, when the conversation is on a category or a model card.</summary>
    public static BrowseState? From(KieBot.Conversation.FlowState state) => state.Read(BrowseFeature.FeatureName, BrowseJson.Default.BrowseState);
}

[JsonSerializable(typeof(BrowseState))]
internal sealed partial class BrowseJson : JsonSerializerContext;
