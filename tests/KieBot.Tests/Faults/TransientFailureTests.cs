using System.Net;
using System.Net.Sockets;
using KieBot.Telegram;
using Telegram.Bot.Exceptions;

namespace KieBot.Tests.Faults;

/// <summary>Which failures leave an update unacknowledged (Telegram delivers it again) and which are the bot's own.</summary>
public sealed class TransientFailureTests
{
    public static TheoryData<Exception, bool> Failures() => new()
    {
        { new ApiRequestException("Bad Gateway", 502), true },
        { new ApiRequestException("Too Many Requests: retry after 70", 429), true },
        { new RequestException("Telegram answered an HTML page", HttpStatusCode.BadGateway), true },
        { new RequestException("Exception during making request", new HttpRequestException("connection reset")), true },
        { new Npgsql.NpgsqlException("Failed to connect", new SocketException((int)SocketError.ConnectionRefused)), true },
        { new Npgsql.PostgresException("terminating connection due to administrator command", "FATAL", "FATAL", "57P01"), true },
        { new InvalidOperationException("wrapped", new TimeoutException("pool exhausted")), true },
        { new ApiRequestException("Bad Request: message text is empty", 400), false },
        { new RequestException("Telegram answered 400 in HTML", HttpStatusCode.BadRequest), false },
        { new ChatUnavailableException(42, new ApiRequestException("Forbidden: bot was blocked by the user", 403)), false },
        { new Npgsql.PostgresException("duplicate key value violates unique constraint", "ERROR", "ERROR", "23505"), false },
        { new InvalidOperationException("a bug"), false },
    };

    [Theory]
    [MemberData(nameof(Failures))]
    public void A_failure_is_transient_only_when_it_says_nothing_about_the_update(Exception failure, bool transient) =>
        Assert.Equal(transient, TransientFailure.Is(failure));
}
