namespace KieBot.Hosting;

/// <summary>The Telegram host (long polling or webhook).</summary>
public static class TelegramHost
{
    public static Task<int> RunAsync(BotOptions options, CancellationToken ct)
    {
        _ = options;
        _ = ct;
        throw new NotSupportedException("The Telegram host is added in the next step.");
    }
}
