using KieBot.TestSupport.Kie;
using KieBot.TestSupport.Logging;
using KieCatalog.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace KieCatalog.Tests.Client;

/// <summary>A real <see cref="KieClient"/> from the DI registration, pointed at a fresh fake KIE server, with its logs kept.</summary>
internal sealed class ClientHarness : IAsyncDisposable
{
    private ClientHarness(FakeKieServer server, ServiceProvider services, ListLoggerProvider logs)
    {
        Server = server;
        Services = services;
        Logs = logs;
    }

    public FakeKieServer Server { get; }

    public ServiceProvider Services { get; }

    public ListLoggerProvider Logs { get; }

    public IKieGateway Kie => Services.GetRequiredService<IKieGateway>();

    public IKieChat Chat => Services.GetRequiredService<IKieChat>();

    public static async Task<ClientHarness> StartAsync(Action<KieClientOptions>? tweak = null, TimeProvider? time = null, FakeKieServer? server = null)
    {
        server ??= await FakeKieServer.StartAsync();
        var logs = new ListLoggerProvider();
        var services = new ServiceCollection();
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Trace).AddProvider(logs));
        if (time is not null)
        {
            services.AddSingleton(time);
        }

        services.AddKieClient(o =>
        {
            server.Configure(o);
            tweak?.Invoke(o);
        });
        return new ClientHarness(server, services.BuildServiceProvider(), logs);
    }

    public async ValueTask DisposeAsync()
    {
        var crashes = Server.Crashes;
        await Services.DisposeAsync();
        await Server.DisposeAsync();
        Assert.True(crashes.Count == 0, "the fake KIE server crashed: " + string.Join("\n", crashes));
    }
}
