using KieBot.TestSupport.Kie;
using KieCatalog.Client;
using Microsoft.Extensions.DependencyInjection;

namespace KieBot.Bench;

/// <summary>The product's KIE client pointed at the fake KIE server a benchmark runs in a child process.</summary>
internal static class ChildKieClient
{
    /// <summary>The services holding the client (dispose them after the run); the gateway is <c>GetRequiredService&lt;IKieGateway&gt;()</c>.</summary>
    public static ServiceProvider For(Uri fakeUrl)
    {
        var services = new ServiceCollection().AddLogging();
        services.AddKieClient(o =>
        {
            o.BaseUrl = fakeUrl;
            o.UploadBaseUrl = fakeUrl;
            o.ApiKey = FakeKieServer.DefaultApiKey;
        });
        return services.BuildServiceProvider();
    }
}
