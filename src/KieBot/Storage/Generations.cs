namespace KieBot.Storage;

/// <summary>
/// created → submitted → running → succeeded | failed → refunded; created → cancelled | failed. A move is allowed
/// only along these edges, so replays (a callback and a poll reporting the same end) change nothing.
/// </summary>
public enum GenerationState
{
    Created,
    Submitted,
    Running,
    Succeeded,
    Failed,
    Refunded,
    Cancelled,
}

public static class GenerationStates
{
    private static readonly Dictionary<GenerationState, GenerationState[]> From = new()
    {
        [GenerationState.Submitted] = [GenerationState.Created],
        [GenerationState.Running] = [GenerationState.Created, GenerationState.Submitted],
        [GenerationState.Succeeded] = [GenerationState.Submitted, GenerationState.Running],
        [GenerationState.Failed] = [GenerationState.Created, GenerationState.Submitted, GenerationState.Running],
        [GenerationState.Refunded] = [GenerationState.Failed],
        [GenerationState.Cancelled] = [GenerationState.Created],
        [GenerationState.Created] = [],
    };

    /// <summary>The states a generation may be in to move to <paramref name="to"/>.</summary>
    public static IReadOnlyList<GenerationState> Before(GenerationState to) => From[to];

    public static bool IsInFlight(this GenerationState state) =>
        state is GenerationState.Created or GenerationState.Submitted or GenerationState.Running;

    public static string Wire(this GenerationState state) => state.ToString().ToLowerInvariant();

    public static GenerationState Parse(string wire) => Enum.Parse<GenerationState>(wire, ignoreCase: true);
}

/// <summary>One generation a user asked for, from the reservation of its price to its result or refund.</summary>
public sealed record Generation
{
    public required string Id { get; init; }

    public required long UserId { get; init; }

    public required long ChatId { get; init; }

    public required string ModelId { get; init; }

    public required string ModeId { get; init; }

    public required string KieModel { get; init; }

    /// <summary>The KIE API family (its <c>ApiFamily</c> name).</summary>
    public required string Api { get; init; }

    public required string InputJson { get; init; }

    public required Credits Price { get; init; }

    /// <summary>The reservation of <see cref="Price"/>; null for a free generation, which reserves nothing.</summary>
    public string? ReservationKey { get; init; }

    /// <summary>The day (yyyy-MM-dd in the free quota's time zone) a free generation counts against; null when paid.</summary>
    public string? FreeDay { get; init; }

    /// <summary>The summary this generation was confirmed from (user and summary id); at most one generation per summary.</summary>
    public string? SummaryKey { get; init; }

    /// <summary>The earlier generation this one continues (an extension, an upscale, a higher resolution); null for one started from scratch.</summary>
    public string? ParentId { get; init; }

    public GenerationState State { get; init; } = GenerationState.Created;

    public string? KieTaskId { get; init; }

    public IReadOnlyList<string> ResultUrls { get; init; } = [];

    /// <summary>Telegram file ids of what was delivered (re-sent from history after the result URLs expire); null until delivered.</summary>
    public IReadOnlyList<string>? Delivered { get; init; }

    public string? ResultText { get; init; }

    /// <summary>The tracks of a result that comes as songs (Suno), in the order of <see cref="ResultUrls"/>; empty otherwise.</summary>
    public IReadOnlyList<GenerationTrack> Tracks { get; init; } = [];

    /// <summary>The preview of a staged result (Suno's first track, streaming) was sent: it is never sent again.</summary>
    public bool Previewed { get; init; }

    /// <summary>The failure code a KIE callback reported for the task (Suno's 531), kept for the message when KIE's record does not carry it.</summary>
    public string? CallbackFailCode { get; init; }

    /// <summary>
    /// What Telegram accepted so far of a delivery in progress, one entry per result part (its file id, or "" for a part
    /// sent as a link): a delivery a stop interrupted resumes after these instead of sending them again.
    /// </summary>
    public IReadOnlyList<string> SentParts { get; init; } = [];

    public string? ErrorKind { get; init; }

    public string? ErrorCode { get; init; }

    public string? ErrorMessage { get; init; }

    public bool DryRun { get; init; }

    public long? StatusMessageId { get; init; }

    public int Attempts { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset UpdatedAt { get; init; }

    public DateTimeOffset? FinishedAt { get; init; }
}

/// <summary>What a state move also records (null fields are left as they are).</summary>
public sealed record GenerationChange
{
    public string? KieTaskId { get; init; }

    public IReadOnlyList<string>? ResultUrls { get; init; }

    public string? ResultText { get; init; }

    /// <summary>The tracks of a result that comes as songs.</summary>
    public IReadOnlyList<GenerationTrack>? Tracks { get; init; }

    public string? ErrorKind { get; init; }

    public string? ErrorCode { get; init; }

    public string? ErrorMessage { get; init; }
}

public interface IGenerationStore
{
    Task CreateAsync(Generation generation, CancellationToken cancellationToken = default);

    /// <summary>
    /// Reserves <see cref="Generation.Price"/> under <see cref="Generation.ReservationKey"/> and records the generation, in one
    /// transaction: either both happen or neither (a refused reservation records nothing and says so). Throws
    /// <see cref="SummaryTakenException"/>, reserving nothing, when the generation's summary already has a generation.
    /// </summary>
    Task<LedgerResult> CreateReservedAsync(Generation generation, CancellationToken cancellationToken = default);

    /// <summary>
    /// Records a free generation (<see cref="Generation.FreeDay"/> set, no reservation) if the user has fewer than
    /// <paramref name="dailyQuota"/> free generations on that day that are in flight or succeeded; the count and the insert
    /// are one transaction serialized per user, so concurrent confirmations never exceed the quota. False when it is used up;
    /// <see cref="SummaryTakenException"/> when the generation's summary already has a generation.
    /// </summary>
    Task<bool> CreateFreeAsync(Generation generation, int dailyQuota, CancellationToken cancellationToken = default);

    /// <summary>The user's free generations on <paramref name="day"/> that count against the quota: in flight or succeeded (failed ones give it back).</summary>
    Task<int> CountFreeAsync(long userId, string day, CancellationToken cancellationToken = default);

    /// <summary>
    /// When the tracker should look at the generation next (its back-off), ending <paramref name="holder"/>'s lease; a
    /// callback that came while it was held makes it due at once instead. A row another holder has taken is left alone.
    /// </summary>
    Task ScheduleAsync(string id, DateTimeOffset due, string holder = "", CancellationToken cancellationToken = default);

    /// <summary>Schedules many generations in one statement (the tracker's pass end), as <see cref="ScheduleAsync"/>.</summary>
    Task ScheduleManyAsync(IReadOnlyCollection<KeyValuePair<string, DateTimeOffset>> due, string holder = "", CancellationToken cancellationToken = default);

    /// <summary>Extends <paramref name="holder"/>'s leases of <paramref name="ids"/> to <paramref name="lease"/> from now (a live worker renews while it works).</summary>
    Task RenewAsync(IReadOnlyCollection<string> ids, TimeSpan lease, string holder = "", CancellationToken cancellationToken = default);

    /// <summary>
    /// A KIE callback for the generation: makes it due now unless a live worker holds it (its lease reaches beyond
    /// <paramref name="notLeasedBeyond"/> from now, which a worker that renews keeps it doing); a held row is marked so
    /// its holder looks again at once. A worker that stopped renewing is taken to be gone: its row is freed and due now.
    /// True when the row was made due now.
    /// </summary>
    Task<bool> HurryAsync(string id, TimeSpan notLeasedBeyond, CancellationToken cancellationToken = default);

    Task<Generation?> GetAsync(string id, CancellationToken cancellationToken = default);

    Task<Generation?> FindByTaskIdAsync(string kieTaskId, CancellationToken cancellationToken = default);

    /// <summary>Moves to <paramref name="to"/> if the current state allows it; false when it does not (already moved, or a replay).</summary>
    Task<bool> MoveAsync(string id, GenerationState to, GenerationChange? change = null, CancellationToken cancellationToken = default);

    /// <summary>The KIE create of a generation starts: true when it is still created and without a task (then its unsent grace starts again), false when it was settled meanwhile.</summary>
    Task<bool> StartCreateAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>Fails a generation that is still created, without a task, and not touched since <paramref name="untouchedSince"/>; false when a create stored its task or started meanwhile.</summary>
    Task<bool> FailUnsentAsync(string id, DateTimeOffset untouchedSince, GenerationChange change, CancellationToken cancellationToken = default);

    Task SetStatusMessageAsync(string id, long messageId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Lets go of the status message of a generation still in flight (the user asked to be messaged when it is done):
    /// progress no longer edits it, and the result or the failure comes as a new message. False when it has ended.
    /// </summary>
    Task<bool> DetachStatusMessageAsync(string id, CancellationToken cancellationToken = default);

    Task SetDeliveredAsync(string id, IReadOnlyList<string> fileIds, CancellationToken cancellationToken = default);

    /// <summary>Records that the preview of a staged result was sent (right after Telegram accepted it): it is not sent again.</summary>
    Task SetPreviewedAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>Keeps the failure code a KIE callback reported for a generation still in flight (the first one reported stays); false when none was kept.</summary>
    Task<bool> NoteCallbackFailureAsync(string id, string failCode, CancellationToken cancellationToken = default);

    /// <summary>Records the parts of a delivery Telegram has accepted so far (see <see cref="Generation.SentParts"/>), right after each is sent.</summary>
    Task SetSentPartsAsync(string id, IReadOnlyList<string> sentParts, CancellationToken cancellationToken = default);

    /// <summary>The generations that continue <paramref name="parentId"/> (its follow-ups), oldest first.</summary>
    Task<IReadOnlyList<Generation>> ListFollowUpsAsync(string parentId, CancellationToken cancellationToken = default);

    /// <summary>A page of the user's generations, newest first, after a cursor (keyset paging on the user's index).</summary>
    Task<IReadOnlyList<Generation>> ListPageAsync(GalleryPageQuery query, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<Generation>> ListByUserAsync(long userId, int limit, int offset = 0, CancellationToken cancellationToken = default);

    /// <summary>How many of the user's generations are still in flight (created, submitted, running).</summary>
    Task<int> CountInFlightAsync(long userId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Leases up to <paramref name="max"/> due generations nobody holds (or whose lease ran out) for <paramref name="lease"/>,
    /// counting an attempt: in-flight ones, failed ones whose refund is not finished, succeeded ones not yet delivered.
    /// Concurrent callers never get the same row.
    /// </summary>
    /// A row a KIE callback marked (<see cref="HurryAsync"/>) whose lease reaches less than <paramref name="liveLease"/>
    /// ahead is taken too: its holder stopped renewing (it died), and the result KIE has finished need not wait the lease out.
    Task<IReadOnlyList<Generation>> ClaimInFlightAsync(int max, TimeSpan lease, string holder = "", CancellationToken cancellationToken = default, TimeSpan liveLease = default);
}

/// <summary>A summary that already has its generation was confirmed again (a second press, on any host).</summary>
public sealed class SummaryTakenException(string summaryKey) : Exception($"summary {summaryKey} already has a generation")
{
    public string SummaryKey { get; } = summaryKey;
}
