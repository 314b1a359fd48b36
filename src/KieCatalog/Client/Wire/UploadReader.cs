using System.Text.Json;
using KieCatalog.Errors;

namespace KieCatalog.Client.Wire;

/// <summary>Reads either documented upload answer: <c>downloadUrl</c> first (live), <c>fileUrl</c> as a fallback.</summary>
internal static class UploadReader
{
    public static KieUploadedFile Read(JsonElement data, string endpoint, TimeSpan retention, TimeProvider time)
    {
        if (data.ValueKind != JsonValueKind.Object)
        {
            throw Envelope.Malformed(KieOperation.Upload, endpoint, "data is not an object");
        }

        var url = data.Text("downloadUrl", "fileUrl");
        if (url is null || !Uri.TryCreate(url, UriKind.Absolute, out _))
        {
            throw Envelope.Malformed(KieOperation.Upload, endpoint, "no downloadUrl in data");
        }

        var uploadedAt = data.Iso("uploadedAt", "uploadTime");
        var expiresAt = data.Iso("expiresAt") ?? (uploadedAt ?? time.GetUtcNow()) + retention;
        return new KieUploadedFile(url, data.Text("fileName"), (long?)data.Decimal("fileSize"), data.Text("mimeType"), uploadedAt, expiresAt);
    }
}
