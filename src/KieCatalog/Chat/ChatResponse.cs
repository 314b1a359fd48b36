namespace KieCatalog.Chat;

/// <summary>A whole answer: its text, why it ended (KIE's word: <c>stop</c>, <c>length</c>, <c>end_turn</c>, <c>max_tokens</c>…) and the tokens counted.</summary>
public sealed record ChatResponse(string Text, string? FinishReason, ChatUsage Usage);

/// <summary>
/// One piece of a streamed answer, in order. Text pieces come first; the last delta has empty <see cref="Text"/>,
/// the <see cref="FinishReason"/> and the <see cref="Usage"/> KIE reported.
/// </summary>
public sealed record ChatDelta(string Text, string? FinishReason = null, ChatUsage? Usage = null)
{
    /// <summary>True for the closing delta that carries the usage.</summary>
    public bool IsFinal => Usage is not null;
}
