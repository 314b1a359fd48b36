using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using KieBot.TestSupport.Hosting;
using KieCatalog.Catalog;
using KieCatalog.Client;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace KieBot.TestSupport.Kie;

/// <summary>One request the fake server saw.</summary>
public sealed record FakeKieRequest(string Method, string Path, string Query, string? UserAgent, string? Authorization, string Body);

/// <summary>
/// KIE's HTTP API on 127.0.0.1 and a random port: the Market jobs API and every family endpoint the client follows
/// (<see cref="KieEndpoints"/>: create answers, record bodies and synchronous answers in KIE's documented shapes),
/// credits and the three upload endpoints, with the real envelopes and scriptable faults. Each status read moves a
/// task one step (waiting → queuing → generating → success|fail); a task read at another endpoint's status path is unknown there.
/// </summary>
public sealed partial class FakeKieServer : IAsyncDisposable
{
    private readonly ConcurrentQueue<FakeKieRequest> requests = new();
    private readonly ConcurrentDictionary<string, FakeKieTask> tasks = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, ConcurrentQueue<FakeKieFault>> faults = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<(string Code, string Message)> taskFailures = new();
    private readonly ConcurrentQueue<DateTimeOffset> recentCreates = new();
    private readonly List<Task> deliveries = [];
    private readonly Dictionary<string, Task> callbackChains = new(StringComparer.Ordinal);
    private readonly HttpClient callbackClient = new() { Timeout = TimeSpan.FromSeconds(15) };
    private readonly object balanceGate = new();
    private decimal balance = 1_000_000m;
    private long sequence;

    private WebApplication app = null!;

    private FakeKieServer()
    {
    }

    public const string DefaultApiKey = "kie-test-key-5b1f0c9e7d";

    /// <summary>The key requests must carry; anything else gets KIE's 401 envelope.</summary>
    public string ApiKey { get; init; } = DefaultApiKey;

    public Uri BaseUrl { get; private set; } = null!;

    /// <summary>When set, callbacks carry KIE's HMAC headers.</summary>
    public string? WebhookHmacKey { get; set; }

    /// <summary>Deliver every callback twice (idempotency tests).</summary>
    public bool DuplicateCallbacks { get; set; }

    /// <summary>Answer 429 beyond 20 creates in 10 seconds, as KIE does.</summary>
    public bool EnforceRateLimit { get; set; }

    /// <summary>Result files of each successful media task.</summary>
    public int ResultsPerTask { get; set; } = 1;

    /// <summary>The length in seconds KIE "measures" of any uploaded file that prices a mode (see ParamDescriptor.DurationPriced).</summary>
    public int FileSeconds { get; set; } = 5;

    /// <summary>Status reads needed before a task ends (at most 3).</summary>
    public int ReadsToFinish { get; set; } = 3;

    public IReadOnlyList<FakeKieRequest> Requests => requests.ToArray();

    public IReadOnlyDictionary<string, FakeKieTask> Tasks => tasks;

    public decimal Balance
    {
        get
        {
            lock (balanceGate)
            {
                return balance;
            }
        }

        set
        {
            lock (balanceGate)
            {
                balance = value;
            }
        }
    }

    public static async Task<FakeKieServer> StartAsync()
    {
        var server = new FakeKieServer();
        (server.app, server.BaseUrl) = await LoopbackHost.StartAsync(app => app.Run(server.HandleAsync)).ConfigureAwait(false);
        return server;
    }

    /// <summary>Options pointing a <see cref="KieClient"/> at this server (fast retries for tests).</summary>
    public void Configure(KieClientOptions options)
    {
        options.BaseUrl = BaseUrl;
        options.UploadBaseUrl = BaseUrl;
        options.ApiKey = ApiKey;
        options.RetryBaseDelay = TimeSpan.FromMilliseconds(20);
        options.MaxRetryDelay = TimeSpan.FromSeconds(2);
        options.CreateRateLimitDelay = TimeSpan.FromMilliseconds(50);
        options.AttemptTimeout = TimeSpan.FromSeconds(10);
        options.TotalTimeout = TimeSpan.FromSeconds(60);
        options.ChatTimeout = TimeSpan.FromSeconds(10);
    }

    /// <summary>The next <paramref name="times"/> requests to <paramref name="path"/> misbehave as <paramref name="fault"/>.</summary>
    public void Inject(string path, FakeKieFault fault, int times = 1)
    {
        var queue = faults.GetOrAdd(path, _ => new ConcurrentQueue<FakeKieFault>());
        for (var i = 0; i < times; i++)
        {
            queue.Enqueue(fault);
        }
    }

    /// <summary>The next created task ends in <c>fail</c> with this failCode and failMsg.</summary>
    public void FailNextTask(string failCode, string failMessage) => taskFailures.Enqueue((failCode, failMessage));

    public int CountOf(string path) => requests.Count(r => r.Path == path);

    public async ValueTask DisposeAsync()
    {
        await DrainCallbacksAsync().ConfigureAwait(false);
        callbackClient.Dispose();
        await app.StopAsync().ConfigureAwait(false);
        await app.DisposeAsync().ConfigureAwait(false);
    }

    /// <summary>Exceptions the fake itself threw while answering (a bug in a test or in the fake).</summary>
    public IReadOnlyList<Exception> Crashes => crashes.ToArray();

    private readonly ConcurrentQueue<Exception> crashes = new();

    private async Task HandleAsync(HttpContext context)
    {
        try
        {
            await AnswerAsync(context).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            crashes.Enqueue(e);
            throw;
        }
    }

    private async Task AnswerAsync(HttpContext context)
    {
        if (context.Request.Path == LoopbackHost.WarmUpPath)
        {
            context.Response.StatusCode = 204;
            return;
        }

        var request = context.Request;
        request.EnableBuffering();
        string body;
        using (var reader = new StreamReader(request.Body, Encoding.UTF8, leaveOpen: true))
        {
            body = await reader.ReadToEndAsync().ConfigureAwait(false);
        }

        request.Body.Position = 0;
        var form = request.HasFormContentType ? await request.ReadFormAsync().ConfigureAwait(false) : null;

        var path = request.Path.Value ?? "/";
        requests.Enqueue(new FakeKieRequest(request.Method, path, request.QueryString.Value ?? string.Empty, request.Headers.UserAgent.ToString(), request.Headers.Authorization.ToString(), body));

        if (request.Method == "GET" && path.StartsWith("/results/", StringComparison.Ordinal))
        {
            await ServeResultAsync(context, path).ConfigureAwait(false);
            return;
        }

        FakeKieFault? fault = faults.TryGetValue(path, out var queue) && queue.TryDequeue(out var next) ? next : null;
        switch (fault)
        {
            case HttpStatusFault f:
                if (f.RetryAfter is { } wait)
                {
                    context.Response.Headers.RetryAfter = ((int)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                }

                await WriteAsync(context, f.Status, FakeKieWire.Envelope(f.Status, f.Message ?? "fault " + f.Status, null)).ConfigureAwait(false);
                return;
            case CodeFault f:
                await WriteAsync(context, 200, FakeKieWire.Envelope(f.Code, f.Message ?? "fault " + f.Code, null)).ConfigureAwait(false);
                return;
            case MalformedFault:
                context.Response.ContentType = "application/json";
                await context.Response.WriteAsync("{\"code\":200,\"msg\":\"success\",\"data\":{\"taskId\":").ConfigureAwait(false);
                return;
            case HtmlFault f:
                context.Response.StatusCode = f.Status;
                context.Response.ContentType = "text/html";
                await context.Response.WriteAsync("<html><body>error code: 1010</body></html>").ConfigureAwait(false);
                return;
        }

        if (request.Method == "POST" && IsChatPath(path))
        {
            await AnswerChatAsync(context, path, body, fault).ConfigureAwait(false);
            return;
        }

        var (status, answer) = Route(request.Method, path, request.Query["taskId"].ToString(), body, request, form);
        if (fault is SlowFault slow)
        {
            try
            {
                await Task.Delay(slow.Delay, context.RequestAborted).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }

        if (fault is HeldFault held)
        {
            try
            {
                await held.Release.WaitAsync(context.RequestAborted).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }

        if (fault is DropFault)
        {
            context.Abort();
            return;
        }

        await WriteAsync(context, status, answer).ConfigureAwait(false);
    }

    private (int Status, JsonObject Answer) Route(string method, string path, string taskId, string body, HttpRequest request, IFormCollection? form)
    {
        if (request.Headers.Authorization.ToString() != "Bearer " + ApiKey)
        {
            // Live KIE answers a bad key with HTTP 200 and code 401.
            return (200, FakeKieWire.Envelope(401, "You do not have access permissions", null));
        }

        if (method == "GET" && path == "/api/v1/chat/credit")
        {
            return (200, FakeKieWire.Envelope(200, "success", Balance));
        }

        if (method == "POST" && path.StartsWith("/api/file-", StringComparison.Ordinal))
        {
            return Upload(path, body, form);
        }

        if (HighDefinition(method, path, taskId, request, body) is { } answer)
        {
            return answer;
        }

        if (method == "POST" && CreateEndpoint(path) is { } endpoint)
        {
            return Create(endpoint, body);
        }

        if (method == "GET" && IsStatusPath(path))
        {
            return Read(path, taskId);
        }

        return (200, FakeKieWire.Envelope(404, "Not found", null));
    }

    private static async Task WriteAsync(HttpContext context, int status, JsonObject answer)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(answer.ToJsonString()).ConfigureAwait(false);
    }
}
