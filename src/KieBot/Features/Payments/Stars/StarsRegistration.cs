using KieBot.Conversation;
using Microsoft.Extensions.DependencyInjection;

namespace KieBot.Features.Payments.Stars;

/// <summary>The one line Hosting adds for Telegram Stars top-ups.</summary>
public static class StarsRegistration
{
    /// <summary>Registers the feature with its STARS_* settings read from <paramref name="env"/>; a bad one stops start-up.</summary>
    public static IServiceCollection AddStarsPayments(this IServiceCollection services, Func<string, string?> env)
    {
        services.AddSingleton(FeatureConfigurationException.Require(problems => StarsOptions.Read(env, problems)));
        services.AddSingleton<StarsPayments>();
        services.AddSingleton<StarsFeature>();
        services.AddSingleton<IFeature>(sp => sp.GetRequiredService<StarsFeature>());
        services.AddSingleton<IPaymentUpdates>(sp => sp.GetRequiredService<StarsFeature>());
        return services;
    }
}
