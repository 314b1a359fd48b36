using KieBot.Generations;
using KieBot.Storage;
using KieCatalog;
using KieCatalog.Catalog;
using KieCatalog.Client;
using KieCatalog.Errors;
using KieCatalog.Fake;
using KieBot.TestSupport.Kie;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace KieBot.Tests.Generations;

/// <summary>The tracker on tasks of endpoints that answer at once: the result stored with the task id is delivered without a status read.</summary>
public sealed class SynchronousTaskTests : SqliteTrackerTest
{
    [Fact]
    public async Task A_task_finished_on_creation_is_delivered_from_the_stored_result()
    {
        var mode = Models.AllModes.First(m => m.CreatePath == "/api/v1/omni/audio/create");
        await SubmitAsync("sync", mode, stored: true);

        Assert.Equal(1, await Tracker.PollOnceAsync(CancellationToken.None));

        var generation = (await Store.Generations.GetAsync("sync"))!;
        Assert.Equal(GenerationState.Succeeded, generation.State);
        Assert.Contains("\"id\"", generation.ResultText, StringComparison.Ordinal);
        Assert.Equal(["sync"], Reporter.Delivered);
    }

    [Fact]
    public async Task A_synchronous_task_without_its_result_is_refunded_not_read_forever()
    {
        var mode = Models.AllModes.First(m => m.CreatePath == "/api/v1/style/generate");
        await SubmitAsync("lost", mode, stored: false);

        Assert.Equal(1, await Tracker.PollOnceAsync(CancellationToken.None));

        Assert.Equal(GenerationState.Refunded, (await Store.Generations.GetAsync("lost"))!.State);
        Assert.Equal(KieErrorKind.NotFound, Reporter.Failures["lost"].Kind);
    }

    private async Task SubmitAsync(string id, ModeDescriptor mode, bool stored)
    {
        var input = SampleInputs.For(mode);
        await Store.Generations.CreateAsync(new Generation
        {
            Id = id, UserId = 1, ChatId = 1, ModelId = mode.Model.Id, ModeId = mode.Id, KieModel = mode.KieModel, Api = mode.Api.ToString(),
            InputJson = input.ToInputJson(), Price = Credits.Zero,
        });
        var task = await Kie.CreateTaskAsync(input);
        Assert.True(task.IsCompleted);
        var change = stored ? TaskReference.Created(task) : new GenerationChange { KieTaskId = task.TaskId };
        await Store.Generations.MoveAsync(id, GenerationState.Submitted, change);
    }
}
