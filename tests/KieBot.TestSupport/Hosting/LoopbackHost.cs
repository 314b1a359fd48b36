using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace KieBot.TestSupport.Hosting;

/// <summary>Starts a quiet Kestrel app on 127.0.0.1 and a free port.</summary>
public static class LoopbackHost
{
    /// <summary>The path of the warm-up request; hosts answer it without recording anything.</summary>
    public const string WarmUpPath = "/__warm-up";

    /// <summary>A TCP port free on 127.0.0.1 right now.</summary>
    public static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public static async Task<(WebApplication App, Uri BaseUrl)> StartAsync(Action<WebApplication> configure)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        configure(app);
        await app.StartAsync().ConfigureAwait(false);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var baseUrl = new Uri(address.TrimEnd('/') + "/");

        // One request through the pipeline before any test times anything: the first one pays for the JIT.
        using (var warm = new HttpClient { Timeout = TimeSpan.FromSeconds(60) })
        {
            using var _ = await warm.GetAsync(new Uri(baseUrl, WarmUpPath.TrimStart('/'))).ConfigureAwait(false);
        }

        return (app, baseUrl);
    }
}
