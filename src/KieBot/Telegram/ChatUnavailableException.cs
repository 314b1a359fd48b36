namespace KieBot.Telegram;

/// <summary>The chat cannot receive messages (the user blocked the bot or deleted the account).</summary>
public sealed class ChatUnavailableException(long chatId, Exception inner) : Exception($"Chat {chatId} cannot receive messages.", inner)
{
    public long ChatId { get; } = chatId;
}
