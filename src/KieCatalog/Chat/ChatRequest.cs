namespace KieCatalog.Chat;

/// <summary>A chat call: the model, the conversation (oldest first, ending with the user's turn) and its settings.</summary>
public sealed record ChatRequest
{
    public ChatRequest(ChatModeDescriptor mode, IReadOnlyList<ChatMessage> messages)
    {
        ArgumentNullException.ThrowIfNull(mode);
        ArgumentNullException.ThrowIfNull(messages);
        Mode = mode;
        Messages = messages;
    }

    public ChatModeDescriptor Mode { get; }

    public IReadOnlyList<ChatMessage> Messages { get; }

    /// <summary>Instructions for the model (Anthropic's <c>system</c>, OpenAI's system message).</summary>
    public string? System { get; init; }

    /// <summary>The most tokens of the answer; unset: the model's <see cref="ChatModeDescriptor.DefaultMaxTokens"/> where the protocol needs one.</summary>
    public int? MaxTokens { get; init; }

    public double? Temperature { get; init; }
}
