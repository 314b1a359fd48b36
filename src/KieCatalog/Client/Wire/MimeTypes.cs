namespace KieCatalog.Client.Wire;

/// <summary>Content types of the files a mode input takes, by extension.</summary>
internal static class MimeTypes
{
    public static string ForFileName(string fileName) => Path.GetExtension(fileName).ToLowerInvariant() switch
    {
        ".png" => "image/png",
        ".jpg" or ".jpeg" => "image/jpeg",
        ".webp" => "image/webp",
        ".gif" => "image/gif",
        ".mp4" => "video/mp4",
        ".mov" => "video/quicktime",
        ".webm" => "video/webm",
        ".mp3" => "audio/mpeg",
        ".wav" => "audio/wav",
        ".ogg" or ".oga" => "audio/ogg",
        ".m4a" => "audio/mp4",
        _ => "application/octet-stream",
    };
}
