using System.Text.Json.Serialization;

namespace KieCatalog.Client.Wire;

/// <summary>Body of the base64 and URL upload endpoints.</summary>
internal sealed record UploadBody(
    [property: JsonPropertyName("base64Data")] string? Base64Data,
    [property: JsonPropertyName("fileUrl")] string? FileUrl,
    [property: JsonPropertyName("uploadPath")] string? UploadPath,
    [property: JsonPropertyName("fileName")] string? FileName);

[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(UploadBody))]
internal sealed partial class WireJson : JsonSerializerContext;
