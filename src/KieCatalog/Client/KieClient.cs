using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using KieCatalog.Catalog;
using KieCatalog.Client.Families;
using KieCatalog.Client.Resilience;
using KieCatalog.Client.Wire;
using KieCatalog.Errors;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace KieCatalog.Client;

/// <summary>
/// The KIE API over a typed <see cref="HttpClient"/> (register with <see cref="KieServiceCollectionExtensions.AddKieClient(Microsoft.Extensions.DependencyInjection.IServiceCollection, Action{KieClientOptions})"/>).
/// Every failure is a <see cref="KieException"/>; inputs are validated before anything is sent.
/// </summary>
public sealed partial class KieClient : IKieGateway
{
    private const string CreditsPath = "/api/v1/chat/credit";

    private readonly HttpClient http;
    private readonly KieClientOptions options;
    private readonly KieResilience resilience;
    private readonly TimeProvider time;
    private readonly ILogger logger;

    public KieClient(HttpClient http, IOptions<KieClientOptions> options, KieResilience resilience, TimeProvider time, ILogger<KieClient> logger)
    {
        this.http = http;
        this.options = options.Value;
        this.resilience = resilience;
        this.time = time;
        this.logger = logger;
        http.Timeout = Timeout.InfiniteTimeSpan;
        http.DefaultRequestHeaders.UserAgent.Clear();
        http.DefaultRequestHeaders.TryAddWithoutValidation("User-Agent", this.options.UserAgent);
        http.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
    }

    public Task<decimal> GetCreditsAsync(CancellationToken cancellationToken = default) =>
        CallAsync(
            KieOperation.Credits,
            HttpMethod.Get,
            new Uri(options.BaseUrl, CreditsPath),
            static () => null,
            idempotent: true,
            upload: false,
            static (data, endpoint) => data.ValueKind switch
            {
                JsonValueKind.Number => data.GetDecimal(),
                JsonValueKind.Object when data.Decimal("credits", "balance") is { } value => value,
                _ => throw Envelope.Malformed(KieOperation.Credits, endpoint, "data is not a number"),
            },
            cancellationToken);

    public async Task<KieUploadedFile> UploadAsync(Stream content, string fileName, string? uploadPath = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        RequireFileName(fileName);

        // Buffered once so that a retry sends the same bytes (Telegram files are at most 20 MB).
        using var copy = new MemoryStream();
        await content.CopyToAsync(copy, cancellationToken).ConfigureAwait(false);
        var bytes = copy.ToArray();
        return await UploadCoreAsync(
            "/api/file-stream-upload",
            () =>
            {
                var form = new MultipartFormDataContent();
                var file = new ByteArrayContent(bytes);
                file.Headers.ContentType = new MediaTypeHeaderValue(MimeTypes.ForFileName(fileName));
                form.Add(file, "file", fileName);
                form.Add(new StringContent(fileName), "fileName");
                if (!string.IsNullOrEmpty(uploadPath))
                {
                    form.Add(new StringContent(uploadPath), "uploadPath");
                }

                return form;
            },
            cancellationToken).ConfigureAwait(false);
    }

    public Task<KieUploadedFile> UploadBase64Async(string base64, string fileName, string? mimeType = null, string? uploadPath = null, CancellationToken cancellationToken = default)
    {
        RequireFileName(fileName);
        var dataUrl = DataUrl(base64, mimeType ?? MimeTypes.ForFileName(fileName));
        var body = JsonSerializer.SerializeToUtf8Bytes(new UploadBody(dataUrl, null, uploadPath, fileName), WireJson.Default.UploadBody);
        return UploadCoreAsync("/api/file-base64-upload", () => JsonBody(body), cancellationToken);
    }

    public Task<KieUploadedFile> UploadFromUrlAsync(Uri fileUrl, string? fileName = null, string? uploadPath = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(fileUrl);
        if (!fileUrl.IsAbsoluteUri || (fileUrl.Scheme != Uri.UriSchemeHttps && fileUrl.Scheme != Uri.UriSchemeHttp))
        {
            throw new KieException(new KieError(KieErrorKind.InvalidInput, KieOperation.Upload, "the file URL must be an absolute http(s) URL"));
        }

        var body = JsonSerializer.SerializeToUtf8Bytes(new UploadBody(null, fileUrl.AbsoluteUri, uploadPath, fileName), WireJson.Default.UploadBody);
        return UploadCoreAsync("/api/file-url-upload", () => JsonBody(body), cancellationToken);
    }

    private Task<KieUploadedFile> UploadCoreAsync(string path, Func<HttpContent> content, CancellationToken cancellationToken) =>
        CallAsync(
            KieOperation.Upload,
            HttpMethod.Post,
            new Uri(options.UploadBaseUrl, path),
            content,
            idempotent: true,
            upload: true,
            (data, endpoint) => UploadReader.Read(data, endpoint, options.UploadRetention, time),
            cancellationToken);

    /// <summary>One KIE call: the envelope is read, <c>code != 200</c> is treated as that HTTP status, and every failure becomes a <see cref="KieException"/>.</summary>
    private Task<T> CallAsync<T>(
        KieOperation operation,
        HttpMethod method,
        Uri url,
        Func<HttpContent?> content,
        bool idempotent,
        bool upload,
        Func<JsonElement, string, T> read,
        CancellationToken cancellationToken)
    {
        var endpoint = method.Method + " " + url.AbsolutePath;
        return resilience.ExecuteAsync(
            operation,
            endpoint,
            idempotent,
            upload,
            async ct =>
            {
                using var request = new HttpRequestMessage(method, url) { Content = content() };
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", options.ApiKey);
                HttpResponseMessage response;
                string body;
                try
                {
                    response = await http.SendAsync(request, HttpCompletionOption.ResponseContentRead, ct).ConfigureAwait(false);
                    body = await response.Content.ReadAsStringAsync(ct).ConfigureAwait(false);
                }
                catch (HttpRequestException e)
                {
                    throw NetworkError(operation, endpoint, e);
                }
                catch (IOException e)
                {
                    throw NetworkError(operation, endpoint, e);
                }

                using (response)
                {
                    return ReadResponse(operation, endpoint, response, body, read);
                }
            },
            cancellationToken);
    }

    private static T ReadResponse<T>(KieOperation operation, string endpoint, HttpResponseMessage response, string body, Func<JsonElement, string, T> read)
    {
        using var document = Envelope.TryParse(body);
        var envelope = document is null ? null : Envelope.TryRead(document);
        var retryAfter = RetryAfter(response);
        var status = (int)response.StatusCode;
        if (status is < 200 or > 299)
        {
            var message = envelope?.Message ?? $"HTTP {status} {(document is null ? "without a JSON body" : "with an unexpected body")}";
            throw new KieException(KieErrorClassifier.FromCode(operation, endpoint, status, message, retryAfter));
        }

        if (envelope is not { } ok)
        {
            throw Envelope.Malformed(operation, endpoint, document is null ? "the body is not JSON" : "the body is not a KIE envelope");
        }

        if (ok.Code != 200)
        {
            throw new KieException(KieErrorClassifier.FromCode(operation, endpoint, ok.Code, ok.Message, retryAfter));
        }

        return read(ok.Data, endpoint);
    }

    private static TimeSpan? RetryAfter(HttpResponseMessage response) => response.Headers.RetryAfter switch
    {
        { Delta: { } delta } => delta,
        { Date: { } date } => date - DateTimeOffset.UtcNow,
        _ => null,
    };

    private static KieException NetworkError(KieOperation operation, string endpoint, Exception e)
    {
        var refused = e.InnerException is SocketException { SocketErrorCode: SocketError.ConnectionRefused or SocketError.HostNotFound or SocketError.NetworkUnreachable or SocketError.HostUnreachable }
            || e is HttpRequestException { HttpRequestError: HttpRequestError.NameResolutionError };
        var what = e is HttpRequestException { HttpRequestError: var kind } ? kind.ToString() : e.GetType().Name;
        var detail = $"{endpoint}: {(refused ? "connection refused, nothing sent" : "connection failed")} ({what})";
        return new KieException(new KieError(KieErrorKind.Network, operation, detail), e) { RequestNotProcessed = refused };
    }

    private static ByteArrayContent JsonBody(byte[] body)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        return content;
    }

    private static string DataUrl(string base64, string mimeType)
    {
        ArgumentNullException.ThrowIfNull(base64);
        var comma = base64.StartsWith("data:", StringComparison.Ordinal) ? base64.IndexOf(',', StringComparison.Ordinal) : -1;
        var payload = comma >= 0 ? base64[(comma + 1)..] : base64;
        var buffer = new byte[payload.Length];
        if (payload.Length == 0 || !Convert.TryFromBase64String(payload, buffer, out _))
        {
            throw new KieException(new KieError(KieErrorKind.InvalidInput, KieOperation.Upload, "the data is not base64"));
        }

        return comma >= 0 ? base64 : $"data:{mimeType};base64,{payload}";
    }

    private static void RequireFileName(string fileName)
    {
        if (string.IsNullOrWhiteSpace(fileName) || fileName.IndexOfAny(['/', '\\']) >= 0)
        {
            throw new KieException(new KieError(KieErrorKind.InvalidInput, KieOperation.Upload, "a plain file name is required"));
        }
    }
}
