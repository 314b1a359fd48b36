using KieBot.Features.Gallery;
using KieBot.Generations;
using KieBot.Storage;
using KieBot.Telegram;
using Serilog;
using Serilog.Formatting.Compact;
using global::Telegram.Bot;

namespace KieBot.Hosting;

/// <summary>
/// The Telegram host on ASP.NET Core: migrations at start, the Bot API client (its HttpClient logs nothing, so the
/// token-bearing URL never reaches a log), the tracker, then long polling or the webhook endpoint, and a health check.
/// </summary>
public static class TelegramHost
{
    public const string WebhookPath = "/telegram/webhook";
    public const string HealthPath = "/healthz";
    public const string ReadyPath = "/readyz";

    public static async Task<int> RunAsync(BotOptions options, CancellationToken ct, Action<WebApplicationBuilder>? configure = null)
    {
        var app = Build(options, configure);
        await app.Services.GetRequiredService<IBotStore>().MigrateAsync(ct).ConfigureAwait(false);
        await app.RunAsync(ct).ConfigureAwait(false);
        return 0;
    }

    public static WebApplication Build(BotOptions options, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://0.0.0.0:{options.Port}");
        var secrets = Secrets.Of(options);
        builder.Services.AddSerilog((_, log) => log
            .MinimumLevel.Information()
            .MinimumLevel.Override("Microsoft", Serilog.Events.LogEventLevel.Warning)
            .MinimumLevel.Override("System.Net.Http", Serilog.Events.LogEventLevel.Warning)
            .Enrich.FromLogContext()
            .WriteTo.Sink(new RedactingSink(Console.Out, secrets, Console.IsOutputRedirected ? new CompactJsonFormatter() : null)));
        builder.Services.AddBot(options);
        builder.Services.AddTransient(sp => new BotApiRetryHandler(sp.GetRequiredService<TimeProvider>()));
        builder.Services.AddHttpClient("telegram")
            .RemoveAllLoggers()
            .AddHttpMessageHandler<BotApiRetryHandler>()
            .AddTypedClient<ITelegramBotClient>(http => new TelegramBotClient(new TelegramBotClientOptions(options.TelegramToken!, options.TelegramApiUrl), http));
        builder.Services.AddHttpClient<ResultFiles>(http => http.Timeout = TimeSpan.FromMinutes(2));
        builder.Services.AddSingleton<TelegramSurface>();
        builder.Services.AddSingleton<IChatSurface>(sp => sp.GetRequiredService<TelegramSurface>());
        builder.Services.AddSingleton<IPaymentSurface>(sp => sp.GetRequiredService<TelegramSurface>());
        builder.Services.AddSingleton<IBotProfile>(sp => sp.GetRequiredService<TelegramSurface>());
        builder.Services.AddHostedService<TrackerService>();
        builder.Services.AddHostedService<MeteredSweepService>();
        builder.Services.AddHostedService<CreatesDrain>();
        if (options.CleanupEvery > TimeSpan.Zero)
        {
            builder.Services.AddHostedService<CleanupService>();
        }
        if (options.WebhookUrl is null)
        {
            builder.Services.AddHostedService<PollingService>();
        }
        else
        {
            builder.Services.AddHostedService<WebhookRegistration>();
        }

        configure?.Invoke(builder);
        var app = builder.Build();
        app.MapGet(HealthPath, HealthCheck.Alive);
        app.MapGet(ReadyPath, HealthCheck.RespondAsync);
        app.MapPost(KieCallbackEndpoint.Path, KieCallbackEndpoint.HandleAsync);
        app.MapGallery();
        if (options.WebhookUrl is not null)
        {
            app.MapPost(WebhookPath, WebhookEndpoint.HandleAsync);
        }

        return app;
    }
}

/// <summary>Runs <c>cleanup</c> inside the host every <see cref="BotOptions.CleanupEvery"/> (CLEANUP_EVERY_HOURS, 0 turns it off).</summary>
internal sealed partial class CleanupService(IBotStore store, BotOptions options, TimeProvider time, ILogger<CleanupService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(options.CleanupEvery, time, stoppingToken).ConfigureAwait(false);
                var result = await KieBot.Ops.CleanupCommand.RunAsync(store, new CleanupPolicy(), apply: true, stoppingToken).ConfigureAwait(false);
                LogCleaned(result.Removed.Total, result.SizeBefore, result.SizeAfter);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (System.Data.Common.DbException e)
            {
                LogFailed(e.Message);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Cleanup removed {Count} rows; database {Before} → {After} bytes")]
    private partial void LogCleaned(int count, long before, long after);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Cleanup failed: {Reason}")]
    private partial void LogFailed(string reason);
}

/// <summary>Runs the <see cref="GenerationTracker"/> for the life of the host.</summary>
internal sealed class TrackerService(GenerationTracker tracker) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => tracker.RunAsync(stoppingToken);
}

/// <summary>Runs the <see cref="MeteredCallSweeper"/> for the life of the host (at start-up first: what a stop left is settled).</summary>
internal sealed class MeteredSweepService(MeteredCallSweeper sweeper) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => sweeper.RunAsync(stoppingToken);
}

/// <summary>On stop, lets the KIE creates in hand finish (up to 20 s) rather than cancel ones KIE may have accepted.</summary>
internal sealed class CreatesDrain(BackgroundCreates creates) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => creates.DrainAsync(TimeSpan.FromSeconds(20));
}
