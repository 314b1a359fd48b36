namespace KieBot.TestSupport.Kie;

/// <summary>
/// How a chat stream misbehaves once it has begun (faults before the first byte are the ordinary ones:
/// <see cref="Http"/>, <see cref="CodeIn200"/>, <see cref="Slow"/>, <see cref="Drop"/>, <see cref="Malformed"/>).
/// </summary>
public abstract partial record FakeKieFault
{
    /// <summary>
    /// The stream sends <paramref name="afterDeltas"/> text deltas, then the connection is cut (once <paramref name="when"/>
    /// completes, if given: a reset discards what the client has not read yet, so a test that must see the deltas first says when).
    /// </summary>
    public static FakeKieFault StreamDrop(int afterDeltas, Task? when = null) => new StreamDropFault(afterDeltas, when);

    /// <summary>The stream sends <paramref name="afterDeltas"/> text deltas, then <paramref name="line"/> (by default an event whose JSON is cut off).</summary>
    public static FakeKieFault StreamMalformedLine(int afterDeltas, string line = "data: {\"choices\":[{\"delta\":{\"content\":\"cut") =>
        new StreamMalformedFault(afterDeltas, line);

    /// <summary>
    /// The stream sends <paramref name="afterDeltas"/> text deltas, then the protocol's error event with <paramref name="message"/>
    /// (OpenAI's carries <paramref name="code"/>; Anthropic's the type it stands for: 429 <c>rate_limit_error</c>, 529 <c>overloaded_error</c>, else <c>api_error</c>).
    /// </summary>
    public static FakeKieFault StreamError(int afterDeltas, string message = "Overloaded", int code = 529) => new StreamErrorFault(afterDeltas, message, code);

    /// <summary>The stream begins at once, then every text delta waits <paramref name="perDelta"/> before it is sent.</summary>
    public static FakeKieFault StreamSlow(TimeSpan perDelta) => new StreamSlowFault(perDelta);
}

internal sealed record StreamDropFault(int AfterDeltas, Task? When) : FakeKieFault;

internal sealed record StreamMalformedFault(int AfterDeltas, string Line) : FakeKieFault;

internal sealed record StreamErrorFault(int AfterDeltas, string Message, int Code) : FakeKieFault;

internal sealed record StreamSlowFault(TimeSpan PerDelta) : FakeKieFault;
