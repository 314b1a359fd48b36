using KieBot.Generations;
using KieBot.Storage;

namespace KieBot.Tests.Generations;

/// <summary>The pause before a task's next read, from how long its kind usually takes.</summary>
public sealed class ReadScheduleTests
{
    private static readonly TimeSpan Backoff = TimeSpan.FromSeconds(3);
    private static readonly TaskExpectation Video = new(40, TimeSpan.FromSeconds(100), TimeSpan.FromSeconds(130));

    private static TimeSpan At(double elapsed, TaskExpectation? expected = null) => ReadSchedule.Next(TimeSpan.FromSeconds(elapsed), expected ?? Video, Backoff);

    [Fact]
    public void Without_enough_history_the_back_off_stands()
    {
        Assert.Equal(Backoff, ReadSchedule.Next(TimeSpan.FromSeconds(10), null, Backoff));
        Assert.Equal(Backoff, ReadSchedule.Next(TimeSpan.FromSeconds(10), Video with { Count = ReadSchedule.MinSamples - 1 }, Backoff));
    }

    [Fact]
    public void Before_the_usual_finish_one_read_near_80_percent_of_the_median()
    {
        Assert.Equal(TimeSpan.FromSeconds(80), At(0));
        Assert.Equal(TimeSpan.FromSeconds(30), At(50));
        // A long kind still gets looked at every two minutes (an early failure is not missed for ten).
        Assert.Equal(ReadSchedule.MaxEarlyPause, At(0, new TaskExpectation(20, TimeSpan.FromMinutes(8), TimeSpan.FromMinutes(10))));
    }

    [Fact]
    public void Around_the_usual_finish_reads_are_dense_and_past_the_90th_percentile_they_back_off()
    {
        Assert.Equal(TimeSpan.FromSeconds(5), At(80));
        Assert.Equal(TimeSpan.FromSeconds(5), At(129));
        Assert.Equal(TimeSpan.FromSeconds(5), At(150));
        Assert.Equal(TimeSpan.FromMinutes(1), At(1000));
        // The dense pace is 5 % of the median, at least 2 s and at most 8 s.
        Assert.Equal(TimeSpan.FromSeconds(2), At(9, new TaskExpectation(20, TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(20))));
        Assert.Equal(TimeSpan.FromSeconds(8), At(500, new TaskExpectation(20, TimeSpan.FromSeconds(600), TimeSpan.FromSeconds(900))));
    }

    [Fact]
    public void The_kind_of_a_task_is_its_mode_and_the_values_its_price_depends_on()
    {
        var mode = KieCatalog.Models.Kling2_6.TextToVideo;
        var generation = new Generation
        {
            Id = "g", UserId = 1, ChatId = 1, ModelId = mode.Model.Id, ModeId = mode.Id, KieModel = mode.KieModel, Api = mode.Api.ToString(),
            InputJson = """{"prompt":"a fox","duration":"10","sound":true}""", Price = Credits.Whole(1),
        };

        Assert.Equal("kling-2.6/text-to-video|duration=10|sound=true", ReadSchedule.Key(generation));
        Assert.Equal("kling-2.6/text-to-video|duration=10|sound=false", ReadSchedule.Key(generation with { InputJson = """{"prompt":"a fox","duration":"10","sound":false}""" }));
    }
}
