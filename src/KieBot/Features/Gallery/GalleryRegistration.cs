using KieBot.Conversation;
using Microsoft.Extensions.DependencyInjection;

namespace KieBot.Features.Gallery;

/// <summary>The one line Hosting adds for the gallery Mini App (Hosting also maps its endpoints: <see cref="GalleryEndpoints.MapGallery"/>).</summary>
public static class GalleryRegistration
{
    /// <summary>
    /// Registers the gallery: initData is checked against <paramref name="signingKey"/> (the bot token; the console's
    /// local key); Telegram opens it at <paramref name="publicRoot"/>'s <c>/gallery/</c> when that root is HTTPS.
    /// </summary>
    public static IServiceCollection AddGallery(this IServiceCollection services, Func<string, string?> env, string signingKey, Uri? publicRoot)
    {
        services.AddSingleton(FeatureConfigurationException.Require(problems => GalleryOptions.Read(env, signingKey, publicRoot, problems)));
        services.AddSingleton<GalleryAuth>();
        services.AddSingleton<GalleryLinks>();
        services.AddSingleton<GalleryReader>();
        services.AddSingleton<GalleryActions>();
        services.AddHostedService<GalleryMenuButton>();
        return services;
    }
}
