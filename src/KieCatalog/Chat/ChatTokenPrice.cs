namespace KieCatalog.Chat;

/// <summary>A chat model's price in KIE credits per million input tokens and per million output tokens.</summary>
public sealed record ChatTokenPrice
{
    private const decimal Million = 1_000_000m;

    public ChatTokenPrice(decimal inputCreditsPerMillion, decimal outputCreditsPerMillion)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(inputCreditsPerMillion);
        ArgumentOutOfRangeException.ThrowIfNegative(outputCreditsPerMillion);
        InputCreditsPerMillion = inputCreditsPerMillion;
        OutputCreditsPerMillion = outputCreditsPerMillion;
    }

    public decimal InputCreditsPerMillion { get; }

    public decimal OutputCreditsPerMillion { get; }

    /// <summary>What a call that used <paramref name="usage"/> costs, rounded up to a hundredth of a credit.</summary>
    public decimal Credits(ChatUsage usage)
    {
        ArgumentNullException.ThrowIfNull(usage);
        return Credits(usage.InputTokens, usage.OutputTokens);
    }

    /// <summary>What <paramref name="inputTokens"/> in and <paramref name="outputTokens"/> out cost, rounded up to a hundredth of a credit.</summary>
    public decimal Credits(int inputTokens, int outputTokens)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(inputTokens);
        ArgumentOutOfRangeException.ThrowIfNegative(outputTokens);
        var exact = (inputTokens * InputCreditsPerMillion + outputTokens * OutputCreditsPerMillion) / Million;
        return Math.Ceiling(exact * 100) / 100;
    }
}
