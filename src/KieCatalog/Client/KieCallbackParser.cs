using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using KieCatalog.Catalog;
using KieCatalog.Client.Families;
using KieCatalog.Client.Wire;
using KieCatalog.Errors;
using Microsoft.Extensions.Options;

namespace KieCatalog.Client;

/// <summary>
/// Reads a callback KIE POSTed to a <c>callBackUrl</c> into a <see cref="KieTask"/>. With a webhook HMAC key
/// configured, a body without a valid, fresh <c>X-Webhook-Signature</c> is refused. The body itself is not signed
/// (only the task id and timestamp are): check the task with a status read before money moves.
/// </summary>
public sealed class KieCallbackParser
{
    public const string TimestampHeader = "X-Webhook-Timestamp";
    public const string SignatureHeader = "X-Webhook-Signature";

    private readonly byte[]? key;
    private readonly TimeSpan maxAge;
    private readonly TimeProvider time;

    public KieCallbackParser(IOptions<KieClientOptions> options, TimeProvider time)
        : this(options.Value.WebhookHmacKey, options.Value.CallbackMaxAge, time)
    {
    }

    public KieCallbackParser(string? hmacKey, TimeSpan maxAge, TimeProvider time)
    {
        key = string.IsNullOrEmpty(hmacKey) ? null : Encoding.UTF8.GetBytes(hmacKey);
        this.maxAge = maxAge;
        this.time = time;
    }

    /// <summary>Whether signatures are required.</summary>
    public bool ChecksSignatures => key is not null;

    /// <summary>
    /// Parses <paramref name="body"/> of a callback for a task of <paramref name="api"/> created at <paramref name="createPath"/>
    /// (null: the family's usual endpoint); throws <see cref="KieException"/> when it is forged, stale or unreadable.
    /// </summary>
    public KieTask Parse(ApiFamily api, string body, string? timestamp, string? signature, string? createPath = null)
    {
        var endpoint = $"callback ({api})";
        using var document = Envelope.TryParse(body)
            ?? throw Envelope.Malformed(KieOperation.Callback, endpoint, "the body is not JSON");
        var root = document.RootElement;
        if (key is not null)
        {
            Verify(TaskReader.CallbackTaskId(root), timestamp, signature, endpoint);
        }

        var at = KieEndpoints.Find(api, createPath) ?? KieEndpoints.All.First(e => e.Api == api);
        return TaskReader.FromCallback(at, root, endpoint);
    }

    /// <summary>The task id a callback body names (<c>data.taskId</c>, <c>data.task_id</c> or <c>taskId</c>), to find whose callback it is; null when unreadable.</summary>
    public static string? TaskIdOf(string body)
    {
        using var document = Envelope.TryParse(body);
        return document is null ? null : TaskReader.CallbackTaskId(document.RootElement);
    }

    /// <summary><c>base64(HMAC-SHA256(key, taskId + "." + timestamp))</c>, as KIE signs callbacks.</summary>
    public static string Sign(string hmacKey, string taskId, long timestamp)
    {
        var message = Encoding.UTF8.GetBytes(taskId + "." + timestamp.ToString(CultureInfo.InvariantCulture));
        return Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(hmacKey), message));
    }

    private void Verify(string? taskId, string? timestamp, string? signature, string endpoint)
    {
        if (taskId is null || string.IsNullOrEmpty(signature) || !long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            throw Refused(endpoint, "signature or timestamp missing");
        }

        var age = time.GetUtcNow() - DateTimeOffset.FromUnixTimeSeconds(Math.Clamp(seconds, 0, 253402300799));
        if (age.Duration() > maxAge)
        {
            throw Refused(endpoint, "timestamp outside the accepted window");
        }

        var message = Encoding.UTF8.GetBytes(taskId + "." + seconds.ToString(CultureInfo.InvariantCulture));
        var expected = HMACSHA256.HashData(key!, message);
        var given = new byte[expected.Length];
        if (!Convert.TryFromBase64String(signature, given, out var written) || written != expected.Length
            || !CryptographicOperations.FixedTimeEquals(expected, given))
        {
            throw Refused(endpoint, "signature does not match");
        }
    }

    private static KieException Refused(string endpoint, string why) =>
        new(new KieError(KieErrorKind.Unauthorized, KieOperation.Callback, $"{endpoint}: refused, {why}"));
}
