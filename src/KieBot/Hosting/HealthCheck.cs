using KieBot.Storage;

namespace KieBot.Hosting;

/// <summary><c>GET /healthz</c> for Render: 200 with the store and schema version when the database answers, 503 otherwise.</summary>
internal static partial class HealthCheck
{
    public static async Task<IResult> RespondAsync(IBotStore store, BotOptions options, ILoggerFactory loggers, CancellationToken ct)
    {
        try
        {
            var version = await store.SchemaVersionAsync(ct).ConfigureAwait(false);
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
