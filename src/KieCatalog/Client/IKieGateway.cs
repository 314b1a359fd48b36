using KieCatalog.Catalog;

namespace KieCatalog.Client;

/// <summary>
/// Everything the catalog's users ask of KIE. <see cref="KieClient"/> calls the real API;
/// <see cref="Fake.FakeKieGateway"/> runs the same state machine in process. Failures throw
/// <see cref="Errors.KieException"/>.
/// </summary>
public interface IKieGateway
{
    /// <summary>Validates <paramref name="input"/> (nothing is sent when it does not) and creates the task in its mode's API family.</summary>
    Task<KieTaskRef> CreateTaskAsync(IModeInput input, Uri? callbackUrl = null, CancellationToken cancellationToken = default);

    /// <summary>Reads a task's current state.</summary>
    Task<KieTask> GetTaskAsync(KieTaskRef task, CancellationToken cancellationToken = default);

    /// <summary>The KIE account's remaining credits.</summary>
    Task<decimal> GetCreditsAsync(CancellationToken cancellationToken = default);

    /// <summary>Uploads a file (multipart stream) for use as a mode input.</summary>
    Task<KieUploadedFile> UploadAsync(Stream content, string fileName, string? uploadPath = null, CancellationToken cancellationToken = default);

    /// <summary>Uploads base64 data (a data URL or bare base64 with <paramref name="mimeType"/>).</summary>
    Task<KieUploadedFile> UploadBase64Async(string base64, string fileName, string? mimeType = null, string? uploadPath = null, CancellationToken cancellationToken = default);

    /// <summary>Has KIE fetch a public URL and keep a copy.</summary>
    Task<KieUploadedFile> UploadFromUrlAsync(Uri fileUrl, string? fileName = null, string? uploadPath = null, CancellationToken cancellationToken = default);
}
