using KieBot.Conversation;
using Microsoft.Extensions.DependencyInjection;

namespace KieBot.Features.Payments.Bank;

/// <summary>The one line Hosting adds for manual bank transfers.</summary>
public static class BankRegistration
{
    /// <summary>Registers the feature with its settings read from <paramref name="env"/>; a bad one stops start-up.</summary>
    public static IServiceCollection AddBankTransfers(this IServiceCollection services, Func<string, string?> env)
    {
        services.AddSingleton(FeatureConfigurationException.Require(problems => BankOptions.Read(env, problems)));
        services.AddSingleton<BankTransfers>();
        services.AddSingleton<IFeature, BankFeature>();
        return services;
    }
}
