using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace KieBot.TestSupport.Kie;

/// <summary>The upload endpoints and the result files of the fake KIE server.</summary>
public sealed partial class FakeKieServer
{
    /// <summary>A result file of a finished task: a few bytes with the right signature for its kind.</summary>
    private async Task ServeResultAsync(HttpContext context, string path)
    {
        var parts = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length != 3 || !tasks.TryGetValue(parts[1], out var task) || !task.Succeeded)
        {
            context.Response.StatusCode = 404;
            return;
        }

        byte[] content = task.Extension switch
        {
            "png" => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D],
            "mp4" => [0, 0, 0, 0x18, 0x66, 0x74, 0x79, 0x70, 0x6D, 0x70, 0x34, 0x32],
            "mp3" => [0x49, 0x44, 0x33, 0x04, 0, 0, 0, 0, 0, 0],
            _ => "fake transcript"u8.ToArray(),
        };
        context.Response.ContentType = task.Extension switch { "png" => "image/png", "mp4" => "video/mp4", "mp3" => "audio/mpeg", _ => "text/plain" };
        await context.Response.Body.WriteAsync(content).ConfigureAwait(false);
    }

    private (int, JsonObject) Upload(string path, string body, IFormCollection? form)
    {
        string? fileName;
        long size;
        string mime;
        if (path == "/api/file-stream-upload")
        {
            var file = form?.Files["file"];
            if (file is null)
            {
                return (400, FakeKieWire.Envelope(400, "file is required", null));
            }

            fileName = form!["fileName"].ToString() is { Length: > 0 } given ? given : file.FileName;
            size = file.Length;
            mime = file.ContentType;
        }
        else
        {
            var root = JsonNode.Parse(body) as JsonObject;
            var source = path == "/api/file-base64-upload" ? root?["base64Data"]?.GetValue<string>() : root?["fileUrl"]?.GetValue<string>();
            if (string.IsNullOrEmpty(source))
            {
                return (400, FakeKieWire.Envelope(400, "file is required", null));
            }

            fileName = root?["fileName"]?.GetValue<string>() ?? "upload.bin";
            size = source.Length * 3 / 4;
            mime = "image/png";
        }

        var number = Interlocked.Increment(ref sequence);
        var stored = $"{1788331086662 + number}-{fileName}";
        var data = new JsonObject
        {
            ["success"] = true,
            ["fileName"] = stored,
            ["filePath"] = "kieai/528618/kie-studio/" + stored,
            ["downloadUrl"] = "https://tempfile.redpandaai.co/kieai/528618/kie-studio/" + stored,
            ["fileSize"] = size,
            ["mimeType"] = mime,
            ["uploadedAt"] = "2026-09-02T06:38:07.240Z",
        };
        var answer = FakeKieWire.Envelope(200, "File uploaded successfully", data);
        answer["success"] = true;
        return (200, answer);
    }
}
