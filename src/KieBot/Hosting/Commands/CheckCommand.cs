using System.Text.Json;
using System.Text.Json.Serialization;
using KieBot.Ops;
using KieBot.Storage;
using KieCatalog;
using KieCatalog.Client;
using KieCatalog.Errors;

namespace KieBot.Hosting.Commands;

public enum CheckStatus
{
    Ok,
    Warning,
    Failed,
}

/// <summary>One line of the readiness report.</summary>
public sealed record CheckItem(string Name, CheckStatus Status, string Detail);

/// <summary>
/// <c>check</c>: pre-deploy readiness. Configuration valid and complete for Telegram, database reachable and migrated,
/// ledger balances equal to its rows, catalog loaded, KIE key accepted (a credits call) unless dry-run. Exit 1 when any
/// line failed.
/// </summary>
public static class CheckCommand
{
    public static async Task<int> RunAsync(Func<string, string?> env, TextWriter output, bool json, CancellationToken ct = default)
    {
        var items = await CheckAsync(env, ct).ConfigureAwait(false);
        if (json)
        {
            await output.WriteLineAsync(JsonSerializer.Serialize(items, CheckJson.Default.IReadOnlyListCheckItem)).ConfigureAwait(false);
        }
        else
        {
            foreach (var item in items)
            {
                var mark = item.Status switch { CheckStatus.Ok => "ok  ", CheckStatus.Warning => "warn", _ => "FAIL" };
                await output.WriteLineAsync($"{mark}  {item.Name}: {item.Detail}").ConfigureAwait(false);
            }

            var failed = items.Count(i => i.Status == CheckStatus.Failed);
            await output.WriteLineAsync(failed == 0 ? "ready" : $"not ready: {failed} problem(s)").ConfigureAwait(false);
        }

        return items.Any(i => i.Status == CheckStatus.Failed) ? 1 : 0;
    }

    public static async Task<IReadOnlyList<CheckItem>> CheckAsync(Func<string, string?> env, CancellationToken ct)
    {
        var items = new List<CheckItem>();
        var options = BotOptions.Read(env, out var problems);
        items.AddRange(problems.Select(p => new CheckItem("configuration", CheckStatus.Failed, p)));
        if (problems.Count == 0)
        {
            // Each feature reads its own settings when it is registered: registering them all is the check.
            try
            {
                var services = new ServiceCollection().AddBot(options);
                items.Add(new CheckItem("configuration", CheckStatus.Ok, $"run mode {options.RunMode}, dry run {(options.DryRun ? "on" : "off")}"));
                foreach (var offer in services.Where(d => d.ServiceType == typeof(KieBot.Conversation.ChatOffer)).Select(d => d.ImplementationInstance).OfType<KieBot.Conversation.ChatOffer>())
                {
                    items.Add(new CheckItem("chat " + offer.Prefix.ToLowerInvariant(), offer.IsOn ? CheckStatus.Ok : CheckStatus.Warning, offer.Describe()));
                }
            }
            catch (KieBot.Conversation.FeatureConfigurationException e)
            {
                items.AddRange(e.Problems.Select(p => new CheckItem("configuration", CheckStatus.Failed, p)));
            }
        }

        items.Add(options.TelegramToken is null
            ? new CheckItem("telegram", CheckStatus.Failed, "TELEGRAM_BOT_TOKEN is not set: the bot would start as a console chat")
            : new CheckItem("telegram", CheckStatus.Ok, options.WebhookUrl is null ? "long polling" : $"webhook {options.WebhookUrl.Host}"));
        items.Add(options.AdminId is null
            ? new CheckItem("admin", CheckStatus.Warning, "ADMIN_ID is not set: nobody can use the admin panel")
            : new CheckItem("admin", CheckStatus.Ok, "ADMIN_ID set"));
        items.AddRange(await StoreAsync(options, ct).ConfigureAwait(false));
        items.Add(new CheckItem("catalog", CheckStatus.Ok, $"{Models.Version}: {Models.All.Count} models, {Models.AllModes.Count} modes, {Models.AllModes.Count(m => m.IsVisible)} visible"));
        var shelf = new KieBot.Conversation.Shelf(options.KieCallbackUrl);
        if (shelf.Withheld.Count > 0)
        {
            items.Add(new CheckItem("callbacks", CheckStatus.Warning,
                $"{shelf.Withheld.Count} visible modes ({string.Join(", ", shelf.Withheld.Select(m => m.Model.Name).Distinct())}) are not on sale: KIE requires a callback URL on every task of these (or of the results they continue), and neither PUBLIC_URL nor WEBHOOK_URL is set"));
        }
        items.Add(await KieAsync(options, ct).ConfigureAwait(false));
        return items;
    }

    private static async Task<IReadOnlyList<CheckItem>> StoreAsync(BotOptions options, CancellationToken ct)
    {
        var items = new List<CheckItem>();
        if (options.Storage.DatabaseUrl is null)
        {
            items.Add(new CheckItem("database", CheckStatus.Warning, "DATABASE_URL is not set: an embedded SQLite file, lost when a container is replaced"));
        }

        IBotStore store;
        try
        {
            store = BotStores.Open(options.Storage);
        }
        catch (FormatException e)
        {
            return [new CheckItem("database", CheckStatus.Failed, e.Message)];
        }

        await using (store)
        {
            try
            {
                var version = await store.SchemaVersionAsync(ct).ConfigureAwait(false);
                items.Add(new CheckItem("database", CheckStatus.Ok, store.Description + " reachable"));
                items.Add(version == store.TargetSchemaVersion
                    ? new CheckItem("migrations", CheckStatus.Ok, $"schema version {version}")
                    : new CheckItem("migrations", CheckStatus.Failed, $"schema version {version}, this build needs {store.TargetSchemaVersion}: run `migrate`"));
                if (version > 0)
                {
                    var ledger = await store.Ledger.CheckAsync(ct).ConfigureAwait(false);
                    items.Add(ledger.IsConsistent
                        ? new CheckItem("ledger", CheckStatus.Ok, $"{ledger.Entries} rows; balances equal their rows")
                        : new CheckItem("ledger", CheckStatus.Failed, $"balances differ from their rows for users {string.Join(", ", ledger.MismatchedUsers.Take(10))}; negative balances: {ledger.NegativeBalances}"));
                }
            }
            catch (System.Data.Common.DbException e)
            {
                items.Add(new CheckItem("database", CheckStatus.Failed, $"{store.Description}: {e.Message}"));
            }
        }

        return items;
    }

    private static async Task<CheckItem> KieAsync(BotOptions options, CancellationToken ct)
    {
        if (options.DryRun)
        {
            return new CheckItem("kie", CheckStatus.Ok, "dry run: no KIE calls are made");
        }

        if (options.KieApiKey is null)
        {
            return new CheckItem("kie", CheckStatus.Failed, "KIE_API_KEY is not set");
        }

        var services = new ServiceCollection().AddLogging();
        services.AddKieClient(k =>
        {
            options.ConfigureKie(k);
            k.MaxRetries = 1;
            k.TotalTimeout = TimeSpan.FromSeconds(30);
        });
        await using var provider = services.BuildServiceProvider();
        try
        {
            var credits = await provider.GetRequiredService<IKieGateway>().GetCreditsAsync(ct).ConfigureAwait(false);
            return new CheckItem("kie", CheckStatus.Ok, $"key accepted; account has {credits} credits");
        }
        catch (KieException e)
        {
            return new CheckItem("kie", CheckStatus.Failed, $"{e.Kind}: {e.Error.Detail}");
        }
    }
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, UseStringEnumConverter = true, WriteIndented = true)]
[JsonSerializable(typeof(IReadOnlyList<CheckItem>))]
internal sealed partial class CheckJson : JsonSerializerContext;
