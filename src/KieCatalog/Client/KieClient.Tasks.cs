using System.Text.Json;
using KieCatalog.Catalog;
using KieCatalog.Client.Families;
using KieCatalog.Client.Wire;
using KieCatalog.Errors;
using Microsoft.Extensions.Logging;

namespace KieCatalog.Client;

/// <summary>Creating tasks at their mode's endpoint and reading them at that endpoint's status path (<see cref="KieEndpoints"/>).</summary>
public sealed partial class KieClient
{
    /// <summary>
    /// Validates <paramref name="input"/> and creates its task at the mode's endpoint. A synchronous endpoint's answer
    /// (and a create answer that already carries its result) comes back as a reference whose
    /// <see cref="KieTaskRef.Completed"/> task is finished.
    /// </summary>
    public async Task<KieTaskRef> CreateTaskAsync(IModeInput input, Uri? callbackUrl = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var mode = input.Mode;
        var violations = input.Validate();
        if (violations.Count > 0)
        {
            var detail = $"{mode.Key}: {string.Join("; ", violations.Select(v => v.Message()))}";
            throw new KieException(new KieError(KieErrorKind.InvalidInput, KieOperation.CreateTask, detail));
        }

        var endpoint = KieEndpoints.Require(mode);
        if (endpoint.RequiresCallback && callbackUrl is null)
        {
            throw new KieException(new KieError(KieErrorKind.InvalidInput, KieOperation.CreateTask, $"{mode.Key}: {endpoint.CreatePath} requires a callback URL"));
        }

        if (callbackUrl is { IsAbsoluteUri: false })
        {
            throw new KieException(new KieError(KieErrorKind.InvalidInput, KieOperation.CreateTask, "the callback URL must be absolute"));
        }

        if (endpoint.ReadsEarlierTask)
        {
            // Nothing to create at KIE: the reads ask for the file it makes from the earlier task.
            var earlier = EarlierTask.Reference(input);
            LogCreated(earlier.TaskId, mode.Key, false);
            return earlier;
        }

        var body = CreateBody.Write(endpoint, input, endpoint.IsSynchronous ? null : callbackUrl);
        var created = await CallAsync(
            KieOperation.CreateTask,
            HttpMethod.Post,
            new Uri(options.BaseUrl, endpoint.CreatePath),
            () => JsonBody(body),
            idempotent: false,
            upload: false,
            (data, path) => Created(endpoint, mode, data, path),
            cancellationToken).ConfigureAwait(false);
        LogCreated(created.TaskId, mode.Key, created.IsCompleted);
        return created;
    }

    /// <summary>Reads a task at its endpoint's status path; a task that ended on creation is returned as it is, without a call.</summary>
    public Task<KieTask> GetTaskAsync(KieTaskRef task, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(task);
        if (task.Completed is { } completed)
        {
            return Task.FromResult(completed);
        }

        if (string.IsNullOrWhiteSpace(task.TaskId))
        {
            throw new KieException(new KieError(KieErrorKind.InvalidInput, KieOperation.ReadTask, "empty task id"));
        }

        var endpoint = KieEndpoints.Find(task.Api, task.CreatePath)
            ?? throw new KieException(new KieError(KieErrorKind.InvalidInput, KieOperation.ReadTask, $"the KIE client does not read tasks of {task.CreatePath ?? task.Api.ToString()}"));
        if (endpoint.StatusPath is not { } status)
        {
            // Its result came with the create answer; a reference rebuilt from the id alone has nothing left to read.
            throw new KieException(new KieError(KieErrorKind.NotFound, KieOperation.ReadTask, $"{endpoint.CreatePath} answers on creation and keeps no record of task {task.TaskId}"));
        }

        if (endpoint.ReadsEarlierTask)
        {
            return ReadEarlierAsync(endpoint, task, cancellationToken);
        }

        return ReadRecordAsync(endpoint, task, status + "?taskId=" + Uri.EscapeDataString(task.TaskId), cancellationToken);
    }

    /// <summary>One GET of a task's record at <paramref name="pathAndQuery"/>, decoded by its endpoint.</summary>
    private Task<KieTask> ReadRecordAsync(KieEndpoint endpoint, KieTaskRef task, string pathAndQuery, CancellationToken ct) =>
        CallAsync(
            KieOperation.ReadTask,
            HttpMethod.Get,
            new Uri(options.BaseUrl, pathAndQuery),
            static () => null,
            idempotent: true,
            upload: false,
            (data, path) => TaskReader.FromRecord(endpoint, data, task.TaskId, KieOperation.ReadTask, path),
            ct);

    /// <summary>Reads a file KIE makes from an earlier task (<see cref="KieEndpoint.ReadsEarlierTask"/>): an error answer means not made yet.</summary>
    private async Task<KieTask> ReadEarlierAsync(KieEndpoint endpoint, KieTaskRef task, CancellationToken ct)
    {
        var (earlier, index) = EarlierTask.Split(task.TaskId);
        try
        {
            return await ReadRecordAsync(endpoint, task, endpoint.StatusPath + "?taskId=" + Uri.EscapeDataString(earlier) + "&index=" + Uri.EscapeDataString(index), ct).ConfigureAwait(false);
        }
        catch (KieException e) when (e.Error.Kind is not (KieErrorKind.Unauthorized or KieErrorKind.OutOfCredits))
        {
            // KIE answers with an error code until the file is made (1–3 minutes): still generating; a deadline ends the wait.
            return new KieTask { TaskId = task.TaskId, Api = task.Api, CreatePath = endpoint.CreatePath, State = KieTaskState.Generating, RawState = e.Error.Detail };
        }
    }

    private static KieTaskRef Created(KieEndpoint endpoint, ModeDescriptor mode, JsonElement data, string path)
    {
        var finished = TaskReader.FromAnswer(endpoint, data, path);
        if (finished is not null)
        {
            return finished.Ref with { CreatePath = mode.CreatePath, Completed = finished with { Model = finished.Model ?? mode.KieModel } };
        }

        var taskId = (data.ValueKind == JsonValueKind.Object ? data.Text("taskId", "task_id") : null)
            ?? throw Envelope.Malformed(KieOperation.CreateTask, path, "no taskId in data");
        return KieTaskRef.For(mode, taskId);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "KIE task {TaskId} created for {Mode}, finished on creation {Finished}")]
    private partial void LogCreated(string taskId, string mode, bool finished);
}
