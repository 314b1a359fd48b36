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

/// <summary>A created task: its id and the API family that answers for it.</summary>
public sealed record KieTaskRef(string TaskId, ApiFamily Api)
{
    public override string ToString() => $"{Api}:{TaskId}";
}

/// <summary>One task as KIE reports it, whatever the family: from a status read or from a callback.</summary>
public sealed record KieTask
{
    public required string TaskId { get; init; }

    public required ApiFamily Api { get; init; }

    public required KieTaskState State { get; init; }

    /// <summary>The state string as KIE sent it (an unknown one maps to <see cref="KieTaskState.Other"/>).</summary>
    public string? RawState { get; init; }

    /// <summary>The KIE model id, when the answer names it.</summary>
    public string? Model { get; init; }

    /// <summary>Result files (images, videos, audio), in KIE's order.</summary>
    public IReadOnlyList<string> ResultUrls { get; init; } = [];

    /// <summary>Watermarked variants, when KIE returns both.</summary>
    public IReadOnlyList<string> WatermarkUrls { get; init; } = [];

    /// <summary>A text or structured result (e.g. speech-to-text) as JSON text.</summary>
    public string? ResultText { get; init; }

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

    public KieTaskRef Ref => new(TaskId, Api);
}

/// <summary>A file KIE holds for a limited time.</summary>
public sealed record KieUploadedFile(string Url, string? FileName, long? Size, string? MimeType, DateTimeOffset? UploadedAt, DateTimeOffset? ExpiresAt);
