using KieBot.Conversation;
using Microsoft.Extensions.DependencyInjection;

namespace KieBot.Features.Browse;

public static class BrowseRegistration
{
    /// <summary>The catalog's categories, pages and model cards.</summary>
    public static IServiceCollection AddBrowse(this IServiceCollection services) => services.AddSingleton<IFeature, BrowseFeature>();
}
