using KieBot.Conversation;
using KieBot.Generations;
using Microsoft.Extensions.DependencyInjection;

namespace KieBot.Features.History;

public static class HistoryRegistration
{
    /// <summary>The user's generations and their follow-ups, what a user sees of a generation's life (Generations' reporter), and the choice while one is late.</summary>
    public static IServiceCollection AddHistory(this IServiceCollection services) =>
        services.AddSingleton<FollowUpPress>().AddSingleton<IFeature, HistoryFeature>().AddSingleton<IFeature, WaitingFeature>().AddSingleton<IGenerationReporter, GenerationScreens>();
}
