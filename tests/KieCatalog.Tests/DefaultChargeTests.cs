using KieBot.TestSupport.Kie;

namespace KieCatalog.Tests;

/// <summary>What a buyer is charged for a mode's default input is what KIE publishes for it, for every mode on sale.</summary>
public sealed class DefaultChargeTests
{
    public static TheoryData<string> VisibleModes() => [.. Models.AllModes.Where(m => m.IsVisible).Select(m => m.Key)];

    [Theory]
    [MemberData(nameof(VisibleModes))]
    public void The_default_input_is_charged_the_reference_price(string key)
    {
        var mode = Models.AllModes.Single(m => m.Key == key);
        var input = SampleInputs.For(mode);

        var published = ReferencePrice.Candidates(mode, input);

        Assert.True(published.Count > 0, $"{key} ({mode.KieModel}): the references publish no price for it");
        Assert.True(published.Contains(input.Price()), $"{key} ({mode.KieModel}): charged {input.Price()} for {input.ToInputJson()}, the references publish {string.Join(", ", published)}");
    }

    [Fact]
    public void The_rule_reads_the_newer_copy_where_the_references_disagree()
    {
        // Wan 2.2 Animate Move at 480p: the 2025-12 scrape says 12 credits per second, the pricing page copy $0.03/s (6).
        var mode = Models.AllModes.Single(m => m.KieModel == "wan/2-2-animate-move");
        Assert.Equal(12m, Reference.Credits("wan/2-2-animate-move", "Turbo-1.0s-480p"));

        var published = ReferencePrice.Candidates(mode, SampleInputs.For(mode));

        Assert.Contains(6m * SampleInputs.FileSeconds, published);
        Assert.DoesNotContain(12m * SampleInputs.FileSeconds, published);
    }

    [Fact]
    public void A_price_of_another_variant_is_not_taken_for_the_default()
    {
        // Veo 3.1 Fast at 720p is $0.30 (60 cr): Quality's 250 and Fast's 4K 180 are not its default price.
        var fast = Models.AllModes.Single(m => m.Key == "veo-3.1/fast");
        var nanoPro = Models.AllModes.Single(m => m.KieModel == "nano-banana-pro");

        Assert.Equal([60m], ReferencePrice.Candidates(fast, SampleInputs.For(fast)));
        Assert.Equal([18m], ReferencePrice.Candidates(nanoPro, SampleInputs.For(nanoPro)));
    }
}
