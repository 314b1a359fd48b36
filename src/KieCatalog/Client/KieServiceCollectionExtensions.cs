using KieCatalog.Client.Resilience;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace KieCatalog.Client;

/// <summary>Registers <see cref="KieClient"/> as the <see cref="IKieGateway"/> and the <see cref="IKieChat"/>.</summary>
public static class KieServiceCollectionExtensions
{
    /// <summary>Binds <see cref="KieClientOptions"/> from <paramref name="section"/> (e.g. <c>configuration.GetSection("Kie")</c>).</summary>
    public static IHttpClientBuilder AddKieClient(this IServiceCollection services, IConfiguration section, Action<KieClientOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(section);
        var builder = services.AddOptions<KieClientOptions>().Bind(section);
        if (configure is not null)
        {
            builder.Configure(configure);
        }

        return AddCore(services);
    }

    public static IHttpClientBuilder AddKieClient(this IServiceCollection services, Action<KieClientOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        services.AddOptions<KieClientOptions>().Configure(configure);
        return AddCore(services);
    }

    private static IHttpClientBuilder AddCore(IServiceCollection services)
    {
        services.AddOptions<KieClientOptions>().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<KieClientOptions>, KieClientOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<KieResilience>();
        services.TryAddSingleton<KieCallbackParser>();
        services.TryAddTransient<IKieGateway>(sp => sp.GetRequiredService<KieClient>());
        services.TryAddTransient<IKieChat>(sp => sp.GetRequiredService<KieClient>());

        // The client logs its own calls without URLs' queries or headers; the factory's default logging is not needed.
        // A chat stream left before its end closes its connection instead of reading the rest of the answer (the
        // handler's default drains up to 1 MB for 2 s to reuse it), so KIE stops generating what no one will read.
        return services.AddHttpClient<KieClient>()
            .ConfigurePrimaryHttpMessageHandler(static () => new SocketsHttpHandler { MaxResponseDrainSize = 0 })
            .RemoveAllLoggers();
    }
}
