using KieBot.Conversation;
using Microsoft.Extensions.DependencyInjection;

namespace KieBot.Features.Payments.Stars;

/// <summary>The one line Hosting adds for Telegram Stars top-ups (their packages and bounds are the host's STARS_* settings).</summary>
public static class StarsRegistration
{
    public static IServiceCollection AddStarsPayments(this IServiceCollection services)
    {
        services.AddSingleton<StarsPayments>();
        services.AddSingleton<StarsFeature>();
        services.AddSingleton<IFeature>(sp => sp.GetRequiredService<StarsFeature>());
        services.AddSingleton<IPaymentUpdates>(sp => sp.GetRequiredService<StarsFeature>());
        return services;
    }
}
