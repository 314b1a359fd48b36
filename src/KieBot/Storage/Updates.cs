namespace KieBot.Storage;

/// <summary>Telegram update ids already handled: Telegram re-delivers on errors and timeouts.</summary>
public interface IUpdateLog
{
    /// <summary>True for the first caller with <paramref name="updateId"/>, false for every repeat, under any concurrency.</summary>
    Task<bool> TryMarkAsync(long updateId, CancellationToken cancellationToken = default);
}
