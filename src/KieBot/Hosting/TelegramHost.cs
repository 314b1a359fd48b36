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
            .WriteTo.Sink(new RedactingSink(Console.Out, secrets, new CompactJsonFormatter())));
        builder.Services.AddBot(options);
        builder.Services.AddHttpClient("telegram")
            .RemoveAllLoggers()
            .AddTypedClient<ITelegramBotClient>(http => new TelegramBotClient(new TelegramBotClientOptions(options.TelegramToken!, options.TelegramApiUrl), http));
        builder.Services.AddHttpClient<ResultFiles>(http => http.Timeout = TimeSpan.FromMinutes(2));
        builder.Services.AddSingleton<IChatSurface, TelegramSurface>();
        builder.Services.AddHostedService<TrackerService>();
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
        app.MapGet("/healthz", HealthCheck.RespondAsync);
        app.MapPost(KieCallbackEndpoint.Path, KieCallbackEndpoint.HandleAsync);
        if (options.WebhookUrl is not null)
        {
            app.MapPost(WebhookPath, WebhookEndpoint.HandleAsync);
        }

        return app;
    }
}

/// <summary>Runs the <see cref="GenerationTracker"/> for the life of the host.</summary>
internal sealed class TrackerService(GenerationTracker tracker) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => tracker.RunAsync(stoppingToken);
}
