using KieBot.Telegram;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace KieBot.Features.Gallery;

/// <summary>At start-up, the bot's menu button opens the gallery (<c>setChatMenuButton</c> with a web app) when the host has a public HTTPS URL.</summary>
public sealed partial class GalleryMenuButton(GalleryOptions options, IBotProfile profile, ILogger<GalleryMenuButton> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (options.PublicUrl is not { } url)
        {
            return;
        }

        try
        {
            await profile.SetMenuAppAsync(KieBot.Conversation.Texts.Get("en", "btn.gallery"), url, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (TransientFailure.Is(e) || e is global::Telegram.Bot.Exceptions.ApiRequestException)
        {
            // The bot works without it; the next start sets it again.
            LogFailed(e.Message);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Warning, Message = "The gallery's menu button was not set: {Reason}")]
    private partial void LogFailed(string reason);
}
