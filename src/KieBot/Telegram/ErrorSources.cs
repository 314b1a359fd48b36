using System.Data.Common;
using KieCatalog.Errors;

namespace KieBot.Telegram;

/// <summary>The source an error event is filed under in the report: kie, provider, telegram, network, storage or bot.</summary>
public static class ErrorSources
{
    public const string Kie = "kie";
    public const string Provider = "provider";
    public const string Telegram = "telegram";
    public const string Network = "network";
    public const string Storage = "storage";
    public const string Bot = "bot";

    public static string Of(Exception exception) => exception switch
    {
        KieException { Kind: KieErrorKind.ProviderFailed or KieErrorKind.ContentPolicy } => Provider,
        KieException => Kie,
        global::Telegram.Bot.Exceptions.ApiRequestException or ChatUnavailableException => Telegram,
        DbException => Storage,
        HttpRequestException or IOException or TimeoutException => Network,
        _ => Bot,
    };
}
