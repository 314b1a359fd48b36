using System.Globalization;
using System.Text.RegularExpressions;

namespace KieCatalog.Errors;

/// <summary>
/// One failure of KIE: the kind, what was being done, the KIE codes, whether a retry can help, whether a reserved
/// price should go back to the user, a log-safe detail and a user message in Russian and English.
/// Thrown inside <see cref="KieException"/>; carried by failed <see cref="Client.KieTask"/>s.
/// </summary>
public sealed partial record KieError
{
    private const int MaxDetailMessage = 200;

    public KieError(KieErrorKind kind, KieOperation operation, string detail, int? code = null, string? failCode = null, TimeSpan? retryAfter = null)
    {
        Kind = kind;
        Operation = operation;
        Detail = Sanitize(detail);
        Code = code;
        FailCode = failCode;
        RetryAfter = retryAfter;
    }

    public KieErrorKind Kind { get; }

    public KieOperation Operation { get; }

    /// <summary>HTTP status or envelope <c>code</c> when KIE gave one.</summary>
    public int? Code { get; }

    /// <summary>The task's <c>failCode</c> when the task failed.</summary>
    public string? FailCode { get; }

    /// <summary>What the failure was, where the family says more than its kind (Suno's 400, 413 and 531).</summary>
    public KieFailReason Reason { get; init; }

    /// <summary>How long KIE asked to wait (Retry-After), when it did.</summary>
    public TimeSpan? RetryAfter { get; }

    /// <summary>What happened, for logs: endpoint, status, codes and KIE's message (shortened); never the key or the prompt.</summary>
    public string Detail { get; }

    /// <summary>Whether the same request can succeed later.</summary>
    public bool IsRetryable => Kind switch
    {
        KieErrorKind.RateLimited => Code != 433,
        KieErrorKind.Maintenance => Code != 505,
        KieErrorKind.Server or KieErrorKind.Timeout or KieErrorKind.Network => true,
        _ => false,
    };

    /// <summary>
    /// Whether the user's reserved price should be released: the generation ended (or can never start) without a
    /// result. A failed create refunds whatever the kind (the client has already spent its safe retries, and even a
    /// task KIE may have accepted before a timeout has no id to follow, so its result can never reach the user);
    /// a failed read says nothing about the task and refunds only when KIE says the task does not exist; a failed chat
    /// call refunds (KIE reports no usage for it, so there is nothing to capture).
    /// </summary>
    public bool ShouldRefund => Operation switch
    {
        KieOperation.Task => true,
        KieOperation.CreateTask => true,
        KieOperation.Chat => true,
        KieOperation.ReadTask => Kind == KieErrorKind.NotFound,
        _ => false,
    };

    /// <summary>A message for the person who asked for the generation: what happened and what to do.</summary>
    public string UserMessage(string? language) => KieErrorMessages.For(this, language == "ru");

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Kind} during {Operation}: {Detail}");

    /// <summary>Removes anything that looks like a bearer token or key, collapses whitespace and shortens KIE's text.</summary>
    internal static string Sanitize(string text)
    {
        var clean = BearerPattern().Replace(text, "Bearer ***");
        clean = WhitespacePattern().Replace(clean, " ").Trim();
        return clean.Length <= MaxDetailMessage * 2 ? clean : clean[..(MaxDetailMessage * 2)] + "…";
    }

    internal static string Shorten(string? message)
    {
        if (string.IsNullOrWhiteSpace(message))
        {
            return "(no message)";
        }

        var oneLine = WhitespacePattern().Replace(message, " ").Trim();
        return oneLine.Length <= MaxDetailMessage ? oneLine : oneLine[..MaxDetailMessage] + "…";
    }

    [GeneratedRegex(@"Bearer\s+\S+", RegexOptions.IgnoreCase)]
    private static partial Regex BearerPattern();

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhitespacePattern();
}
