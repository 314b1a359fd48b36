namespace KieCatalog.Tests;

/// <summary>A follow-up KIE bills by a setting of the task it continues: Grok extend, by the resolution of the video it extends.</summary>
public sealed class ParentSettingTests
{
    [Fact]
    public void Grok_extend_is_priced_by_the_parents_resolution_and_its_own_length()
    {
        // KIE: 6 s $0.05 at 480p, $0.10 at 720p; 10 s $0.10 / $0.15 (kie-api.md §7), 200 credits to the dollar.
        var extend = new GrokImagineVideoExtendInput { TaskId = "task_grok_1", Prompt = "the fox keeps running", Resolution = GrokImagineVideoExtendResolution.V480p };

        Assert.Empty(extend.Validate());
        Assert.Equal(10m, extend.Price());
        Assert.Equal(20m, (extend with { ExtendTimes = GrokImagineVideoExtendExtendTimes.V10 }).Price());
        Assert.Equal(20m, (extend with { Resolution = GrokImagineVideoExtendResolution.V720p }).Price());
        Assert.Equal(30m, (extend with { Resolution = GrokImagineVideoExtendResolution.V720p, ExtendTimes = GrokImagineVideoExtendExtendTimes.V10 }).Price());
    }

    [Fact]
    public void The_copied_resolution_is_never_sent_to_KIE_and_the_descriptor_says_where_it_comes_from()
    {
        var extend = new GrokImagineVideoExtendInput { TaskId = "task_grok_1", Prompt = "on", Resolution = GrokImagineVideoExtendResolution.V720p };
        var mode = GrokImagineVideoExtendInput.Descriptor;

        Assert.Equal("""{"task_id":"task_grok_1","prompt":"on","extend_at":2,"extend_times":"6"}""", extend.ToInputJson());
        Assert.Equal("resolution", mode.FindParam("resolution")!.FromParent);
        Assert.All(mode.Params.Where(p => p.Name != "resolution"), p => Assert.Null(p.FromParent));
        Assert.Contains(Models.GrokImagineVideo.TextToVideo, mode.FollowUpParam!.FollowUp!.From);
        Assert.True(mode.IsVisible);

        // Read back from what a form holds (the wire input plus the copied setting), the price is the same.
        var read = mode.ReadInput(System.Text.Json.JsonDocument.Parse("""{"task_id":"task_grok_1","prompt":"on","resolution":"720p"}""").RootElement, out var violations);
        Assert.Empty(violations);
        Assert.Equal(20m, read.Price());
    }
}
