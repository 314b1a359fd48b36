using KieBot.Features.Admin;
using KieBot.Features.Balance;
using KieBot.Features.Browse;
using KieBot.Features.Form;
using KieBot.Features.Gallery;
using KieBot.Features.Growth;
using KieBot.Features.History;
using KieBot.Features.Menu;
using KieBot.Features.Payments.Bank;
using KieBot.Features.Payments.Stars;
using KieBot.Features.Text;
using KieBot.Generations;
using KieBot.Storage;
using KieBot.Telegram;
using KieCatalog.Client;
using KieCatalog.Fake;
using Microsoft.Extensions.DependencyInjection.Extensions;
using KieBot.Conversation;

namespace KieBot.Hosting;

/// <summary>The services every run mode shares; the transport adds its <see cref="IChatSurface"/>.</summary>
public static class BotComposition
{
    public static IServiceCollection AddBot(this IServiceCollection services, BotOptions options)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(options);
        services.TryAddSingleton(HostIdentity.New());
        services.AddSingleton(sp => BotStores.Open(options.Storage, sp.GetRequiredService<TimeProvider>()));
        if (options.DryRun)
        {
            services.AddSingleton<IKieGateway>(sp => new FakeKieGateway(sp.GetRequiredService<TimeProvider>()));
            services.AddSingleton<IKieChat>(sp => (IKieChat)sp.GetRequiredService<IKieGateway>());
        }
        else
        {
            services.AddKieClient(options.ConfigureKie);
        }

        services.AddSingleton(new Pricing(options.PriceMarkup, options.CreditToRubRate));
        services.AddSingleton(new Shelf(options.KieCallbackUrl));
        services.AddSingleton(options.Growth with
        {
            WelcomeCredits = options.WelcomeCredits,
            MaxConcurrentGenerations = options.MaxConcurrentGenerations,
            DryRun = options.DryRun,
            AdminId = options.AdminId,
            CallbackUrl = options.KieCallbackUrl,
            GalleryUrl = GalleryOptions.On(options.PublicUrl ?? options.WebhookUrl),
        });
        services.AddSingleton<FreeQuota>();
        services.AddConversation();

        // One line per feature; their buttons on the shared screens come in this order.
        services.AddMenu();
        services.AddBrowse();
        services.AddForm(options.Env, options.DryRun);
        services.AddText(options.Env, options.DryRun);
        services.AddBalance();
        services.AddHistory();
        services.AddAdmin();
        services.AddStarsPayments(options.Env);
        services.AddGrowth();
        services.AddBankTransfers(options.Env);
        services.AddGallery(options.Env, options.TelegramToken ?? options.LocalGalleryKey, options.PublicUrl ?? options.WebhookUrl);
        services.AddSingleton(sp => new KieCallbackParser(options.KieWebhookHmacKey, TimeSpan.FromMinutes(5), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton(new GenerationOptions
        {
            MaxConcurrentGenerations = options.MaxConcurrentGenerations,
            DryRun = options.DryRun,
            CallbackUrl = options.KieCallbackUrl,
            FreeModes = options.Growth.FreeModes,
            FreeDaily = options.Growth.FreeDaily,
            FreeTimeZone = options.Growth.FreeTimeZone,
        });
        services.AddSingleton<BackgroundCreates>();
        services.AddSingleton<GenerationSubmitter>();
        services.AddSingleton<GenerationTracker>();
        services.AddSingleton<MeteredChat>();
        services.AddSingleton<MeteredCallSweeper>();
        services.AddSingleton<UpdatePipeline>();
        return services;
    }
}
