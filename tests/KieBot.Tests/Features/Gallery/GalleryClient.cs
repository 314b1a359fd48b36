using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace KieBot.Tests.Features.Gallery;

/// <summary>The app's HTTP calls, as the page makes them: <c>Authorization: tma &lt;initData&gt;</c> on every API call.</summary>
internal sealed class GalleryClient(Uri host) : IDisposable
{
    private readonly HttpClient http = new(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = host, Timeout = TimeSpan.FromSeconds(60) };

    /// <summary>Every API endpoint, with the id it names (a GET or a POST with a body).</summary>
    public static IEnumerable<(HttpMethod Method, string Path, string? Body)> Endpoints(string id) =>
    [
        (HttpMethod.Get, "gallery/api/me", null),
        (HttpMethod.Get, "gallery/api/items", null),
        (HttpMethod.Get, $"gallery/api/items/{id}", null),
        (HttpMethod.Post, $"gallery/api/items/{id}/send", "{}"),
        (HttpMethod.Post, $"gallery/api/items/{id}/repeat", "{}"),
        (HttpMethod.Post, $"gallery/api/items/{id}/follow-up", "{\"data\":\"fu:x\"}"),
        (HttpMethod.Post, "gallery/api/top-up", "{}"),
    ];

    public async Task<(HttpStatusCode Status, JsonNode? Json)> SendAsync(HttpMethod method, string path, string? initData, string? body = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (initData is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("tma", initData);
        }

        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        }

        using var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, response.Content.Headers.ContentType?.MediaType == "application/json" && text.Length > 0 ? JsonNode.Parse(text) : null);
    }

    public async Task<JsonNode> GetJsonAsync(string path, string initData)
    {
        var (status, json) = await SendAsync(HttpMethod.Get, path, initData);
        Assert.Equal(HttpStatusCode.OK, status);
        return json!;
    }

    public async Task<HttpResponseMessage> GetRawAsync(string path) => await http.GetAsync(path);

    public void Dispose() => http.Dispose();
}
