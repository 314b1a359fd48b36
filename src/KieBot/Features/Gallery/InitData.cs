using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace KieBot.Features.Gallery;

/// <summary>Who Telegram says opened the Mini App: the user's id and language, from a validated <c>initData</c>.</summary>
public sealed record InitDataUser(long Id, string? LanguageCode, DateTimeOffset AuthDate);

/// <summary>
/// Telegram's Mini App <c>initData</c> check, as Telegram specifies it: the fields but <c>hash</c>, sorted by name, as
/// <c>name=value</c> lines joined by <c>\n</c>; secret key = HMAC-SHA256(key "WebAppData", bot token); the hash is the hex
/// HMAC-SHA256 of those lines under the secret key, compared in constant time; <c>auth_date</c> no older than the window.
/// </summary>
public static class InitData
{
    private static readonly byte[] WebAppData = Encoding.UTF8.GetBytes("WebAppData");

    /// <summary>The user of a valid, fresh <paramref name="initData"/>; null for anything else (forged, tampered, expired, malformed).</summary>
    public static InitDataUser? Validate(string? initData, string botToken, DateTimeOffset now, TimeSpan maxAge)
    {
        if (string.IsNullOrEmpty(initData) || initData.Length > 8192 || string.IsNullOrEmpty(botToken))
        {
            return null;
        }

        var fields = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in initData.Split('&'))
        {
            var at = pair.IndexOf('=', StringComparison.Ordinal);
            if (at <= 0 || !fields.TryAdd(Uri.UnescapeDataString(pair[..at].Replace('+', ' ')), Uri.UnescapeDataString(pair[(at + 1)..].Replace('+', ' '))))
            {
                return null;
            }
        }

        if (!fields.Remove("hash", out var hash) || hash.Length != 64)
        {
            return null;
        }

        byte[] given;
        try
        {
            given = Convert.FromHexString(hash);
        }
        catch (FormatException)
        {
            return null;
        }

        if (!CryptographicOperations.FixedTimeEquals(given, Hash(fields, botToken)))
        {
            return null;
        }

        if (!fields.TryGetValue("auth_date", out var date) || !long.TryParse(date, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            return null;
        }

        var authDate = DateTimeOffset.FromUnixTimeSeconds(seconds);
        if (now - authDate > maxAge || authDate - now > TimeSpan.FromMinutes(5))
        {
            return null;
        }

        return fields.TryGetValue("user", out var user) ? ReadUser(user, authDate) : null;
    }

    /// <summary>Signs <paramref name="fields"/> as Telegram would (for the console's local gallery and for tests): the query string with its hash.</summary>
    public static string Sign(IReadOnlyDictionary<string, string> fields, string botToken)
    {
        var sorted = new SortedDictionary<string, string>(fields.ToDictionary(), StringComparer.Ordinal);
        var hash = Convert.ToHexStringLower(Hash(sorted, botToken));
        return string.Join('&', sorted.Select(f => Uri.EscapeDataString(f.Key) + "=" + Uri.EscapeDataString(f.Value))) + "&hash=" + hash;
    }

    /// <summary>A signed initData for <paramref name="userId"/> at <paramref name="authDate"/>.</summary>
    public static string For(long userId, string language, DateTimeOffset authDate, string botToken) =>
        Sign(
            new Dictionary<string, string>
            {
                ["auth_date"] = authDate.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture),
                ["query_id"] = "gallery",
                ["user"] = JsonSerializer.Serialize(new Dictionary<string, object> { ["id"] = userId, ["first_name"] = "User", ["language_code"] = language }),
            },
            botToken);

    private static byte[] Hash(SortedDictionary<string, string> fields, string botToken)
    {
        var secret = HMACSHA256.HashData(WebAppData, Encoding.UTF8.GetBytes(botToken));
        var check = string.Join('\n', fields.Select(f => f.Key + "=" + f.Value));
        return HMACSHA256.HashData(secret, Encoding.UTF8.GetBytes(check));
    }

    private static InitDataUser? ReadUser(string json, DateTimeOffset authDate)
    {
        try
        {
            using var user = JsonDocument.Parse(json);
            var root = user.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("id", out var id) || !id.TryGetInt64(out var userId) || userId <= 0)
            {
                return null;
            }

            var language = root.TryGetProperty("language_code", out var code) && code.ValueKind == JsonValueKind.String ? code.GetString() : null;
            return new InitDataUser(userId, language, authDate);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
