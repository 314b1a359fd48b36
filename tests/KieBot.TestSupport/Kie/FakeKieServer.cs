using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using KieCatalog;
using KieCatalog.Catalog;
using KieBot.TestSupport.Hosting;
using KieCatalog.Client;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace KieBot.TestSupport.Kie;

/// <summary>One request the fake server saw.</summary>
public sealed record FakeKieRequest(string Method, string Path, string Query, string? UserAgent, string? Authorization, string Body);

/// <summary>
/// KIE's HTTP API on 127.0.0.1 and a random port: the Market jobs API and the legacy families the catalog wires,
/// credits and the three upload endpoints, with the real envelopes and shapes, and scriptable faults.
/// Each status read moves a task one step (waiting → queuing → generating → success|fail).
/// </summary>
public sealed class FakeKieServer : IAsyncDisposable
{
    private readonly ConcurrentQueue<FakeKieRequest> requests = new();
    private readonly ConcurrentDictionary<string, FakeKieTask> tasks = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, ConcurrentQueue<FakeKieFault>> faults = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<(string Code, string Message)> taskFailures = new();
    private readonly ConcurrentQueue<DateTimeOffset> recentCreates = new();
    private readonly List<Task> deliveries = [];
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

    /// <summary>Moves a task to its end and delivers its callback (when it has a callback URL).</summary>
    public async Task CompleteAsync(string taskId)
    {
        var task = tasks[taskId];
        Finish(task);
        await DeliverCallbackAsync(task).ConfigureAwait(false);
    }

    /// <summary>Waits for callbacks started by status reads.</summary>
    public async Task DrainCallbacksAsync()
    {
        Task[] pending;
        lock (deliveries)
        {
            pending = [.. deliveries];
        }

        await Task.WhenAll(pending).ConfigureAwait(false);
    }

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

        if (fault is DropFault)
        {
            context.Abort();
            return;
        }

        await WriteAsync(context, status, answer).ConfigureAwait(false);
    }

    /// <summary>A result file of a finished task: a few bytes with the right signature for its kind.</summary>
    private async Task ServeResultAsync(HttpContext context, string path)
    {
        var parts = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length != 3 || !tasks.TryGetValue(parts[1], out var task) || !task.Succeeded)
        {
            context.Response.StatusCode = 404;
            return;
        }

        byte[] content = task.Extension switch
        {
            "png" => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D],
            "mp4" => [0, 0, 0, 0x18, 0x66, 0x74, 0x79, 0x70, 0x6D, 0x70, 0x34, 0x32],
            "mp3" => [0x49, 0x44, 0x33, 0x04, 0, 0, 0, 0, 0, 0],
            _ => "fake transcript"u8.ToArray(),
        };
        context.Response.ContentType = task.Extension switch { "png" => "image/png", "mp4" => "video/mp4", "mp3" => "audio/mpeg", _ => "text/plain" };
        await context.Response.Body.WriteAsync(content).ConfigureAwait(false);
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

        foreach (var api in Enum.GetValues<ApiFamily>())
        {
            var (create, status) = Paths(api);
            if (method == "POST" && path == create)
            {
                return Create(api, body);
            }

            if (method == "GET" && path == status)
            {
                return Read(taskId);
            }
        }

        return (200, FakeKieWire.Envelope(404, "Not found", null));
    }

    private (int, JsonObject) Create(ApiFamily api, string body)
    {
        JsonObject? root;
        try
        {
            root = JsonNode.Parse(body) as JsonObject;
        }
        catch (JsonException)
        {
            root = null;
        }

        if (root is null)
        {
            return (200, FakeKieWire.Envelope(422, "Invalid JSON", null));
        }

        var mode = FindMode(api, root);
        if (mode is null)
        {
            return (200, FakeKieWire.Envelope(422, "The page does not exist or is not published", null));
        }

        var input = api == ApiFamily.Jobs ? root["input"] as JsonObject : Flatten(root, mode);
        if (input is null)
        {
            return (200, FakeKieWire.Envelope(500, "This field is required", null));
        }

        using var document = JsonDocument.Parse(input.ToJsonString());
        var typed = mode.ReadInput(document.RootElement, out var violations);
        var all = violations.Concat(typed.Validate()).ToList();
        if (all.Count > 0)
        {
            var missing = all.Any(v => v.Code == ViolationCode.Missing);
            return (200, FakeKieWire.Envelope(missing ? 500 : 422, missing ? "This field is required" : all[0].Message(), null));
        }

        var now = DateTimeOffset.UtcNow;
        if (EnforceRateLimit)
        {
            while (recentCreates.TryPeek(out var oldest) && now - oldest > TimeSpan.FromSeconds(10))
            {
                recentCreates.TryDequeue(out _);
            }

            if (recentCreates.Count >= 20)
            {
                return (429, FakeKieWire.Envelope(429, "Rate limited", null));
            }

            recentCreates.Enqueue(now);
        }

        var price = typed.Price();
        if (Balance < price)
        {
            return (200, FakeKieWire.Envelope(402, "Insufficient credits", null));
        }

        var number = Interlocked.Increment(ref sequence);
        var id = api == ApiFamily.Jobs
            ? $"task_{mode.KieModel.Split('/')[0]}_{1765180000000 + number}"
            : Convert.ToHexStringLower(BitConverter.GetBytes(number)) + "f54392584b05867f87b160672"[..16];
        var failure = taskFailures.TryDequeue(out var f) ? f : ((string, string)?)null;
        var task = new FakeKieTask(id, mode, body, root["callBackUrl"]?.GetValue<string>(), price, now.ToUnixTimeMilliseconds(), failure, BaseUrl, ResultsPerTask);
        tasks[id] = task;
        return (200, FakeKieWire.Envelope(200, "success", new JsonObject { ["taskId"] = id }));
    }

    private (int, JsonObject) Read(string taskId)
    {
        if (!tasks.TryGetValue(taskId, out var task))
        {
            return (200, FakeKieWire.Envelope(422, "recordInfo is null", null));
        }

        bool finishedNow;
        lock (task)
        {
            var before = task.Finished;
            task.Step = Math.Min(3, task.Step + (3 / Math.Clamp(ReadsToFinish, 1, 3)));
            finishedNow = !before && task.Finished;
        }

        if (finishedNow)
        {
            Settle(task);
            var delivery = DeliverCallbackAsync(task);
            lock (deliveries)
            {
                deliveries.Add(delivery);
            }
        }

        return (200, FakeKieWire.Envelope(200, "success", FakeKieWire.Record(task, DateTimeOffset.UtcNow.ToUnixTimeMilliseconds())));
    }

    private void Finish(FakeKieTask task)
    {
        lock (task)
        {
            if (task.Finished)
            {
                return;
            }

            task.Step = 3;
        }

        Settle(task);
    }

    private void Settle(FakeKieTask task)
    {
        task.CompleteTime = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        if (task.Succeeded)
        {
            lock (balanceGate)
            {
                balance -= task.Price;
            }
        }
    }

    private async Task DeliverCallbackAsync(FakeKieTask task)
    {
        if (task.CallbackUrl is null)
        {
            return;
        }

        var body = FakeKieWire.Callback(task, Balance).ToJsonString();
        for (var copy = 0; copy < (DuplicateCallbacks ? 2 : 1); copy++)
        {
            // KIE tries up to three times, then gives up.
            for (var attempt = 0; attempt < 3; attempt++)
            {
                using var message = new HttpRequestMessage(HttpMethod.Post, task.CallbackUrl) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
                if (WebhookHmacKey is { } key)
                {
                    var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
                    message.Headers.Add(KieCallbackParser.TimestampHeader, timestamp.ToString(CultureInfo.InvariantCulture));
                    message.Headers.Add(KieCallbackParser.SignatureHeader, KieCallbackParser.Sign(key, task.Id, timestamp));
                }

                try
                {
                    using var response = await callbackClient.SendAsync(message).ConfigureAwait(false);
                    if (response.IsSuccessStatusCode)
                    {
                        break;
                    }
                }
                catch (HttpRequestException)
                {
                    // Counted as a failed delivery, like KIE does.
                }
            }
        }
    }

    private (int, JsonObject) Upload(string path, string body, IFormCollection? form)
    {
        string? fileName;
        long size;
        string mime;
        if (path == "/api/file-stream-upload")
        {
            var file = form?.Files["file"];
            if (file is null)
            {
                return (400, FakeKieWire.Envelope(400, "file is required", null));
            }

            fileName = form!["fileName"].ToString() is { Length: > 0 } given ? given : file.FileName;
            size = file.Length;
            mime = file.ContentType;
        }
        else
        {
            var root = JsonNode.Parse(body) as JsonObject;
            var source = path == "/api/file-base64-upload" ? root?["base64Data"]?.GetValue<string>() : root?["fileUrl"]?.GetValue<string>();
            if (string.IsNullOrEmpty(source))
            {
                return (400, FakeKieWire.Envelope(400, "file is required", null));
            }

            fileName = root?["fileName"]?.GetValue<string>() ?? "upload.bin";
            size = source.Length * 3 / 4;
            mime = "image/png";
        }

        var number = Interlocked.Increment(ref sequence);
        var stored = $"{1788331086662 + number}-{fileName}";
        var data = new JsonObject
        {
            ["success"] = true,
            ["fileName"] = stored,
            ["filePath"] = "kieai/528618/kie-studio/" + stored,
            ["downloadUrl"] = "https://tempfile.redpandaai.co/kieai/528618/kie-studio/" + stored,
            ["fileSize"] = size,
            ["mimeType"] = mime,
            ["uploadedAt"] = "2026-09-02T06:38:07.240Z",
        };
        var answer = FakeKieWire.Envelope(200, "File uploaded successfully", data);
        answer["success"] = true;
        return (200, answer);
    }

    private static ModeDescriptor? FindMode(ApiFamily api, JsonObject root)
    {
        var field = api switch
        {
            ApiFamily.Jobs or ApiFamily.Veo or ApiFamily.Suno or ApiFamily.FluxKontext => "model",
            ApiFamily.Midjourney => "taskType",
            _ => null,
        };
        var name = field is null ? null : root[field]?.GetValue<string>();
        var modes = Models.AllModes.Where(m => m.Api == api).ToList();
        return name is null ? (modes.Count == 1 ? modes[0] : null) : modes.FirstOrDefault(m => m.KieModel == name);
    }

    private static JsonObject Flatten(JsonObject root, ModeDescriptor mode)
    {
        var input = new JsonObject();
        foreach (var (name, value) in root)
        {
            if (mode.FindParam(name) is not null)
            {
                input[name] = value?.DeepClone();
            }
        }

        return input;
    }

    private static (string Create, string Status) Paths(ApiFamily api) => api switch
    {
        ApiFamily.Jobs => ("/api/v1/jobs/createTask", "/api/v1/jobs/recordInfo"),
        ApiFamily.Veo => ("/api/v1/veo/generate", "/api/v1/veo/record-info"),
        ApiFamily.Runway => ("/api/v1/runway/generate", "/api/v1/runway/record-detail"),
        ApiFamily.Aleph => ("/api/v1/aleph/generate", "/api/v1/aleph/record-info"),
        ApiFamily.Suno => ("/api/v1/generate", "/api/v1/generate/record-info"),
        ApiFamily.Gpt4oImage => ("/api/v1/gpt4o-image/generate", "/api/v1/gpt4o-image/record-info"),
        ApiFamily.FluxKontext => ("/api/v1/flux/kontext/generate", "/api/v1/flux/kontext/record-info"),
        ApiFamily.Midjourney => ("/api/v1/mj/generate", "/api/v1/mj/record-info"),
        ApiFamily.Luma => ("/api/v1/modify/generate", "/api/v1/modify/record-info"),
        _ => (string.Empty, string.Empty),
    };

    private static async Task WriteAsync(HttpContext context, int status, JsonObject answer)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(answer.ToJsonString()).ConfigureAwait(false);
    }
}
