using KieBot.Conversation;
using Microsoft.Extensions.DependencyInjection;

namespace KieBot.Features.Menu;

public static class MenuRegistration
{
    /// <summary>The main menu, help and the language picker.</summary>
    public static IServiceCollection AddMenu(this IServiceCollection services) => services.AddSingleton<IFeature, MenuFeature>();
}
