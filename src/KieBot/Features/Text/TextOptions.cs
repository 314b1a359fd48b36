using KieBot.Conversation;

namespace KieBot.Features.Text;

/// <summary>The Text shelf's chat model and terms (<c>TEXT_MODEL</c>, <c>TEXT_PRICE</c>, <c>TEXT_FREE_DAILY</c>; see <see cref="ChatOffer"/>).</summary>
public sealed record TextOptions(ChatOffer Offer)
{
    /// <summary>The longest answer, in tokens (it bounds the reservation).</summary>
    public int MaxTokens { get; init; } = 2_000;

    /// <summary>Earlier questions and answers of the conversation sent as its context.</summary>
    public int ContextTurns { get; init; } = 6;

    /// <summary>The largest photo or document read (Telegram's bots download at most 20 MB).</summary>
    public long MaxFileBytes { get; init; } = 10 * 1024 * 1024;

    /// <summary>A document read as text is cut to this many characters.</summary>
    public int MaxDocumentChars { get; init; } = 20_000;
}
