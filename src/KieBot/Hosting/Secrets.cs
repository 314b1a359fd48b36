using Npgsql;

namespace KieBot.Hosting;

/// <summary>The configured secrets, so that logs can blank them out wherever they appear.</summary>
public static class Secrets
{
    public static IReadOnlyList<string> Of(BotOptions options)
    {
        var secrets = new List<string?> { options.TelegramToken, options.KieApiKey, options.WebhookSecret, options.KieCallbackToken, options.KieWebhookHmacKey, options.LocalGalleryKey };
        if (options.Storage.DatabaseUrl is { } url)
        {
            try
            {
                secrets.Add(Storage.Postgres.PostgresConnection.Parse(url).Password);
            }
            catch (FormatException)
            {
                // An unparsable URL never reaches a connection; keep it whole out of the logs instead.
                secrets.Add(url);
            }
        }

        if (options.TelegramToken is { } token && token.Split(':', 2) is [_, var secret])
        {
            secrets.Add(secret);
        }

        return secrets.Where(s => !string.IsNullOrEmpty(s) && s.Length >= 4).Select(s => s!).Distinct().OrderByDescending(s => s.Length).ToList();
    }
}
