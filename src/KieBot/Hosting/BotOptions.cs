using System.Globalization;
using KieBot.Storage;
using KieBot.Conversation;

namespace KieBot.Hosting;

/// <summary>Everything the host reads from the environment, validated: one clear line per bad variable.</summary>
public sealed record BotOptions
{
    public string? TelegramToken { get; init; }

    /// <summary>Bot API base (tests point it at a fake server).</summary>
    public string? TelegramApiUrl { get; init; }

    public string? KieApiKey { get; init; }

    public Uri KieApiUrl { get; init; } = new("https://api.kie.ai");

    public Uri KieUploadUrl { get; init; } = new("https://kieai.redpandaai.co");

    public StorageOptions Storage { get; init; } = new();

    public long? AdminId { get; init; }

    public Uri? WebhookUrl { get; init; }

    public string? WebhookSecret { get; init; }

    /// <summary>This host's public base URL (for KIE callbacks); defaults to <see cref="WebhookUrl"/>.</summary>
    public Uri? PublicUrl { get; init; }

    /// <summary>The secret path segment of <c>/kie/callback/{token}</c>; derived from the webhook secret (else the bot token) when not set.</summary>
    public string? KieCallbackToken { get; init; }

    /// <summary>KIE's webhook HMAC key (Settings page); callbacks without a valid signature are then refused.</summary>
    public string? KieWebhookHmacKey { get; init; }

    /// <summary>Where KIE should POST task results, or null (polling only).</summary>
    public Uri? KieCallbackUrl => (PublicUrl ?? WebhookUrl) is { } root && KieCallbackToken is { } token ? new Uri(root, "/kie/callback/" + token) : null;

    /// <summary>The key the console chat's local gallery signs its development initData with (no bot token there); random per process.</summary>
    public string LocalGalleryKey { get; init; } = "local:" + Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));

    /// <summary>DRY_RUN=1, TEST_MODE=1, or ALLOW_REAL_GENERATION not 1: the fake gateway, nothing charged.</summary>
    public bool DryRun { get; init; } = true;

    public decimal CreditToRubRate { get; init; } = 0.4m;

    public decimal PriceMarkup { get; init; } = 1.5m;

    public Credits WelcomeCredits { get; init; } = Credits.Whole(50);

    public int MaxConcurrentGenerations { get; init; } = 5;

    public int Port { get; init; } = 8080;

    /// <summary>The environment the options were read from: a feature reads its own settings from it when it is registered.</summary>
    public Func<string, string?> Env { get; init; } = _ => null;

    /// <summary>
    /// Payments and growth as the flows take them (REFERRAL_*, FREE_*, STARS_*); the host adds the
    /// fields it owns (welcome credits, limits, dry run, admin, callback URL) when it registers them.
    /// </summary>
    public KieBot.Conversation.BotSettings Growth { get; init; } = new();

    /// <summary>How often the host runs cleanup itself (CLEANUP_EVERY_HOURS; 0 turns it off).</summary>
    public TimeSpan CleanupEvery { get; init; } = TimeSpan.FromHours(24);

    /// <summary>Points a <see cref="KieCatalog.Client.KieClientOptions"/> at the configured KIE account.</summary>
    public void ConfigureKie(KieCatalog.Client.KieClientOptions kie)
    {
        kie.ApiKey = KieApiKey ?? string.Empty;
        kie.BaseUrl = KieApiUrl;
        kie.UploadBaseUrl = KieUploadUrl;
    }

    /// <summary>The mode the process runs in.</summary>
    public string RunMode => TelegramToken is null ? "console" : WebhookUrl is null ? "polling" : "webhook";

    /// <summary>Reads and validates; <paramref name="errors"/> lists one line per problem.</summary>
    public static BotOptions Read(Func<string, string?> env, out IReadOnlyList<string> errors)
    {
        var problems = new List<string>();
        var reader = new KieBot.Conversation.SettingsReader(env, problems);
        string? Text(string name) => reader.Text(name);
        bool Flag(string name, bool fallback) => reader.Flag(name, fallback);
        decimal Number(string name, decimal fallback, decimal min, decimal max) => reader.Number(name, fallback, min, max);

        Uri? Url(string name, bool httpsOnly)
        {
            var value = Text(name);
            if (value is null)
            {
                return null;
            }

            if (Uri.TryCreate(value, UriKind.Absolute, out var url) && (url.Scheme == Uri.UriSchemeHttps || (!httpsOnly && url.Scheme == Uri.UriSchemeHttp)))
            {
                return url;
            }

            problems.Add($"{name} must be an absolute {(httpsOnly ? "https" : "http(s)")} URL (got '{value}')");
            return null;
        }

        var token = Text("TELEGRAM_BOT_TOKEN");
        if (token is not null && !System.Text.RegularExpressions.Regex.IsMatch(token, @"^\d+:[A-Za-z0-9_-]{20,}$"))
        {
            problems.Add("TELEGRAM_BOT_TOKEN does not look like a bot token (<digits>:<secret> from @BotFather)");
        }

        var dryRun = Flag("DRY_RUN", false) | Flag("TEST_MODE", false) | !Flag("ALLOW_REAL_GENERATION", false);
        var kieKey = Text("KIE_API_KEY");
        if (!dryRun && kieKey is null)
        {
            problems.Add("KIE_API_KEY is required when ALLOW_REAL_GENERATION=1 (or set DRY_RUN=1)");
        }

        var webhook = Url("WEBHOOK_URL", httpsOnly: true);
        var secret = Text("WEBHOOK_SECRET");
        if (webhook is not null && (secret is null || !System.Text.RegularExpressions.Regex.IsMatch(secret, "^[A-Za-z0-9_-]{1,256}$")))
        {
            problems.Add("WEBHOOK_SECRET is required with WEBHOOK_URL: 1–256 characters A-Z, a-z, 0-9, _ and -");
        }

        var callbackToken = Text("KIE_CALLBACK_TOKEN");
        if (callbackToken is not null && !System.Text.RegularExpressions.Regex.IsMatch(callbackToken, "^[A-Za-z0-9_-]{16,128}$"))
        {
            problems.Add("KIE_CALLBACK_TOKEN must be 16–128 characters A-Z, a-z, 0-9, _ and -");
        }

        // Derived from a secret the host has (the webhook's, else the bot token's, so that PUBLIC_URL alone in long polling
        // gives KIE a callback URL): one-way, and the same on every start, so tasks created before a restart still call back.
        callbackToken ??= (secret ?? token) is not { } key ? null : Convert.ToHexStringLower(System.Security.Cryptography.HMACSHA256.HashData(System.Text.Encoding.UTF8.GetBytes(key), "kie-callback"u8))[..32];

        long? admin = null;
        if (Text("ADMIN_ID") is { } adminText)
        {
            if (long.TryParse(adminText, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id > 0)
            {
                admin = id;
            }
            else
            {
                problems.Add($"ADMIN_ID must be a Telegram user id (digits; got '{adminText}')");
            }
        }

        var storage = new StorageOptions { DatabaseUrl = Text("DATABASE_URL") };
        if (Text("SQLITE_PATH") is { } path)
        {
            storage = storage with { SqlitePath = path };
        }

        if (storage.DatabaseUrl is { } url)
        {
            try
            {
                KieBot.Storage.Postgres.PostgresConnection.Parse(url);
            }
            catch (FormatException e)
            {
                problems.Add(e.Message);
            }
        }

        var options = new BotOptions
        {
            Env = env,
            TelegramToken = token,
            TelegramApiUrl = Url("TELEGRAM_API_URL", httpsOnly: false)?.AbsoluteUri.TrimEnd('/'),
            KieApiKey = kieKey,
            KieApiUrl = Url("KIE_API_URL", httpsOnly: false) ?? new Uri("https://api.kie.ai"),
            KieUploadUrl = Url("KIE_UPLOAD_URL", httpsOnly: false) ?? new Uri("https://kieai.redpandaai.co"),
            Storage = storage,
            AdminId = admin,
            WebhookUrl = webhook,
            WebhookSecret = secret,
            PublicUrl = Url("PUBLIC_URL", httpsOnly: false),
            KieCallbackToken = callbackToken,
            KieWebhookHmacKey = Text("KIE_WEBHOOK_HMAC_KEY"),
            DryRun = dryRun,
            CreditToRubRate = Number("CREDIT_TO_RUB_RATE", 0.4m, 0.0001m, 100_000m),
            PriceMarkup = Number("PRICE_MARKUP", 1.5m, 1m, 100m),
            WelcomeCredits = Credits.Ceiling(Number("WELCOME_CREDITS", 50m, 0m, 1_000_000m)),
            MaxConcurrentGenerations = (int)Number("MAX_CONCURRENT_GENERATIONS", 5m, 1m, 100m),
            Port = (int)Number("PORT", 8080m, 1m, 65535m),
            CleanupEvery = TimeSpan.FromHours((double)Number("CLEANUP_EVERY_HOURS", 24m, 0m, 24m * 30)),
            Growth = new KieBot.Conversation.BotSettings
            {
                ReferralBonus = Credits.Ceiling(Number("REFERRAL_BONUS", 20m, 0m, 1_000_000m)),
                ReferralTrigger = KieBot.Payments.Referrals.ParseTrigger(Text("REFERRAL_TRIGGER"), problems),
                FreeModes = KieBot.Generations.FreeQuota.ParseModes(Text("FREE_MODES"), problems),
                FreeDaily = (int)Number("FREE_DAILY", 0m, 0m, 1000m),
                FreeTimeZone = KieBot.Generations.FreeQuota.ParseTimeZone(Text("FREE_TIMEZONE"), problems),
            },
        };
        errors = problems;
        return options;
    }
}
