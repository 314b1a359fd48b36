using KieBot.Generations;
using KieBot.Storage;
using KieBot.Telegram;
using Serilog;
using Serilog.Events;

namespace KieBot.Hosting;

/// <summary>Reads the configuration and runs the bot in the mode it asks for.</summary>
public static class BotRunner
{
    /// <summary>Credits a console user starts with (nothing is charged in the try-out; this lets every model be tried).</summary>
    public static readonly Credits TryOutCredits = Credits.Whole(5_000);

    public static async Task<int> RunAsync(Func<string, string?> env, TextReader input, TextWriter output, TextWriter errors, CancellationToken ct = default)
    {
        try
        {
            return await RunModeAsync(env, input, output, errors, ct).ConfigureAwait(false);
        }
        catch (KieBot.Conversation.FeatureConfigurationException e)
        {
            // A feature's own settings are checked when it is registered: reported like the host's.
            foreach (var problem in e.Problems)
            {
                await errors.WriteLineAsync("configuration: " + problem).ConfigureAwait(false);
            }

            return 2;
        }
    }

    private static async Task<int> RunModeAsync(Func<string, string?> env, TextReader input, TextWriter output, TextWriter errors, CancellationToken ct)
    {
        var options = BotOptions.Read(env, out var problems);
        if (problems.Count > 0)
        {
            foreach (var problem in problems)
            {
                await errors.WriteLineAsync("configuration: " + problem).ConfigureAwait(false);
            }

            return 2;
        }

        if (options.RunMode != "console")
        {
            return await TelegramHost.RunAsync(options, ct).ConfigureAwait(false);
        }

        // The try-out: the embedded store, enough credits to try a video, logs only for problems (the chat owns the
        // terminal); the fake KIE unless real generation is configured (ALLOW_REAL_GENERATION=1 and KIE_API_KEY), so an
        // operator can try one real generation from the console.
        var console = options with
        {
            Storage = options.Storage with { DatabaseUrl = null },
            WelcomeCredits = options.WelcomeCredits > TryOutCredits ? options.WelcomeCredits : TryOutCredits,
        };
        await using var logger = new LoggerConfiguration()
            .MinimumLevel.Warning()
            .WriteTo.Sink(new RedactingSink(errors, Secrets.Of(console)))
            .CreateLogger();
        var services = new ServiceCollection()
            .AddLogging(b => b.AddSerilog(logger))
            .AddBot(console)
            .AddSingleton(new ConsoleSurface(output))
            .AddSingleton<IChatSurface>(sp => sp.GetRequiredService<ConsoleSurface>())
            .AddSingleton<IPaymentSurface>(sp => sp.GetRequiredService<ConsoleSurface>())
            .AddSingleton<IBotProfile>(sp => sp.GetRequiredService<ConsoleSurface>())
            .AddSingleton<ConsoleChat>();
        await using var provider = services.BuildServiceProvider();
        await provider.GetRequiredService<IBotStore>().MigrateAsync(ct).ConfigureAwait(false);
        await using var gallery = await ConsoleGallery.StartAsync(provider, console.Port, ct).ConfigureAwait(false);
        var link = gallery?.LinkFor(ConsoleChat.UserId, "en", console.LocalGalleryKey);
        return await provider.GetRequiredService<ConsoleChat>().RunAsync(input, ct, link).ConfigureAwait(false);
    }
}
