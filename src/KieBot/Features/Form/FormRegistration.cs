using KieBot.Conversation;
using Microsoft.Extensions.DependencyInjection;

namespace KieBot.Features.Form;

public static class FormRegistration
{
    /// <summary>A mode's form, its summary and the Generate press.</summary>
    public static IServiceCollection AddForm(this IServiceCollection services) =>
        services.AddSingleton<FormFlow>().AddSingleton<AnswerIntake>().AddSingleton<Lists.ListPresses>().AddSingleton<Confirmation>().AddSingleton<IFeature, FormFeature>();
}
