using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using KieBot.Telegram;
using global::Telegram.Bot;
using global::Telegram.Bot.Types;

namespace KieBot.Hosting;

/// <summary>
/// <c>POST /telegram/webhook</c>: refuses requests without the right <c>X-Telegram-Bot-Api-Secret-Token</c> (constant-time
/// compare, 401), parses the update and runs it through the pipeline before answering: 200 once it is handled (or a
/// repeat), 503 when the database or the Bot API failed under it, so Telegram delivers it again (the pipeline claims
/// updates by id, so a re-delivery of a handled one changes nothing).
/// </summary>
internal static class WebhookEndpoint
{
    public const string SecretHeader = "X-Telegram-Bot-Api-Secret-Token";

    public static async Task<IResult> HandleAsync(HttpContext context, BotOptions options, UpdatePipeline pipeline)
    {
        var given = Encoding.UTF8.GetBytes(context.Request.Headers[SecretHeader].ToString());
        var expected = Encoding.UTF8.GetBytes(options.WebhookSecret ?? string.Empty);
        if (expected.Length == 0 || !CryptographicOperations.FixedTimeEquals(given, expected))
        {
            return Results.Unauthorized();
        }

        Update? update;
        try
        {
            update = await JsonSerializer.DeserializeAsync<Update>(context.Request.Body, JsonBotAPI.Options, context.RequestAborted).ConfigureAwait(false);
        }
        catch (JsonException)
        {
            return Results.BadRequest();
        }

        if (update is not null && UpdateMapper.Map(update) is { } mapped)
        {
            if (await pipeline.HandleAsync(mapped, context.RequestAborted).ConfigureAwait(false) == UpdateOutcome.Retry)
            {
                return Results.StatusCode(StatusCodes.Status503ServiceUnavailable);
            }
        }

        return Results.Ok();
    }
}

/// <summary>Registers the webhook (URL, secret token, allowed updates) when the host starts.</summary>
internal sealed partial class WebhookRegistration(ITelegramBotClient bot, BotOptions options, ILogger<WebhookRegistration> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var url = new Uri(options.WebhookUrl!, TelegramHost.WebhookPath).AbsoluteUri;
        await bot.SetWebhook(url, allowedUpdates: UpdateMapper.Allowed, secretToken: options.WebhookSecret, cancellationToken: cancellationToken).ConfigureAwait(false);
        LogRegistered(url);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Webhook registered at {Url}")]
    private partial void LogRegistered(string url);
}
