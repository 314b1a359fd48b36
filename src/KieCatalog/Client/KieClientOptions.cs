namespace KieCatalog.Client;

/// <summary>Settings of <see cref="KieClient"/>; bound from configuration (section "Kie" by default) and validated at start.</summary>
public sealed class KieClientOptions
{
    public const string Section = "Kie";

    /// <summary>Generation, status and credits host.</summary>
    public Uri BaseUrl { get; set; } = new("https://api.kie.ai");

    /// <summary>File upload host.</summary>
    public Uri UploadBaseUrl { get; set; } = new("https://kieai.redpandaai.co");

    /// <summary>The Bearer key from https://kie.ai/api-key. Never logged.</summary>
    public string ApiKey { get; set; } = string.Empty;

    /// <summary>Sent with every request: KIE's Cloudflare front refuses requests without one.</summary>
    public string UserAgent { get; set; } = "KieCatalog/1.0 (+https://kie.ai)";

    /// <summary>One HTTP attempt (uploads use <see cref="UploadTimeout"/>).</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>All attempts of one operation together, waits included.</summary>
    public TimeSpan TotalTimeout { get; set; } = TimeSpan.FromMinutes(2);

    public TimeSpan UploadTimeout { get; set; } = TimeSpan.FromMinutes(3);

    /// <summary>
    /// One chat attempt: until the whole answer (<see cref="IKieChat.ChatAsync"/>) or the stream's response headers
    /// (<see cref="IKieChat.StreamChatAsync"/>); also the longest a stream may stay silent between two lines.
    /// </summary>
    public TimeSpan ChatTimeout { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Retries after the first attempt.</summary>
    public int MaxRetries { get; set; } = 3;

    /// <summary>First back-off delay; it grows exponentially with jitter.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Longest single wait, Retry-After included.</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Least wait after a 429 on create without Retry-After: KIE counts creates in 10-second windows.</summary>
    public TimeSpan CreateRateLimitDelay { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Share of failed calls in <see cref="CircuitSamplingDuration"/> that opens the circuit.</summary>
    public double CircuitFailureRatio { get; set; } = 0.5;

    public int CircuitMinimumThroughput { get; set; } = 10;

    public TimeSpan CircuitSamplingDuration { get; set; } = TimeSpan.FromSeconds(30);

    public TimeSpan CircuitBreakDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long KIE keeps uploaded files when its answer does not say (docs: 3 days; observed ~24 h).</summary>
    public TimeSpan UploadRetention { get; set; } = TimeSpan.FromHours(24);

    /// <summary>The webhook HMAC key from KIE's settings page; when set, callbacks without a valid signature are refused.</summary>
    public string? WebhookHmacKey { get; set; }

    /// <summary>Oldest callback timestamp accepted when signatures are checked.</summary>
    public TimeSpan CallbackMaxAge { get; set; } = TimeSpan.FromMinutes(5);
}
