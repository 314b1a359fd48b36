using Microsoft.Extensions.Options;

namespace KieCatalog.Client;

/// <summary>Refuses settings the client cannot work with, at start rather than at the first call.</summary>
public sealed class KieClientOptionsValidator : IValidateOptions<KieClientOptions>
{
    public ValidateOptionsResult Validate(string? name, KieClientOptions options)
    {
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.ApiKey))
        {
            failures.Add("Kie:ApiKey is required (create one at https://kie.ai/api-key).");
        }
        else if (options.ApiKey.Any(char.IsWhiteSpace))
        {
            failures.Add("Kie:ApiKey must not contain whitespace.");
        }

        CheckUrl(options.BaseUrl, "Kie:BaseUrl", failures);
        CheckUrl(options.UploadBaseUrl, "Kie:UploadBaseUrl", failures);
        if (string.IsNullOrWhiteSpace(options.UserAgent))
        {
            failures.Add("Kie:UserAgent must not be empty: KIE refuses requests without one.");
        }

        CheckPositive(options.AttemptTimeout, "Kie:AttemptTimeout", failures);
        CheckPositive(options.TotalTimeout, "Kie:TotalTimeout", failures);
        CheckPositive(options.UploadTimeout, "Kie:UploadTimeout", failures);
        CheckPositive(options.ChatTimeout, "Kie:ChatTimeout", failures);
        CheckPositive(options.RetryBaseDelay, "Kie:RetryBaseDelay", failures);
        CheckPositive(options.CircuitSamplingDuration, "Kie:CircuitSamplingDuration", failures);
        CheckPositive(options.CircuitBreakDuration, "Kie:CircuitBreakDuration", failures);
        if (options.AttemptTimeout > options.TotalTimeout)
        {
            failures.Add("Kie:AttemptTimeout must not exceed Kie:TotalTimeout.");
        }

        if (options.MaxRetries is < 0 or > 10)
        {
            failures.Add("Kie:MaxRetries must be between 0 and 10.");
        }

        if (options.CircuitFailureRatio is <= 0 or > 1)
        {
            failures.Add("Kie:CircuitFailureRatio must be in (0, 1].");
        }

        if (options.CircuitMinimumThroughput < 2)
        {
            failures.Add("Kie:CircuitMinimumThroughput must be at least 2.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void CheckUrl(Uri? url, string name, List<string> failures)
    {
        if (url is null || !url.IsAbsoluteUri || (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp))
        {
            failures.Add($"{name} must be an absolute http(s) URL.");
        }
    }

    private static void CheckPositive(TimeSpan value, string name, List<string> failures)
    {
        if (value <= TimeSpan.Zero)
        {
            failures.Add($"{name} must be positive.");
        }
    }
}
