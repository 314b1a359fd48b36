using KieBot.Conversation;
using KieBot.Features.Form.Coach;
using KieBot.Generations;
using Microsoft.Extensions.DependencyInjection;

namespace KieBot.Features.Form;

public static class FormRegistration
{
    /// <summary>
    /// A mode's form, its summary and the Generate press, with the prompt coach read from <c>COACH_MODEL</c>,
    /// <c>COACH_PRICE</c> and <c>COACH_FREE_DAILY</c> (a bad value stops start-up; in a dry run it is on with the fake chat).
    /// </summary>
    public static IServiceCollection AddForm(this IServiceCollection services, Func<string, string?> env, bool dryRun)
    {
        var offer = FeatureConfigurationException.Require(problems => ChatOffer.Read("offer.coach", "COACH", env, dryRun, problems));
        services.AddSingleton(offer);
        services.AddSingleton(sp => new PromptCoach(offer, sp.GetRequiredService<MeteredChat>(), sp.GetRequiredService<KieBot.Telegram.IChatSurface>(), sp.GetRequiredService<Pricing>(), sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<GenerationOptions>()));
        return services.AddSingleton<FormFlow>().AddSingleton<AnswerIntake>().AddSingleton<Lists.ListPresses>().AddSingleton<Confirmation>().AddSingleton<CoachPresses>().AddSingleton<IFeature, FormFeature>();
    }
}
