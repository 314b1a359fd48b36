namespace KieBot.TestSupport.Hosting;

/// <summary>
/// The system clock moved by an offset that a test changes (a day boundary, an expiry) while timers keep real time,
/// so a whole host runs on it without stalling.
/// </summary>
public sealed class ShiftedClock(DateTimeOffset startsAt) : TimeProvider
{
    private long offsetTicks = (startsAt - System.GetUtcNow()).Ticks;

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + TimeSpan.FromTicks(Interlocked.Read(ref offsetTicks));

    public void Advance(TimeSpan by) => Interlocked.Add(ref offsetTicks, by.Ticks);
}
