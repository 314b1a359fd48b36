namespace KieCatalog.Chat;

/// <summary>The tokens KIE counted for one chat call (the <c>usage</c> it returns).</summary>
public sealed record ChatUsage(int InputTokens, int OutputTokens)
{
    public int TotalTokens => InputTokens + OutputTokens;
}
