using System.Globalization;
using KieCatalog.Catalog;
using KieCatalog.Client;
using KieCatalog.Errors;

namespace KieCatalog.Fake;

/// <summary>
/// An in-process KIE: the same task state machine (waiting → queuing → generating → success | fail) driven by a
/// <see cref="TimeProvider"/>, deterministic task ids and result URLs per output kind, scriptable failures and no
/// network ever. Use it in tests of code that takes an <see cref="IKieGateway"/>, and for dry runs.
/// </summary>
public sealed partial class FakeKieGateway : IKieGateway
{
    private readonly object gate = new();
    private readonly Dictionary<string, FakeTask> tasks = new(StringComparer.Ordinal);
    private readonly Queue<KieError> createFailures = new();
    private readonly Queue<KieError> readFailures = new();
    private readonly Queue<(string Code, string Message)> taskFailures = new();
    private readonly TimeProvider time;
    private readonly FakeKieOptions options;
    private decimal credits;
    private int sequence;
    private int uploads;

    public FakeKieGateway(TimeProvider? timeProvider = null, FakeKieOptions? options = null)
    {
        time = timeProvider ?? TimeProvider.System;
        this.options = options ?? new FakeKieOptions();
        credits = this.options.InitialCredits;
    }

    /// <summary>Every task created so far, oldest first.</summary>
    public IReadOnlyList<KieTaskRef> Created
    {
        get
        {
            lock (gate)
            {
                return tasks.Values.OrderBy(t => t.Number).Select(t => KieTaskRef.For(t.Mode, t.Id)).ToList();
            }
        }
    }

    /// <summary>The next create answers as KIE does with <paramref name="code"/> (429, 402, 455, 500, …).</summary>
    public void FailNextCreate(int code, string? message = null, TimeSpan? retryAfter = null)
    {
        lock (gate)
        {
            createFailures.Enqueue(KieErrorClassifier.FromCode(KieOperation.CreateTask, "POST fake/createTask", code, message ?? $"fake error {code}", retryAfter));
        }
    }

    /// <summary>The next status read answers with <paramref name="code"/>.</summary>
    public void FailNextRead(int code, string? message = null)
    {
        lock (gate)
        {
            readFailures.Enqueue(KieErrorClassifier.FromCode(KieOperation.ReadTask, "GET fake/recordInfo", code, message ?? $"fake error {code}"));
        }
    }

    /// <summary>The next created task ends in <c>fail</c> with this failCode and message.</summary>
    public void FailNextTask(string failCode, string failMessage)
    {
        lock (gate)
        {
            taskFailures.Enqueue((failCode, failMessage));
        }
    }

    public Task<KieTaskRef> CreateTaskAsync(IModeInput input, Uri? callbackUrl = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        cancellationToken.ThrowIfCancellationRequested();
        var violations = input.Validate();
        if (violations.Count > 0)
        {
            throw new KieException(new KieError(KieErrorKind.InvalidInput, KieOperation.CreateTask, $"{input.Mode.Key}: {string.Join("; ", violations.Select(v => v.Message()))}"));
        }

        var endpoint = KieEndpoints.Require(input.Mode);
        var price = input.Mode.Price.IsPriced ? input.Price() : 0m;
        lock (gate)
        {
            if (createFailures.TryDequeue(out var failure))
            {
                throw new KieException(failure);
            }

            var number = ++sequence;
            var id = string.Create(CultureInfo.InvariantCulture, $"fake_{input.Mode.Api.ToString().ToLowerInvariant()}_{number:D6}");
            (string Code, string Message)? failWith = taskFailures.TryDequeue(out var f) ? f : null;
            var fake = new FakeTask(id, number, input.Mode, endpoint, price, time.GetUtcNow(), failWith);
            if (endpoint.IsSynchronous && failWith is { } refused)
            {
                // A synchronous endpoint has no failed record: KIE refuses the call itself.
                var code = int.TryParse(refused.Code, NumberStyles.None, CultureInfo.InvariantCulture, out var c) ? c : 500;
                throw new KieException(KieErrorClassifier.FromCode(KieOperation.CreateTask, "POST fake" + endpoint.CreatePath, code, refused.Message));
            }

            if (endpoint.IsSynchronous)
            {
                // Answered at once, as KIE does: the reference carries the finished task and nothing is left to read.
                credits -= price;
                fake.Charged = true;
                var now = time.GetUtcNow();
                return Task.FromResult(KieTaskRef.For(input.Mode, id) with { Completed = Describe(fake, KieTaskState.Success, now) with { CompletedAt = now } });
            }

            tasks[id] = fake;
            return Task.FromResult(KieTaskRef.For(input.Mode, id));
        }
    }

    public Task<KieTask> GetTaskAsync(KieTaskRef task, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(task);
        cancellationToken.ThrowIfCancellationRequested();
        if (task.Completed is { } completed)
        {
            return Task.FromResult(completed);
        }

        lock (gate)
        {
            if (readFailures.TryDequeue(out var failure))
            {
                throw new KieException(failure);
            }

            if (!tasks.TryGetValue(task.TaskId, out var fake))
            {
                throw new KieException(KieErrorClassifier.FromCode(KieOperation.ReadTask, "GET fake/recordInfo", 422, "recordInfo is null"));
            }

            var now = time.GetUtcNow();
            var state = StateAt(now - fake.CreatedAt, fake.FailWith is not null);
            if (state == KieTaskState.Success && !fake.Charged)
            {
                credits -= fake.Price;
                fake.Charged = true;
            }

            return Task.FromResult(Describe(fake, state, now));
        }
    }

    public Task<decimal> GetCreditsAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (gate)
        {
            // A task counts once it is done, whether or not anyone read it.
            var now = time.GetUtcNow();
            foreach (var fake in tasks.Values.Where(t => !t.Charged && StateAt(now - t.CreatedAt, t.FailWith is not null) == KieTaskState.Success))
            {
                credits -= fake.Price;
                fake.Charged = true;
            }

            return Task.FromResult(credits);
        }
    }

    public async Task<KieUploadedFile> UploadAsync(Stream content, string fileName, string? uploadPath = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        using var sink = new MemoryStream();
        await content.CopyToAsync(sink, cancellationToken).ConfigureAwait(false);
        return Uploaded(fileName, sink.Length);
    }

    public Task<KieUploadedFile> UploadBase64Async(string base64, string fileName, string? mimeType = null, string? uploadPath = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(base64);
        var payload = base64.StartsWith("data:", StringComparison.Ordinal) ? base64[(base64.IndexOf(',', StringComparison.Ordinal) + 1)..] : base64;
        var buffer = new byte[payload.Length];
        if (!Convert.TryFromBase64String(payload, buffer, out var length))
        {
            throw new KieException(new KieError(KieErrorKind.InvalidInput, KieOperation.Upload, "the data is not base64"));
        }

        return Task.FromResult(Uploaded(fileName, length));
    }

    public Task<KieUploadedFile> UploadFromUrlAsync(Uri fileUrl, string? fileName = null, string? uploadPath = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(fileUrl);
        return Task.FromResult(Uploaded(fileName ?? Path.GetFileName(fileUrl.AbsolutePath), null));
    }

    private KieUploadedFile Uploaded(string fileName, long? size)
    {
        if (string.IsNullOrWhiteSpace(fileName))
        {
            throw new KieException(new KieError(KieErrorKind.InvalidInput, KieOperation.Upload, "a plain file name is required"));
        }

        var number = Interlocked.Increment(ref uploads);
        var url = new Uri(options.ResultBaseUrl, string.Create(CultureInfo.InvariantCulture, $"uploads/{number:D6}/{Uri.EscapeDataString(fileName)}"));
        var now = time.GetUtcNow();
        return new KieUploadedFile(url.AbsoluteUri, fileName, size, null, now, now.AddHours(24));
    }

    private KieTaskState StateAt(TimeSpan age, bool fails)
    {
        if (age < options.WaitingTime)
        {
            return KieTaskState.Waiting;
        }

        if (age < options.WaitingTime + options.QueuingTime)
        {
            return KieTaskState.Queuing;
        }

        return age < options.WaitingTime + options.QueuingTime + options.GeneratingTime
            ? KieTaskState.Generating
            : fails ? KieTaskState.Fail : KieTaskState.Success;
    }

    private KieTask Describe(FakeTask fake, KieTaskState state, DateTimeOffset now)
    {
        var done = state is KieTaskState.Success or KieTaskState.Fail;
        var success = state == KieTaskState.Success;
        var failure = state == KieTaskState.Fail ? fake.FailWith : null;
        var (songs, stage) = FakeSongs.IsSong(fake.Endpoint)
            ? FakeSongs.At(state, now - fake.CreatedAt > options.WaitingTime + options.QueuingTime + (options.GeneratingTime / 2), options.ResultBaseUrl, fake.Id)
            : ([], null);
        return new KieTask
        {
            TaskId = fake.Id,
            Api = fake.Mode.Api,
            CreatePath = fake.Endpoint.CreatePath,
            State = state,
            RawState = stage ?? state.ToString().ToLowerInvariant(),
            Model = fake.Mode.KieModel,
            ResultUrls = songs.Count > 0 && success ? [.. songs.Select(t => t.AudioUrl!)] : success && fake.Endpoint.Result == KieResultKind.Files && fake.Mode.Output != OutputKind.Text ? [ResultUrl(fake)] : [],
            Tracks = songs,
            ResultText = success ? ResultText(fake) : null,
            FailCode = failure?.Code,
            FailMessage = failure?.Message,
            Error = failure is { } f ? KieErrorClassifier.FromTaskFailure(fake.Id, f.Code, f.Message, fake.Mode.Api) : null,
            CreditsConsumed = done ? (success ? fake.Price : 0m) : null,
            CreatedAt = fake.CreatedAt,
            UpdatedAt = now,
            CompletedAt = done ? fake.CreatedAt + options.WaitingTime + options.QueuingTime + options.GeneratingTime : null,
        };
    }

    /// <summary>A text result in the endpoint's kind: a transcript (a text mode), plain text (lyrics, a style) or a JSON answer (ids, notes).</summary>
    private static string? ResultText(FakeTask fake) => fake.Endpoint.Result switch
    {
        KieResultKind.Text => $"Fake text of {fake.Id}.",
        KieResultKind.Data => $$"""{"id":"{{fake.Id}}","name":"Fake {{fake.Mode.Id}}"}""",
        _ => fake.Mode.Output == OutputKind.Text ? $$"""{"text":"Fake transcript of {{fake.Id}}."}""" : null,
    };

    private string ResultUrl(FakeTask fake)
    {
        var extension = fake.Mode.Output switch
        {
            OutputKind.Image => "png",
            OutputKind.Video => "mp4",
            OutputKind.Audio => "mp3",
            _ => "txt",
        };
        return new Uri(options.ResultBaseUrl, $"results/{fake.Id}/0.{extension}").AbsoluteUri;
    }

    private sealed class FakeTask(string id, int number, ModeDescriptor mode, KieEndpoint endpoint, decimal price, DateTimeOffset createdAt, (string Code, string Message)? failWith)
    {
        public string Id { get; } = id;

        public int Number { get; } = number;

        public ModeDescriptor Mode { get; } = mode;

        public KieEndpoint Endpoint { get; } = endpoint;

        public decimal Price { get; } = price;

        public DateTimeOffset CreatedAt { get; } = createdAt;

        public (string Code, string Message)? FailWith { get; } = failWith;

        public bool Charged { get; set; }
    }
}
