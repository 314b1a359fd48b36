using System.Net;

namespace KieBot.Telegram;

/// <summary>
/// Retries a Bot API call that failed on the way (a dropped connection, or Telegram answering 500, 502, 503 or 504)
/// after a short, bounded back-off: a one-off Telegram error costs a user nothing. 429 is left to Telegram.Bot, which
/// waits out <c>retry_after</c> itself (stacking a second 429 retry would double the waits). The request's content is
/// buffered first, so a file upload can be sent again too.
/// </summary>
public sealed class BotApiRetryHandler(TimeProvider time) : DelegatingHandler
{
    /// <summary>The pauses before the second and the third try.</summary>
    public static readonly TimeSpan[] Pauses = [TimeSpan.FromMilliseconds(300), TimeSpan.FromSeconds(1)];

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.Content is { } content)
        {
            await content.LoadIntoBufferAsync(cancellationToken).ConfigureAwait(false);
        }

        for (var attempt = 0; ; attempt++)
        {
            var last = attempt == Pauses.Length;
            try
            {
                var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
                if (last || !IsTransient(response.StatusCode))
                {
                    return response;
                }

                response.Dispose();
            }
            catch (HttpRequestException) when (!last && !cancellationToken.IsCancellationRequested)
            {
                // The connection dropped: try again.
            }

            await Task.Delay(Pauses[attempt], time, cancellationToken).ConfigureAwait(false);
        }
    }

    private static bool IsTransient(HttpStatusCode status) =>
        status is HttpStatusCode.InternalServerError or HttpStatusCode.BadGateway or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout;
}
