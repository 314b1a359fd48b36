namespace KieCatalog.Errors;

/// <summary>Every way a KIE call or task can go wrong.</summary>
public enum KieErrorKind
{
    /// <summary>The input failed validation (ours before sending, or KIE's 422/400).</summary>
    InvalidInput,

    /// <summary>The API key is missing, wrong or revoked (401, 403).</summary>
    Unauthorized,

    /// <summary>The KIE account cannot pay (402) or the key is over its usage cap (433).</summary>
    OutOfCredits,

    /// <summary>The task or resource does not exist (404, recordInfo 422 "recordInfo is null").</summary>
    NotFound,

    /// <summary>Too many requests (429, 430); the request was not queued.</summary>
    RateLimited,

    /// <summary>KIE is under maintenance (455) or the feature is disabled (505).</summary>
    Maintenance,

    /// <summary>KIE failed unexpectedly (500, 502, 503, 504) or the circuit is open after repeated failures.</summary>
    Server,

    /// <summary>The task ran and failed at the provider (state fail, failCode 500/501/…).</summary>
    ProviderFailed,

    /// <summary>The task was refused by content moderation.</summary>
    ContentPolicy,

    /// <summary>No answer within the time allowed.</summary>
    Timeout,

    /// <summary>The connection could not be made or broke.</summary>
    Network,

    /// <summary>KIE answered something that is not the documented shape.</summary>
    MalformedResponse,

    /// <summary>Anything else.</summary>
    Unknown,
}

/// <summary>What the caller was doing when the error happened; decides whether a reservation is refunded.</summary>
public enum KieOperation
{
    CreateTask,
    ReadTask,
    Credits,
    Upload,
    Callback,

    /// <summary>A call to a chat model (synchronous, billed per token).</summary>
    Chat,

    /// <summary>The task itself ended in failure.</summary>
    Task,
}
