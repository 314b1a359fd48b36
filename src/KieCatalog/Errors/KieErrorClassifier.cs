using System.Globalization;

namespace KieCatalog.Errors;

/// <summary>Turns KIE's status codes, envelope codes and task fail codes into <see cref="KieError"/>s.</summary>
public static class KieErrorClassifier
{
    private static readonly string[] PolicyWords =
        ["flagged", "policy", "policies", "moderat", "nsfw", "inappropriate", "sensitive", "safety", "prohibited"];

    /// <summary>
    /// An HTTP status or an envelope <c>code</c> other than 200 (KIE often answers errors as HTTP 200 with a code:
    /// both are treated alike).
    /// </summary>
    public static KieError FromCode(KieOperation operation, string endpoint, int code, string? message, TimeSpan? retryAfter = null)
    {
        var kind = code switch
        {
            400 or 413 or 422 when operation == KieOperation.ReadTask && IsUnknownRecord(message) => KieErrorKind.NotFound,
            400 when IsPolicy(message) => KieErrorKind.ContentPolicy,
            400 or 405 or 409 or 413 or 422 or 451 => KieErrorKind.InvalidInput,
            500 when IsMissingField(message) => KieErrorKind.InvalidInput,
            401 or 403 => KieErrorKind.Unauthorized,
            402 or 433 => KieErrorKind.OutOfCredits,
            404 => KieErrorKind.NotFound,
            408 or 504 => KieErrorKind.Timeout,
            429 or 430 => KieErrorKind.RateLimited,
            455 or 505 => KieErrorKind.Maintenance,
            501 => KieErrorKind.ProviderFailed,
            >= 500 and <= 599 => KieErrorKind.Server,
            _ => KieErrorKind.Unknown,
        };
        var detail = string.Create(CultureInfo.InvariantCulture, $"{endpoint}: code {code}: {KieError.Shorten(message)}");
        return new KieError(kind, operation, detail, code, retryAfter: retryAfter);
    }

    /// <summary>
    /// A task of <paramref name="api"/> that ended in <c>fail</c>. Suno's codes say more (its callback and record codes):
    /// 400 the lyrics are copyrighted and 413 the uploaded audio matches an existing work (both refused as content), 531
    /// the generation failed and KIE has refunded its credits; any other failure reads as below.
    /// </summary>
    public static KieError FromTaskFailure(string taskId, string? failCode, string? failMessage, Catalog.ApiFamily api)
    {
        var error = FromTaskFailure(taskId, failCode, failMessage);
        var reason = api != Catalog.ApiFamily.Suno ? KieFailReason.None : failCode switch
        {
            "400" => KieFailReason.CopyrightedLyrics,
            "413" => KieFailReason.MatchesExistingWork,
            "531" => KieFailReason.RefundedByKie,
            _ => KieFailReason.None,
        };
        return reason switch
        {
            KieFailReason.None => error,
            KieFailReason.RefundedByKie => new KieError(KieErrorKind.ProviderFailed, KieOperation.Task, error.Detail, failCode: failCode) { Reason = reason },
            _ => new KieError(KieErrorKind.ContentPolicy, KieOperation.Task, error.Detail, failCode: failCode) { Reason = reason },
        };
    }

    /// <summary>A task that ended in <c>fail</c>: content policy by code 400 or by wording, otherwise a provider failure.</summary>
    public static KieError FromTaskFailure(string taskId, string? failCode, string? failMessage)
    {
        var kind = failCode == "400" || IsPolicy(failMessage) || failCode == "SENSITIVE_WORD_ERROR"
            ? KieErrorKind.ContentPolicy
            : KieErrorKind.ProviderFailed;
        var detail = $"task {taskId} failed: failCode {(string.IsNullOrEmpty(failCode) ? "(none)" : failCode)}: {KieError.Shorten(failMessage)}";
        return new KieError(kind, KieOperation.Task, detail, failCode: string.IsNullOrEmpty(failCode) ? null : failCode);
    }

    private static bool IsPolicy(string? message) =>
        message is not null && PolicyWords.Any(w => message.Contains(w, StringComparison.OrdinalIgnoreCase));

    private static bool IsUnknownRecord(string? message) =>
        message is not null && (message.Contains("recordInfo is null", StringComparison.OrdinalIgnoreCase)
            || message.Contains("record is null", StringComparison.OrdinalIgnoreCase));

    private static bool IsMissingField(string? message) =>
        message is not null && message.Contains("field is required", StringComparison.OrdinalIgnoreCase);
}
