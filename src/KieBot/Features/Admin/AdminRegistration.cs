using KieBot.Conversation;
using Microsoft.Extensions.DependencyInjection;

namespace KieBot.Features.Admin;

public static class AdminRegistration
{
    /// <summary>The admin's panel, commands and broadcasts.</summary>
    public static IServiceCollection AddAdmin(this IServiceCollection services) =>
        services.AddSingleton<AdminCommands>().AddSingleton<AdminReports>().AddSingleton<Broadcaster>().AddSingleton<IFeature, AdminFeature>();
}
