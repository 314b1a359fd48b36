using KieBot.Storage;

namespace KieBot.Conversation;

/// <summary>
/// The maintenance switch (only admins are served while it is on), kept in the settings store so every host sees it;
/// read at most every few seconds, since it is checked on every update.
/// </summary>
public sealed class Maintenance(IBotStore store, TimeProvider time)
{
    private const string Key = "maintenance";
    private static readonly TimeSpan Fresh = TimeSpan.FromSeconds(5);

    private Reading last = new(false, DateTimeOffset.MinValue);

    public async Task<bool> IsOnAsync(CancellationToken cancellationToken)
    {
        var known = Volatile.Read(ref last);
        if (time.GetUtcNow() - known.At < Fresh)
        {
            return known.On;
        }

        var on = await store.Settings.GetAsync(Key, cancellationToken).ConfigureAwait(false) == "on";
        Volatile.Write(ref last, new Reading(on, time.GetUtcNow()));
        return on;
    }

    public async Task SetAsync(bool on, CancellationToken cancellationToken)
    {
        await store.Settings.SetAsync(Key, on ? "on" : "off", cancellationToken).ConfigureAwait(false);
        Volatile.Write(ref last, new Reading(on, time.GetUtcNow()));
    }

    private sealed record Reading(bool On, DateTimeOffset At);
}
