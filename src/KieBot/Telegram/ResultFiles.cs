namespace KieBot.Telegram;

/// <summary>Downloads a result for upload when Telegram cannot fetch its URL (at most Telegram's 50 MB bot upload).</summary>
public sealed class ResultFiles(HttpClient http)
{
    public const long MaxUploadBytes = 50L * 1024 * 1024;

    /// <summary>The file, or null when it cannot be fetched or is over the limit.</summary>
    public async Task<MemoryStream?> DownloadAsync(string url, CancellationToken ct)
    {
        try
        {
            using var response = await http.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, ct).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode || response.Content.Headers.ContentLength > MaxUploadBytes)
            {
                return null;
            }

            await using var body = await response.Content.ReadAsStreamAsync(ct).ConfigureAwait(false);
            var copy = new MemoryStream();
            var buffer = new byte[81920];
            int read;
            while ((read = await body.ReadAsync(buffer, ct).ConfigureAwait(false)) > 0)
            {
                if (copy.Length + read > MaxUploadBytes)
                {
                    await copy.DisposeAsync().ConfigureAwait(false);
                    return null;
                }

                await copy.WriteAsync(buffer.AsMemory(0, read), ct).ConfigureAwait(false);
            }

            copy.Position = 0;
            return copy;
        }
        catch (HttpRequestException)
        {
            return null;
        }
        catch (TaskCanceledException) when (!ct.IsCancellationRequested)
        {
            return null;
        }
    }
}
