using Microsoft.Extensions.DependencyInjection;

namespace KieBot.Conversation;

public static class ConversationRegistration
{
    /// <summary>The engine and what every feature shares: the router over the registered features, admins, the maintenance switch.</summary>
    public static IServiceCollection AddConversation(this IServiceCollection services) =>
        services.AddSingleton<Admins>().AddSingleton<Maintenance>().AddSingleton<FeatureRouter>().AddSingleton<ConversationEngine>();
}
