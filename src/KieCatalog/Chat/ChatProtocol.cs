namespace KieCatalog.Chat;

/// <summary>The wire protocol a KIE chat endpoint speaks (kie-api.md §2.3).</summary>
public enum ChatProtocol
{
    /// <summary>OpenAI chat completions (<c>POST /&lt;model&gt;/v1/chat/completions</c>): the client speaks it.</summary>
    OpenAiChatCompletions,

    /// <summary>Anthropic messages (<c>POST /claude/v1/messages</c>): the client speaks it.</summary>
    AnthropicMessages,

    /// <summary>OpenAI responses (<c>/codex/v1/responses</c>, <c>/api/v1/responses</c>): listed in the catalog, not spoken by the client.</summary>
    OpenAiResponses,

    /// <summary>Gemini <c>streamGenerateContent</c>: listed in the catalog, not spoken by the client.</summary>
    GeminiGenerateContent,
}

/// <summary>What the client can do with each <see cref="ChatProtocol"/>.</summary>
public static class ChatProtocols
{
    /// <summary>True for the protocols <see cref="Client.IKieChat"/> speaks: OpenAI chat completions and Anthropic messages.</summary>
    public static bool IsSupported(this ChatProtocol protocol) =>
        protocol is ChatProtocol.OpenAiChatCompletions or ChatProtocol.AnthropicMessages;
}
