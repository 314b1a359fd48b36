using KieBot.Storage;
using KieCatalog;
using KieCatalog.Catalog;
using KieCatalog.Client;

namespace KieBot.Generations;

/// <summary>
/// The KIE task of a stored generation: read at its mode's endpoint (<see cref="ModeDescriptor.CreatePath"/>), and, for an
/// endpoint that answers with the result at once, the result stored with the task id, as the finished task (no record exists to read).
/// </summary>
internal static class TaskReference
{
    public static KieTaskRef Of(Generation generation, string taskId)
    {
        var mode = StoredMode.Of(generation);
        if (mode is null)
        {
            return new KieTaskRef(taskId, Enum.Parse<ApiFamily>(generation.Api));
        }

        var task = KieTaskRef.For(mode, taskId);
        var stored = generation.ResultUrls.Count > 0 || generation.ResultText is not null;
        return KieEndpoints.For(mode) is { IsSynchronous: true } && stored
            ? task with
            {
                Completed = new KieTask
                {
                    TaskId = taskId, Api = mode.Api, CreatePath = mode.CreatePath, State = KieTaskState.Success, Model = mode.KieModel,
                    ResultUrls = generation.ResultUrls, ResultText = generation.ResultText, CompletedAt = generation.UpdatedAt,
                },
            }
            : task;
    }

    /// <summary>What the submitter stores with the task id: the result of a task that ended on creation.</summary>
    public static GenerationChange Created(KieTaskRef task) => new()
    {
        KieTaskId = task.TaskId,
        ResultUrls = task.Completed?.ResultUrls,
        ResultText = task.Completed?.ResultText,
    };
}
