using KieBot.Features.History;
using KieBot.Storage;

namespace KieBot.Tests.Features.History;

/// <summary>The status message says how long its kind of task usually takes, and past the 90th percentile that it is taking longer.</summary>
public sealed class ProgressHintTests
{
    private static readonly TaskExpectation Video = new(30, TimeSpan.FromMinutes(3), TimeSpan.FromMinutes(4));

    [Fact]
    public void Before_the_90th_percentile_it_says_how_long_it_usually_takes()
    {
        Assert.Equal("Usually takes about 3 min.", GenerationScreens.ExpectationHint("en", TimeSpan.FromSeconds(30), Video));
        Assert.Equal("Обычно занимает около 3 мин.", GenerationScreens.ExpectationHint("ru", TimeSpan.FromMinutes(4), Video));
        Assert.Equal("Usually takes about 25 s.", GenerationScreens.ExpectationHint("en", TimeSpan.FromSeconds(5), new TaskExpectation(9, TimeSpan.FromSeconds(24.2), TimeSpan.FromSeconds(40))));
    }

    [Fact]
    public void Past_the_90th_percentile_it_says_it_is_taking_longer_than_usual()
    {
        Assert.StartsWith("Taking longer than usual", GenerationScreens.ExpectationHint("en", TimeSpan.FromMinutes(4) + TimeSpan.FromSeconds(1), Video), StringComparison.Ordinal);
        Assert.StartsWith("Дольше обычного", GenerationScreens.ExpectationHint("ru", TimeSpan.FromMinutes(9), Video), StringComparison.Ordinal);
    }

    [Fact]
    public void Without_history_it_says_nothing_it_cannot_know()
    {
        Assert.Null(GenerationScreens.ExpectationHint("en", TimeSpan.FromMinutes(9), null));
    }
}
