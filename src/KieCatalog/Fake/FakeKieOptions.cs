namespace KieCatalog.Fake;

/// <summary>How the in-process fake behaves: its pace, its account and where its results point.</summary>
public sealed class FakeKieOptions
{
    /// <summary>Time in <c>waiting</c> after creation.</summary>
    public TimeSpan WaitingTime { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Time in <c>queuing</c> after waiting.</summary>
    public TimeSpan QueuingTime { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Time in <c>generating</c> before the task ends.</summary>
    public TimeSpan GeneratingTime { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>The fake account's starting balance in KIE credits.</summary>
    public decimal InitialCredits { get; set; } = 10_000m;

    /// <summary>Base of result and upload URLs (a host that serves placeholders can be put here).</summary>
    public Uri ResultBaseUrl { get; set; } = new("https://fake.kie.invalid/");
}
