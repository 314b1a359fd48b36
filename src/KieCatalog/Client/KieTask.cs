using KieCatalog.Catalog;
using KieCatalog.Errors;

namespace KieCatalog.Client;

/// <summary>Where a task is. Every family's status encoding maps onto these five.</summary>
public enum KieTaskState
{
    Waiting,
    Queuing,
    Generating,
    Success,
    Fail,

    /// <summary>A state this client does not know (say, <c>pending_review</c>): not terminal; <see cref="KieTask.RawState"/> names it.</summary>
    Other,
}

/// <summary>
/// A created task: its id, the API family that answers for it and, for a mode off the family's usual endpoint, the
/// create path (<see cref="ModeDescriptor.CreatePath"/>) that decides where its status is read (<see cref="KieEndpoints"/>).
/// Keep all three to read the task later (<see cref="For(ModeDescriptor, string)"/> rebuilds one from a stored id).
/// </summary>
public sealed record KieTaskRef(string TaskId, ApiFamily Api)
{
    /// <summary>The path the task was created at when it is not the family's usual one; null for the usual endpoint.</summary>
    public string? CreatePath { get; init; }

    /// <summary>
    /// The finished task when the endpoint answered with its result at once (<see cref="KieEndpoint.IsSynchronous"/>, or a
    /// Veo 4K video made before). <see cref="IKieGateway.GetTaskAsync"/> returns it without a call: no record exists to read,
    /// so keep its result, not only the id.
    /// </summary>
    public KieTask? Completed { get; init; }

    /// <summary>Whether the task ended on creation (<see cref="Completed"/> is set).</summary>
    public bool IsCompleted => Completed is not null;

    /// <summary>The reference of a task of <paramref name="mode"/>, e.g. from a stored task id.</summary>
    public static KieTaskRef For(ModeDescriptor mode, string taskId)
    {
        ArgumentNullException.ThrowIfNull(mode);
        return new(taskId, mode.Api) { CreatePath = mode.CreatePath };
    }

    public override string ToString() => CreatePath is null ? $"{Api}:{TaskId}" : $"{Api}:{TaskId} ({CreatePath})";
}

/// <summary>One task as KIE reports it, whatever the family: from a status read or from a callback.</summary>
public sealed record KieTask
{
    public required string TaskId { get; init; }

    public required ApiFamily Api { get; init; }

    /// <summary>The endpoint the task was created at (<see cref="KieEndpoint.CreatePath"/>), when known.</summary>
    public string? CreatePath { get; init; }

    public required KieTaskState State { get; init; }

    /// <summary>The state string as KIE sent it (an unknown one maps to <see cref="KieTaskState.Other"/>).</summary>
    public string? RawState { get; init; }

    /// <summary>The KIE model id, when the answer names it.</summary>
    public string? Model { get; init; }

    /// <summary>Result files (images, videos, audio), in KIE's order.</summary>
    public IReadOnlyList<string> ResultUrls { get; init; } = [];

    /// <summary>Watermarked variants, when KIE returns both.</summary>
    public IReadOnlyList<string> WatermarkUrls { get; init; } = [];

    /// <summary>
    /// A text result: plain text for <see cref="KieResultKind.Text"/> endpoints (lyrics, a style), JSON for a structured
    /// one (<see cref="KieResultKind.Data"/>: speech-to-text, MIDI notes, word timings, a persona, an Omni voice or character).
    /// </summary>
    public string? ResultText { get; init; }

    /// <summary>
    /// The songs of a Suno music task, each with its audio, stream, cover art, title and lyrics (two per task once it
    /// succeeds; the first alone while Suno makes the second); empty for every other endpoint.
    /// </summary>
    public IReadOnlyList<KieTrack> Tracks { get; init; } = [];

    /// <summary>
    /// Suno's first track, playable as a stream while the rest is made: set while the task runs and Suno reports its first
    /// track done (record <c>FIRST_SUCCESS</c>, callback stage <c>first</c>) with a stream URL. Suno may skip the stage.
    /// </summary>
    public KieTrack? Preview =>
        !IsTerminal && RawState is "FIRST_SUCCESS" or "first" ? Tracks.FirstOrDefault(t => t.StreamAudioUrl is not null) : null;

    public string? FailCode { get; init; }

    public string? FailMessage { get; init; }

    /// <summary>Set when <see cref="State"/> is <see cref="KieTaskState.Fail"/>.</summary>
    public KieError? Error { get; init; }

    public decimal? CreditsConsumed { get; init; }

    public decimal? CreditsRemaining { get; init; }

    /// <summary>0–100 when the family reports it.</summary>
    public int? Progress { get; init; }

    public DateTimeOffset? CreatedAt { get; init; }

    public DateTimeOffset? UpdatedAt { get; init; }

    public DateTimeOffset? CompletedAt { get; init; }

    public bool IsTerminal => State is KieTaskState.Success or KieTaskState.Fail;

    /// <summary>The reference of this task; for a task that ended on creation it carries the task itself.</summary>
    public KieTaskRef Ref
    {
        get
        {
            var endpoint = KieEndpoints.Find(Api, CreatePath);
            return new(TaskId, Api)
            {
                CreatePath = CreatePath is null || KieEndpoints.Find(Api)?.CreatePath == CreatePath ? null : CreatePath,
                Completed = endpoint is { IsSynchronous: true } ? this : null,
            };
        }
    }
}

/// <summary>A file KIE holds for a limited time.</summary>
public sealed record KieUploadedFile(string Url, string? FileName, long? Size, string? MimeType, DateTimeOffset? UploadedAt, DateTimeOffset? ExpiresAt);
