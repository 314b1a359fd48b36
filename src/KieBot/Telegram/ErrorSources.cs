using KieBot.Storage;

namespace KieBot.Telegram;

/// <summary>The error-event sources as the Telegram side names them (see <see cref="ErrorSource"/>).</summary>
public static class ErrorSources
{
    public const string Kie = ErrorSource.Kie;
    public const string Provider = ErrorSource.Provider;
    public const string Telegram = ErrorSource.Telegram;
    public const string Network = ErrorSource.Network;
    public const string Storage = ErrorSource.Storage;
    public const string Bot = ErrorSource.Bot;

    public static string Of(Exception exception) => ErrorSource.Of(exception);
}
