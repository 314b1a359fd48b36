using System.Net.Sockets;
using KieBot.Storage;
using global::Telegram.Bot.Exceptions;

namespace KieBot.Telegram;

/// <summary>
/// Failures that say nothing about the update itself: the database or the Bot API was unreachable, overloaded or
/// restarting. An update that failed this way is not acknowledged, so it is handled again once they are back.
/// </summary>
public static class TransientFailure
{
    public static bool Is(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case ChatUnavailableException:
                    return false;
                case Exception when StorageFailure.IsTransient(e):
                case SocketException:
                case HttpRequestException:
                case IOException:
                case ApiRequestException { ErrorCode: >= 500 or 429 }:
                case RequestException { HttpStatusCode: { } status } when (int)status >= 500 || (int)status == 429:
                    return true;
                case AggregateException aggregate when aggregate.InnerExceptions.Any(Is):
                    return true;
            }
        }

        return false;
    }
}
