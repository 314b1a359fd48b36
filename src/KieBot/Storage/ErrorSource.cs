using System.Data.Common;
using KieCatalog.Errors;

namespace KieBot.Storage;

/// <summary>The source an error event is filed under in the report: kie, provider, telegram, network, storage or bot.</summary>
public static class ErrorSource
{
    public const string Kie = "kie";
    public const string Provider = "provider";
    public const string Telegram = "telegram";
    public const string Network = "network";
    public const string Storage = "storage";
    public const string Bot = "bot";

    /// <summary>The source of a failure, told by its type (Telegram's by their namespace, so that storage and generations need no Telegram types).</summary>
    public static string Of(Exception exception) => exception switch
    {
        KieException { Kind: KieErrorKind.ProviderFailed or KieErrorKind.ContentPolicy } => Provider,
        KieException => Kie,
        _ when exception.GetType().Namespace?.StartsWith("Telegram.Bot", StringComparison.Ordinal) == true || exception.GetType().Name == "ChatUnavailableException" => Telegram,
        DbException => Storage,
        HttpRequestException or IOException or TimeoutException => Network,
        _ => Bot,
    };
}
