namespace KieBot.Tests.Storage;

public sealed class CreditsTests
{
    [Theory]
    [InlineData("12.5", 1250)]
    [InlineData("0.01", 1)]
    [InlineData("110", 11000)]
    public void Exact_amounts_convert_without_loss(string value, long hundredths)
    {
        var credits = Credits.From(decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(hundredths, credits.Hundredths);
        Assert.Equal(decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture), credits.Value);
    }

    [Fact]
    public void A_third_decimal_is_refused_exactly_and_rounded_up_when_charging()
    {
        Assert.Throws<ArgumentException>(() => Credits.From(0.245m));
        Assert.Equal(25, Credits.Ceiling(0.241m).Hundredths);
        Assert.Equal(24, Credits.Ceiling(0.24m).Hundredths);
    }

    [Fact]
    public void Text_is_invariant_without_trailing_zeros()
    {
        Assert.Equal("12.5", new Credits(1250).ToString());
        Assert.Equal("12", Credits.Whole(12).ToString());
        Assert.Equal("-0.01", (-new Credits(1)).ToString());
    }
}
