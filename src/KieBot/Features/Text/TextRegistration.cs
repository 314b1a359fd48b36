using KieBot.Conversation;
using Microsoft.Extensions.DependencyInjection;

namespace KieBot.Features.Text;

public static class TextRegistration
{
    /// <summary>
    /// The 💬 Text shelf with its chat model and terms read from <c>TEXT_MODEL</c>, <c>TEXT_PRICE</c> and
    /// <c>TEXT_FREE_DAILY</c> (a bad value stops start-up; in a dry run it is on with the fake chat).
    /// </summary>
    public static IServiceCollection AddText(this IServiceCollection services, Func<string, string?> env, bool dryRun)
    {
        var offer = FeatureConfigurationException.Require(problems => ChatOffer.Read("offer.text", "TEXT", env, dryRun, problems));
        services.AddSingleton(offer);
        services.AddSingleton(new TextOptions(offer));
        services.AddSingleton<TextAnswers>();
        services.AddSingleton<IFeature, TextFeature>();
        return services;
    }
}
