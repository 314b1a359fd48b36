using System.Collections.Concurrent;
using System.Text;
using KieBot.TestSupport.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace KieBot.TestSupport.Kie;

/// <summary>A POST received by <see cref="CallbackSink"/>.</summary>
public sealed record ReceivedCallback(string Body, string? Timestamp, string? Signature);

/// <summary>A receiver on 127.0.0.1 for the callbacks the fake KIE server POSTs.</summary>
public sealed class CallbackSink : IAsyncDisposable
{
    private readonly ConcurrentQueue<ReceivedCallback> received = new();
    private WebApplication app = null!;

    private CallbackSink()
    {
    }

    private void Receive(WebApplication host) =>
        host.Run(async context =>
        {
            if (context.Request.Path == LoopbackHost.WarmUpPath)
            {
                context.Response.StatusCode = 204;
                return;
            }

            using var reader = new StreamReader(context.Request.Body, Encoding.UTF8);
            var body = await reader.ReadToEndAsync().ConfigureAwait(false);
            received.Enqueue(new ReceivedCallback(
                body,
                context.Request.Headers["X-Webhook-Timestamp"].FirstOrDefault(),
                context.Request.Headers["X-Webhook-Signature"].FirstOrDefault()));
            context.Response.StatusCode = 200;
        });

    public Uri Url { get; private set; } = null!;

    public IReadOnlyList<ReceivedCallback> Received => received.ToArray();

    public static async Task<CallbackSink> StartAsync()
    {
        var sink = new CallbackSink();
        Uri baseUrl;
        (sink.app, baseUrl) = await LoopbackHost.StartAsync(sink.Receive).ConfigureAwait(false);
        sink.Url = new Uri(baseUrl, "kie/callback?token=t0k3n");
        return sink;
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync().ConfigureAwait(false);
        await app.DisposeAsync().ConfigureAwait(false);
    }
}
