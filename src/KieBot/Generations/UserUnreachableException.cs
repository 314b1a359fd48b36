namespace KieBot.Generations;

/// <summary>The user cannot be reached any more (they blocked the bot): a result for them is given up, not retried forever.</summary>
public sealed class UserUnreachableException(long chatId, Exception inner) : Exception($"chat {chatId} cannot be reached", inner)
{
    public long ChatId { get; } = chatId;
}
