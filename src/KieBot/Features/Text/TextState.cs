using System.Text.Json.Serialization;
using KieBot.Conversation;

namespace KieBot.Features.Text;

/// <summary>The Text shelf's conversation: its thread (the calls whose turns are the next call's context).</summary>
public sealed record TextState
{
    public required string Thread { get; init; }

    public const string Feature = "text";

    public const string Chatting = "chatting";

    public static TextState? From(FlowState state) => state.Read(Feature, TextJson.Default.TextState);

    public FlowState At() => FlowState.Of(Feature, Chatting, this, TextJson.Default.TextState);

    public static TextState New() => new() { Thread = "text:" + Guid.NewGuid().ToString("N")[..16] };
}

[JsonSerializable(typeof(TextState))]
public sealed partial class TextJson : JsonSerializerContext;
