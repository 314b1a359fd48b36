namespace KieCatalog.Tests;

/// <summary>A hidden mode says why in a fact about KIE or about what the bot cannot do, never "not done yet".</summary>
public sealed class HiddenReasonTests
{
    [Fact]
    public void Every_hidden_reason_is_a_fact_and_none_claims_a_missing_price_KIE_publishes()
    {
        var wrong = new List<string>();
        foreach (var mode in Models.AllModes.Where(m => m.HiddenReason is not null))
        {
            var reason = mode.HiddenReason!;
            if (reason.StartsWith("imported", StringComparison.OrdinalIgnoreCase) || reason.Contains("no labels", StringComparison.OrdinalIgnoreCase))
            {
                wrong.Add($"{mode.KieModel}: '{reason}' is a to-do, not a fact");
            }
            else if (reason.Contains("no price", StringComparison.OrdinalIgnoreCase) && Reference.HasPrice(mode.KieModel))
            {
                wrong.Add($"{mode.KieModel}: '{reason}', but the reference holds its price: {Reference.PriceCell(mode.KieModel)}");
            }
        }

        Assert.Empty(wrong);
    }

    [Fact]
    public void The_check_knows_a_published_price_from_a_missing_one()
    {
        Assert.True(Reference.HasPrice("kling-2.6/text-to-video"));
        Assert.True(Reference.HasPrice("omnihuman-1-5"));
        Assert.False(Reference.HasPrice("omnihuman-1-5/subject-detection"));
        Assert.False(Reference.HasPrice("wan/2-6-flash-image-to-video"));
    }
}
