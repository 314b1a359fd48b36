using KieCatalog.Chat;

namespace KieCatalog.Tests.Chat;

/// <summary>The per-million-token price form: what a call's usage costs, and the checks on the values.</summary>
public sealed class ChatTokenPriceTests
{
    private static readonly ChatTokenPrice Price = new(inputCreditsPerMillion: 250m, outputCreditsPerMillion: 2000m);

    [Theory]
    [InlineData(1_000_000, 0, 250)]
    [InlineData(0, 1_000_000, 2000)]
    [InlineData(1200, 350, 1)]
    [InlineData(10, 10, 0.03)]
    [InlineData(0, 0, 0)]
    [InlineData(4000, 2000, 5)]
    public void Usage_is_priced_per_million_and_rounded_up_to_a_hundredth(int input, int output, decimal credits)
    {
        Assert.Equal(credits, Price.Credits(new ChatUsage(input, output)));
    }

    [Fact]
    public void A_descriptor_with_a_price_carries_it_and_prices_a_usage()
    {
        var mode = new ChatModeDescriptor(
            "acme-chat", "Acme Chat", "Acme", "acme-chat", ChatProtocol.OpenAiChatCompletions, "/acme-chat/v1/chat/completions",
            modelInBody: false, acceptsImages: false, contextTokens: 128_000, maxOutputTokens: 8_000, defaultMaxTokens: null,
            price: Price, hiddenReason: null);

        Assert.True(mode.IsVisible);
        Assert.True(mode.IsSupported);
        Assert.Equal(0.45m, mode.Price!.Credits(1000, 100));
    }

    [Fact]
    public void Negative_rates_and_counts_are_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new ChatTokenPrice(-1, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ChatTokenPrice(0, -1));
        Assert.Throws<ArgumentOutOfRangeException>(() => Price.Credits(-1, 0));
    }
}
