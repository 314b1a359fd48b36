using KieCatalog.Errors;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;
using Polly.Timeout;

namespace KieCatalog.Client.Resilience;

/// <summary>
/// The one Polly pipeline every KIE call goes through (total timeout, jittered retries honouring Retry-After,
/// a circuit breaker shared by all calls, a per-attempt timeout). It lives as long as the container, so the
/// circuit's memory is shared by every <see cref="KieClient"/> instance.
/// </summary>
public sealed partial class KieResilience
{
    private static readonly ResiliencePropertyKey<CallShape> Shape = new("kie.call");

    private readonly ResiliencePipeline pipeline;
    private readonly KieClientOptions options;
    private readonly ILogger logger;

    public KieResilience(IOptions<KieClientOptions> options, TimeProvider timeProvider, ILogger<KieResilience> logger)
    {
        this.options = options.Value;
        this.logger = logger;
        var o = this.options;
        pipeline = new ResiliencePipelineBuilder { TimeProvider = timeProvider }
            .AddTimeout(new TimeoutStrategyOptions { TimeoutGenerator = args => ValueTask.FromResult(ShapeOf(args.Context).Total) })
            .AddRetry(new RetryStrategyOptions
            {
                MaxRetryAttempts = Math.Max(o.MaxRetries, 1),
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = o.RetryBaseDelay,
                MaxDelay = o.MaxRetryDelay,
                ShouldHandle = args => ValueTask.FromResult(o.MaxRetries > 0 && ShouldRetry(args.Outcome.Exception, ShapeOf(args.Context))),
                DelayGenerator = args => ValueTask.FromResult(RetryDelay(args.Outcome.Exception, ShapeOf(args.Context), args.AttemptNumber)),
                OnRetry = args =>
                {
                    LogRetry(ShapeOf(args.Context).Endpoint, args.AttemptNumber + 1, Describe(args.Outcome.Exception), args.RetryDelay);
                    return ValueTask.CompletedTask;
                },
            })
            .AddCircuitBreaker(new CircuitBreakerStrategyOptions
            {
                FailureRatio = o.CircuitFailureRatio,
                MinimumThroughput = o.CircuitMinimumThroughput,
                SamplingDuration = o.CircuitSamplingDuration,
                BreakDuration = o.CircuitBreakDuration,
                ShouldHandle = args => ValueTask.FromResult(IsOutage(args.Outcome.Exception)),
                OnOpened = args =>
                {
                    LogCircuitOpened(args.BreakDuration);
                    return ValueTask.CompletedTask;
                },
                OnClosed = _ =>
                {
                    LogCircuitClosed();
                    return ValueTask.CompletedTask;
                },
            })
            .AddTimeout(new TimeoutStrategyOptions { TimeoutGenerator = args => ValueTask.FromResult(ShapeOf(args.Context).Attempt) })
            .Build();
    }

    /// <summary>
    /// Runs <paramref name="attempt"/> under the pipeline. <paramref name="idempotent"/> false (create-task) retries only
    /// failures after which KIE cannot have created anything. Polly's own exceptions come out as <see cref="KieException"/>.
    /// An upload's attempts get <see cref="KieClientOptions.UploadTimeout"/>, a chat's <see cref="KieClientOptions.ChatTimeout"/>.
    /// </summary>
    internal async Task<T> ExecuteAsync<T>(
        KieOperation operation,
        string endpoint,
        bool idempotent,
        bool upload,
        Func<CancellationToken, Task<T>> attempt,
        CancellationToken cancellationToken)
    {
        var longAttempt = upload ? options.UploadTimeout : operation == KieOperation.Chat ? options.ChatTimeout : (TimeSpan?)null;
        var shape = new CallShape(
            operation,
            endpoint,
            idempotent,
            longAttempt ?? options.AttemptTimeout,
            longAttempt is { } longer ? longer + options.TotalTimeout : options.TotalTimeout);
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        context.Properties.Set(Shape, shape);
        try
        {
            return await pipeline.ExecuteAsync(
                static async (ctx, call) => await call(ctx.CancellationToken).ConfigureAwait(false),
                context,
                attempt).ConfigureAwait(false);
        }
        catch (TimeoutRejectedException e)
        {
            throw new KieException(new KieError(KieErrorKind.Timeout, operation, $"{endpoint}: no answer within {e.Timeout.TotalSeconds:0.#} s"), e);
        }
        catch (BrokenCircuitException e)
        {
            var detail = $"{endpoint}: not sent, the circuit is open after repeated KIE failures";
            throw new KieException(new KieError(KieErrorKind.Server, operation, detail, retryAfter: e.RetryAfter), e) { RequestNotProcessed = true };
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    private static CallShape ShapeOf(ResilienceContext context) =>
        context.Properties.TryGetValue(Shape, out var shape) ? shape : throw new InvalidOperationException("A KIE call runs without its shape.");

    private static bool ShouldRetry(Exception? exception, CallShape shape) => exception switch
    {
        TimeoutRejectedException => shape.Idempotent,
        KieException { Error.IsRetryable: false } => false,
        KieException e when shape.Idempotent => true,
        KieException e => e.RequestNotProcessed || e.Error.Code is 429 or 430 or 455 or 503,
        _ => false,
    };

    private TimeSpan? RetryDelay(Exception? exception, CallShape shape, int attemptNumber)
    {
        if (exception is KieException { Error.RetryAfter: { } retryAfter })
        {
            return retryAfter < TimeSpan.Zero ? TimeSpan.Zero : retryAfter;
        }

        if (!shape.Idempotent && exception is KieException { Kind: KieErrorKind.RateLimited })
        {
            return options.CreateRateLimitDelay + TimeSpan.FromMilliseconds(Random.Shared.Next(0, 500) * (attemptNumber + 1));
        }

        return null;
    }

    private static bool IsOutage(Exception? exception) => exception switch
    {
        TimeoutRejectedException => true,
        KieException e => e.Kind is KieErrorKind.Server or KieErrorKind.Timeout or KieErrorKind.Network or KieErrorKind.Maintenance,
        _ => false,
    };

    private static string Describe(Exception? exception) => exception switch
    {
        KieException e => e.Error.Detail,
        TimeoutRejectedException e => $"attempt timed out after {e.Timeout.TotalSeconds:0.#} s",
        null => "no exception",
        _ => exception.GetType().Name,
    };

    [LoggerMessage(Level = LogLevel.Warning, Message = "KIE {Endpoint} attempt {Attempt} failed ({Detail}); retrying in {Delay}")]
    private partial void LogRetry(string endpoint, int attempt, string detail, TimeSpan delay);

    [LoggerMessage(Level = LogLevel.Error, Message = "KIE circuit opened for {BreakDuration} after repeated failures")]
    private partial void LogCircuitOpened(TimeSpan breakDuration);

    [LoggerMessage(Level = LogLevel.Information, Message = "KIE circuit closed: calls go through again")]
    private partial void LogCircuitClosed();

    private sealed record CallShape(KieOperation Operation, string Endpoint, bool Idempotent, TimeSpan Attempt, TimeSpan Total);
}
