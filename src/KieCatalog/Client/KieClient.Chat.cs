using System.Net.Http.Headers;
using System.Runtime.CompilerServices;
using KieCatalog.Chat;
using KieCatalog.Client.Chat;
using KieCatalog.Errors;

namespace KieCatalog.Client;

/// <summary>
/// Chat calls at the model's own endpoint (<see cref="ChatModeDescriptor.Path"/>), through the same resilience pipeline
/// as every KIE call. A stream is retried only until its response headers arrive: once KIE has begun to answer (and to
/// bill), a failure is thrown as it comes.
/// </summary>
public sealed partial class KieClient : IKieChat
{
    public async Task<ChatResponse> ChatAsync(ChatRequest request, CancellationToken cancellationToken = default)
    {
        var wire = ChatWire.For(request);
        var url = new Uri(options.BaseUrl, request.Mode.Path);
        var endpoint = "POST " + url.AbsolutePath;
        var body = wire.Body(request, stream: false);
        return await resilience.ExecuteAsync(
            KieOperation.Chat,
            endpoint,
            idempotent: true,
            upload: false,
            async ct =>
            {
                using var response = await SendChatAsync(url, body, endpoint, stream: false, ct).ConfigureAwait(false);
                var text = await ReadChatBodyAsync(response, endpoint, ct).ConfigureAwait(false);
                ChatFailures.ThrowIfFailed(response, text, endpoint);
                return wire.ReadResponse(text, endpoint);
            },
            cancellationToken).ConfigureAwait(false);
    }

    public async IAsyncEnumerable<ChatDelta> StreamChatAsync(ChatRequest request, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var wire = ChatWire.For(request);
        var url = new Uri(options.BaseUrl, request.Mode.Path);
        var endpoint = "POST " + url.AbsolutePath;
        var body = wire.Body(request, stream: true);
        using var response = await resilience.ExecuteAsync(
            KieOperation.Chat,
            endpoint,
            idempotent: true,
            upload: false,
            ct => OpenStreamAsync(url, body, endpoint, ct),
            cancellationToken).ConfigureAwait(false);
        var content = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        var decoder = wire.Decoder(endpoint);
        await foreach (var e in SseReader.ReadAsync(content, endpoint, options.ChatTimeout, cancellationToken).ConfigureAwait(false))
        {
            if (decoder.Read(e) is { Length: > 0 } text)
            {
                yield return new ChatDelta(text);
            }

            if (decoder.Done)
            {
                break;
            }
        }

        yield return decoder.Finish();
    }

    /// <summary>Sends a streaming request and hands back the open response once KIE has answered 2xx with an event stream.</summary>
    private async Task<HttpResponseMessage> OpenStreamAsync(Uri url, byte[] body, string endpoint, CancellationToken ct)
    {
        var response = await SendChatAsync(url, body, endpoint, stream: true, ct).ConfigureAwait(false);
        if (response.IsSuccessStatusCode && response.Content.Headers.ContentType?.MediaType == "text/event-stream")
        {
            return response;
        }

        using (response)
        {
            var text = await ReadChatBodyAsync(response, endpoint, ct).ConfigureAwait(false);
            ChatFailures.ThrowIfFailed(response, text, endpoint);
            var type = response.Content.Headers.ContentType?.MediaType ?? "no content type";
            throw ChatWire.Malformed(endpoint, $"a streamed answer came as {type}, not text/event-stream");
        }
    }

    private async Task<HttpResponseMessage> SendChatAsync(Uri url, byte[] body, string endpoint, bool stream, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = JsonBody(body) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", options.ApiKey);
        if (stream)
        {
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));
        }

        try
        {
            return await http.SendAsync(request, stream ? HttpCompletionOption.ResponseHeadersRead : HttpCompletionOption.ResponseContentRead, ct).ConfigureAwait(false);
        }
        catch (HttpRequestException e)
        {
            throw NetworkError(KieOperation.Chat, endpoint, e);
        }
        catch (IOException e)
        {
            throw NetworkError(KieOperation.Chat, endpoint, e);
        }
    }

    private static async Task<string> ReadChatBodyAsync(HttpResponseMessage response, string endpoint, CancellationToken ct)
    {
        try
        {
            return await response.Content.ReadAsStringAsync(ct).ConfigureAwait(false);
        }
        catch (HttpRequestException e)
        {
            throw NetworkError(KieOperation.Chat, endpoint, e);
        }
        catch (IOException e)
        {
            throw NetworkError(KieOperation.Chat, endpoint, e);
        }
    }
}
