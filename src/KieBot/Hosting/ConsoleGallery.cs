using System.Net;
using KieBot.Features.Gallery;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace KieBot.Hosting;

/// <summary>
/// The gallery beside the console chat, on 127.0.0.1 (PORT, or a free port when it is taken), over the console's own
/// services, so a person trying the bot can open it in a browser: the link carries a development initData signed with
/// the process's local key (no bot token exists here), as Telegram would pass it in the URL's fragment.
/// </summary>
internal sealed class ConsoleGallery(WebApplication app, Uri url) : IAsyncDisposable
{
    public Uri Url { get; } = url;

    public static async Task<ConsoleGallery?> StartAsync(IServiceProvider services, int port, CancellationToken ct)
    {
        foreach (var candidate in new[] { port, 0 })
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.Logging.ClearProviders();
            builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, candidate));
            var app = builder.Build();

            // The gallery's handlers read the console's store, pipeline and options.
            app.Use((context, next) =>
            {
                context.RequestServices = services;
                return next(context);
            });
            app.MapGallery();
            try
            {
                await app.StartAsync(ct).ConfigureAwait(false);
            }
            catch (IOException)
            {
                await app.DisposeAsync().ConfigureAwait(false);
                continue;
            }

            var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            return new ConsoleGallery(app, new Uri(address.TrimEnd('/') + GalleryOptions.Path + "/"));
        }

        return null;
    }

    /// <summary>The page for <paramref name="userId"/>, with an initData signed by <paramref name="key"/> now.</summary>
    public string LinkFor(long userId, string language, string key) =>
        Url.AbsoluteUri + "#tgWebAppData=" + Uri.EscapeDataString(InitData.For(userId, language, DateTimeOffset.UtcNow, key));

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync().ConfigureAwait(false);
        await app.DisposeAsync().ConfigureAwait(false);
    }
}
