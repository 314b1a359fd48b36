using System.Collections.Concurrent;
using Microsoft.AspNetCore.Http;

namespace KieBot.Features.Gallery;

/// <summary>The app's files, embedded in the assembly (so the published image carries them): HTML, script and style, nothing from a CDN.</summary>
internal static class GalleryAssets
{
    private static readonly ConcurrentDictionary<string, byte[]?> Cache = new(StringComparer.Ordinal);

    /// <summary>The page may load scripts from itself and Telegram's own telegram-web-app.js, and talk to itself only.</summary>
    private const string Policy =
        "default-src 'self'; script-src 'self' https://telegram.org; style-src 'self'; img-src * data: blob:; media-src * blob:; connect-src 'self'; frame-ancestors https://web.telegram.org https://*.telegram.org 'self'";

    /// <summary>The script and style files beside index.html.</summary>
    public static readonly IReadOnlyList<string> Files = ["app.js", "texts.js", "app.css"];

    public static IResult Serve(string name)
    {
        var bytes = Cache.GetOrAdd(name, Read);
        if (bytes is null)
        {
            return Results.NotFound();
        }

        var type = Path.GetExtension(name) switch
        {
            ".js" => "text/javascript; charset=utf-8",
            ".css" => "text/css; charset=utf-8",
            _ => "text/html; charset=utf-8",
        };
        return new AssetResult(bytes, type);
    }

    private static byte[]? Read(string name)
    {
        using var stream = typeof(GalleryAssets).Assembly.GetManifestResourceStream("gallery/" + name);
        if (stream is null)
        {
            return null;
        }

        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    private sealed class AssetResult(byte[] bytes, string type) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            var headers = httpContext.Response.Headers;
            headers.ContentType = type;
            headers.CacheControl = "no-cache";
            headers.XContentTypeOptions = "nosniff";
            headers.ContentSecurityPolicy = Policy;
            return httpContext.Response.Body.WriteAsync(bytes).AsTask();
        }
    }
}
