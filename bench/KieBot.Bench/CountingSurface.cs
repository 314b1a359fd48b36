using KieBot.Telegram;
using KieCatalog.Catalog;

namespace KieBot.Bench;

/// <summary>A chat that answers every call at once and counts deliveries (and when each chat got its first): the benchmarks measure the bot, not Telegram.</summary>
internal sealed class CountingSurface : IChatSurface
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<long, DateTimeOffset> deliveredAt = new();
    private int delivered;

    /// <summary>When each chat's first result was delivered.</summary>
    public IReadOnlyDictionary<long, DateTimeOffset> DeliveredAt => deliveredAt;

    public int Delivered => Volatile.Read(ref delivered);

    public Task<int> SendAsync(long chatId, Screen screen, CancellationToken cancellationToken) => Task.FromResult(1);

    public Task<int> EditAsync(long chatId, int messageId, Screen screen, CancellationToken cancellationToken) => Task.FromResult(messageId);

    public Task AnswerAsync(string callbackId, string? alert, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task<IReadOnlyList<string>> DeliverAsync(long chatId, Delivery delivery, CancellationToken cancellationToken)
    {
        deliveredAt.TryAdd(chatId, DateTimeOffset.UtcNow);
        Interlocked.Increment(ref delivered);
        return Task.FromResult(delivery.Urls);
    }

    public Task ShowActivityAsync(long chatId, OutputKind kind, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task<Stream> OpenFileAsync(IncomingFile file, CancellationToken cancellationToken) => throw new NotSupportedException("The benchmark sends no files.");

    public Task<string> BotUsernameAsync(CancellationToken cancellationToken) => Task.FromResult("bench");

    public Task RefundStarsAsync(long userId, string chargeId, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task SendInvoiceAsync(long chatId, string title, string description, string payload, long stars, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task AnswerPreCheckoutAsync(string queryId, string? error, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task<int> ForwardFileAsync(long chatId, IncomingFile file, Screen screen, CancellationToken cancellationToken) => Task.FromResult(1);
}
