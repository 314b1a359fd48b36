using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using KieBot.Storage;

namespace KieBot.Features.Gallery;

/// <summary>
/// Short-lived links of our own to a result's files (<c>/gallery/f/{id}/{part}?e=&amp;s=</c>): an HMAC (under a key
/// derived from the signing key) of the generation, the part and the expiry. The browser never sees a KIE key or the
/// bot token; the link answers with a redirect to the file KIE made, and stops working when it expires.
/// </summary>
public sealed class GalleryLinks(GalleryOptions options, TimeProvider time)
{
    public const string Route = GalleryOptions.Path + "/f/{id}/{part}";

    private readonly byte[] key = HMACSHA256.HashData(Encoding.UTF8.GetBytes("KieBotGalleryLinks"), Encoding.UTF8.GetBytes(options.SigningKey));

    /// <summary>A result part: <c>r0</c> the first result file, <c>c1</c> the second track's cover, <c>a1</c> its audio.</summary>
    public string For(string generationId, string part)
    {
        var expires = time.GetUtcNow().Add(options.LinkLifetime).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        return $"{GalleryOptions.Path}/f/{Uri.EscapeDataString(generationId)}/{part}?e={expires}&s={Sign(generationId, part, expires)}";
    }

    /// <summary>The file a valid, unexpired link points at; null for anything else.</summary>
    public static string? Target(Generation generation, string part) =>
        part.Length < 2 || !int.TryParse(part.AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? null
        : part[0] switch
        {
            'r' => n < generation.ResultUrls.Count ? generation.ResultUrls[n] : null,
            'c' => n < generation.Tracks.Count ? generation.Tracks[n].ImageUrl : null,
            'a' => n < generation.Tracks.Count ? generation.Tracks[n].AudioUrl : null,
            _ => null,
        };

    public bool IsValid(string generationId, string part, string? expires, string? signature)
    {
        if (expires is null || signature is null || !long.TryParse(expires, NumberStyles.None, CultureInfo.InvariantCulture, out var at)
            || DateTimeOffset.FromUnixTimeSeconds(at) < time.GetUtcNow())
        {
            return false;
        }

        return CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(signature), Encoding.ASCII.GetBytes(Sign(generationId, part, expires)));
    }

    private string Sign(string generationId, string part, string expires) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(generationId + "\n" + part + "\n" + expires)));
}
