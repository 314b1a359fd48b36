using KieBot.Storage;
using KieCatalog.Catalog;

namespace KieBot.Generations;

/// <summary>
/// A confirmed form: who, where, in which language, the typed input, the message to turn into the status message, and
/// whether the summary the user confirmed said it is free (then it must not silently cost credits).
/// </summary>
/// <paramref name="SummaryKey"/> names the summary confirmed (user and summary id): one generation per summary.
public sealed record SubmitRequest(long UserId, long ChatId, string Language, IModeInput Input, int? StatusMessageId, bool ExpectFree = false, string? SummaryKey = null);

/// <summary>How a submission ended.</summary>
public abstract record SubmitResult
{
    /// <summary>Reserved, recorded and sent to KIE; tracking takes it from here.</summary>
    public sealed record Started(string GenerationId) : SubmitResult;

    /// <summary>This summary's generation was recorded by an earlier press (on any host); nothing more was charged.</summary>
    public sealed record AlreadySubmitted : SubmitResult;

    public sealed record Insufficient(Credits Price, Credits Balance) : SubmitResult;

    public sealed record Limited(int Running) : SubmitResult;

    /// <summary>The summary promised a free generation, but today's are used up; nothing was recorded or charged.</summary>
    public sealed record FreeUsedUp : SubmitResult;

    /// <summary>KIE refused the task; the reservation is already released. <see cref="Message"/> is for the user.</summary>
    public sealed record Failed(string Message) : SubmitResult;
}
