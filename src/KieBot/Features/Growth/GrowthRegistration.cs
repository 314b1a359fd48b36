using KieBot.Conversation;
using Microsoft.Extensions.DependencyInjection;

namespace KieBot.Features.Growth;

/// <summary>The one line Hosting adds for referrals and promo codes (their bonus and trigger are the host's REFERRAL_* settings).</summary>
public static class GrowthRegistration
{
    public static IServiceCollection AddGrowth(this IServiceCollection services) => services.AddSingleton<IFeature, GrowthFeature>();
}
