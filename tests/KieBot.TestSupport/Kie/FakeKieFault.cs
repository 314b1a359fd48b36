namespace KieBot.TestSupport.Kie;

/// <summary>How the fake KIE server misbehaves for one request.</summary>
public abstract partial record FakeKieFault
{
    /// <summary>A real HTTP status with a KIE envelope (<c>code</c> = status), optionally with Retry-After.</summary>
    public static FakeKieFault Http(int status, string? message = null, TimeSpan? retryAfter = null) => new HttpStatusFault(status, message, retryAfter);

    /// <summary>HTTP 200 carrying an error <c>code</c>, as KIE often answers.</summary>
    public static FakeKieFault CodeIn200(int code, string? message = null) => new CodeFault(code, message);

    /// <summary>The request is handled normally (a task is created) but the answer comes after <paramref name="delay"/>.</summary>
    public static FakeKieFault Slow(TimeSpan delay) => new SlowFault(delay);

    /// <summary>The request is handled normally (a task is created) but the answer waits until <paramref name="release"/> completes.</summary>
    public static FakeKieFault Held(Task release) => new HeldFault(release);

    /// <summary>The request is handled, then the connection is dropped without an answer.</summary>
    public static FakeKieFault Drop() => new DropFault();

    /// <summary>HTTP 200 with a body that is not JSON.</summary>
    public static FakeKieFault Malformed() => new MalformedFault();

    /// <summary>HTML from the CDN in front of KIE (no envelope).</summary>
    public static FakeKieFault Html(int status) => new HtmlFault(status);
}

internal sealed record HttpStatusFault(int Status, string? Message, TimeSpan? RetryAfter) : FakeKieFault;

internal sealed record CodeFault(int Code, string? Message) : FakeKieFault;

internal sealed record SlowFault(TimeSpan Delay) : FakeKieFault;

internal sealed record DropFault : FakeKieFault;

internal sealed record HeldFault(Task Release) : FakeKieFault;

internal sealed record MalformedFault : FakeKieFault;

internal sealed record HtmlFault(int Status) : FakeKieFault;
