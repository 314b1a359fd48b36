using KieBot.Storage;

namespace KieBot.Hosting;

/// <summary>
/// <c>GET /healthz</c>: the process is up. <c>GET /readyz</c> (Render's health check): 200 when the database answers and
/// is migrated to this build's schema, 503 otherwise.
/// </summary>
internal static partial class HealthCheck
{
    public static IResult Alive(BotOptions options) =>
        Results.Json(new HealthReport("ok", string.Empty, 0, options.RunMode, options.DryRun), HostJson.Default.HealthReport);

    public static async Task<IResult> RespondAsync(IBotStore store, BotOptions options, ILoggerFactory loggers, CancellationToken ct)
    {
        try
        {
            var version = await store.SchemaVersionAsync(ct).ConfigureAwait(false);
            if (version != store.TargetSchemaVersion)
            {
                return Results.Json(new HealthReport("not migrated", store.Dialect, version, options.RunMode, options.DryRun), HostJson.Default.HealthReport, statusCode: 503);
            }

            return Results.Json(new HealthReport("ok", store.Dialect, version, options.RunMode, options.DryRun), HostJson.Default.HealthReport);
        }
        catch (System.Data.Common.DbException e)
        {
            LogUnhealthy(loggers.CreateLogger("KieBot.Health"), e.Message);
            return Results.Json(new HealthReport("database unreachable", store.Dialect, 0, options.RunMode, options.DryRun), HostJson.Default.HealthReport, statusCode: 503);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Health check: the database does not answer ({Reason})")]
    private static partial void LogUnhealthy(ILogger logger, string reason);
}

internal sealed record HealthReport(string Status, string Store, int Schema, string Mode, bool DryRun);

[System.Text.Json.Serialization.JsonSourceGenerationOptions(PropertyNamingPolicy = System.Text.Json.Serialization.JsonKnownNamingPolicy.CamelCase)]
[System.Text.Json.Serialization.JsonSerializable(typeof(HealthReport))]
internal sealed partial class HostJson : System.Text.Json.Serialization.JsonSerializerContext;
