using KieBot.Conversation;
using Microsoft.Extensions.DependencyInjection;

namespace KieBot.Features.Balance;

public static class BalanceRegistration
{
    /// <summary>The balance screen.</summary>
    public static IServiceCollection AddBalance(this IServiceCollection services) => services.AddSingleton<IFeature, BalanceFeature>();
}
