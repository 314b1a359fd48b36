using System.Globalization;
using System.Net.Http;
using System.Runtime.CompilerServices;
using System.Text;
using KieCatalog.Errors;

namespace KieCatalog.Client.Chat;

/// <summary>
/// Server-sent events from a response stream, strictly: <c>data:</c>, <c>event:</c>, <c>id:</c>, <c>retry:</c>,
/// comments and blank lines; any other line is a malformed answer naming its line. A broken connection is a network
/// error; a stream silent for <c>idleTimeout</c> is a timeout.
/// </summary>
internal static class SseReader
{
    public static async IAsyncEnumerable<SseEvent> ReadAsync(Stream stream, string endpoint, TimeSpan idleTimeout, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: false);
        string? name = null;
        var data = new StringBuilder();
        var hasData = false;
        var number = 0;
        while (true)
        {
            var line = await ReadLineAsync(reader, endpoint, idleTimeout, cancellationToken).ConfigureAwait(false);
            if (line is null)
            {
                if (hasData)
                {
                    yield return new SseEvent(name, data.ToString(), number);
                }

                yield break;
            }

            number++;
            if (line.Length == 0)
            {
                if (hasData)
                {
                    yield return new SseEvent(name, data.ToString(), number);
                }

                (name, hasData) = (null, false);
                data.Clear();
                continue;
            }

            if (line[0] == ':')
            {
                continue;
            }

            var colon = line.IndexOf(':', StringComparison.Ordinal);
            var field = colon < 0 ? line : line[..colon];
            var value = colon < 0 ? string.Empty : line[(colon + 1)..];
            if (value.StartsWith(' '))
            {
                value = value[1..];
            }

            switch (field)
            {
                case "data":
                    if (hasData)
                    {
                        data.Append('\n');
                    }

                    data.Append(value);
                    hasData = true;
                    break;
                case "event":
                    name = value;
                    break;
                case "id" or "retry":
                    break;
                default:
                    throw ChatWire.Malformed(endpoint, string.Create(CultureInfo.InvariantCulture, $"stream line {number} is not a server-sent event line: '{KieError.Shorten(line)}'"));
            }
        }
    }

    private static async Task<string?> ReadLineAsync(StreamReader reader, string endpoint, TimeSpan idleTimeout, CancellationToken cancellationToken)
    {
        using var idle = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        idle.CancelAfter(idleTimeout);
        try
        {
            return await reader.ReadLineAsync(idle.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            var detail = string.Create(CultureInfo.InvariantCulture, $"{endpoint}: the stream sent nothing for {idleTimeout.TotalSeconds:0.#} s");
            throw new KieException(new KieError(KieErrorKind.Timeout, KieOperation.Chat, detail), e);
        }
        catch (Exception e) when (e is IOException or HttpRequestException)
        {
            var detail = $"{endpoint}: the connection broke while the answer was streaming ({e.GetType().Name})";
            throw new KieException(new KieError(KieErrorKind.Network, KieOperation.Chat, detail), e);
        }
    }
}
