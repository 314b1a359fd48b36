using KieBot.Storage;
using KieCatalog.Catalog;

namespace KieBot.Generations;

/// <summary>
/// A confirmed form: who, where, the typed input, the price the summary quoted (charged unless the generation is free),
/// the message to turn into the status message, whether the summary said it is free (then it must not silently cost
/// credits), the summary confirmed (<paramref name="SummaryKey"/>: user and summary id; one generation per summary), and
/// the earlier generation a follow-up continues (<paramref name="ParentId"/>).
/// </summary>
public sealed record SubmitRequest(long UserId, long ChatId, IModeInput Input, Credits Price, int? StatusMessageId, bool ExpectFree = false, string? SummaryKey = null, string? ParentId = null);

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

    /// <summary>A follow-up KIE would not take on its parent (too old, already upgraded…); nothing was recorded or charged.</summary>
    public sealed record FollowUpRefused(FollowUpRefusal Refusal) : SubmitResult;
}
