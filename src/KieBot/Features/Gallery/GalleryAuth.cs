using System.Threading.RateLimiting;
using KieBot.Storage;
using Microsoft.AspNetCore.Http;

namespace KieBot.Features.Gallery;

/// <summary>The caller of one API call: a user Telegram vouches for, known to the bot, not blocked.</summary>
public sealed record GalleryCaller(long UserId, string Language);

/// <summary>
/// Every API call names its user by Telegram's initData alone (<c>Authorization: tma &lt;initData&gt;</c>): forged,
/// tampered or expired is 401; a blocked user 403 (and nothing else); over the per-user rate 429.
/// </summary>
public sealed class GalleryAuth(GalleryOptions options, IBotStore store, TimeProvider time) : IDisposable
{
    private const string Scheme = "tma ";

    private readonly PartitionedRateLimiter<long> limiter = PartitionedRateLimiter.Create<long, long>(user =>
        RateLimitPartition.GetTokenBucketLimiter(user, _ => new TokenBucketRateLimiterOptions
        {
            TokenLimit = options.RatePerMinute,
            TokensPerPeriod = options.RatePerMinute,
            ReplenishmentPeriod = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
            AutoReplenishment = true,
        }));

    /// <summary>The caller, or the status to answer instead.</summary>
    public async Task<(GalleryCaller? Caller, IResult? Refusal)> CheckAsync(HttpContext context)
    {
        var header = context.Request.Headers.Authorization.ToString();
        var initData = header.StartsWith(Scheme, StringComparison.Ordinal) ? header[Scheme.Length..] : null;
        if (InitData.Validate(initData, options.SigningKey, time.GetUtcNow(), options.MaxAge) is not { } user)
        {
            return (null, Results.Unauthorized());
        }

        using (var lease = limiter.AttemptAcquire(user.Id))
        {
            if (!lease.IsAcquired)
            {
                return (null, Results.StatusCode(StatusCodes.Status429TooManyRequests));
            }
        }

        var known = await store.Users.GetAsync(user.Id, context.RequestAborted).ConfigureAwait(false);
        if (known is { Blocked: true })
        {
            return (null, Results.StatusCode(StatusCodes.Status403Forbidden));
        }

        return (new GalleryCaller(user.Id, KieBot.Conversation.Texts.Normalize(known?.Language ?? user.LanguageCode)), null);
    }

    public void Dispose() => limiter.Dispose();
}
