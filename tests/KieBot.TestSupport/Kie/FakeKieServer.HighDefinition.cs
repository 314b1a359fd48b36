using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace KieBot.TestSupport.Kie;

/// <summary>
/// Veo's 1080p as KIE serves it: <c>GET /api/v1/veo/get-1080p-video?taskId=&amp;index=</c> of a succeeded Veo task answers
/// an error until the file is made (<see cref="ReadsToFinish"/> reads), then <c>data.resultUrl</c>; a video upgraded so
/// can no longer be extended (KIE refuses the extend).
/// </summary>
public sealed partial class FakeKieServer
{
    private const string HighDefinitionPath = "/api/v1/veo/get-1080p-video";

    private readonly ConcurrentDictionary<string, int> highDefinitionReads = new(StringComparer.Ordinal);

    /// <summary>The Veo tasks whose 1080p was handed out.</summary>
    public IReadOnlyCollection<string> Upgraded => highDefinitionReads.Where(r => r.Value >= Math.Max(ReadsToFinish, 1)).Select(r => r.Key.Split('#')[0]).Distinct().ToList();

    private (int, JsonObject)? HighDefinition(string method, string path, string taskId, HttpRequest request, string body)
    {
        if (method == "POST" && path == "/api/v1/veo/extend" && (JsonNode.Parse(body) as JsonObject)?["taskId"]?.GetValue<string>() is { } extended && Upgraded.Contains(extended))
        {
            return (200, FakeKieWire.Envelope(422, "videos already upgraded to 1080P cannot be extended", null));
        }

        if (method != "GET" || path != HighDefinitionPath)
        {
            return null;
        }

        if (!tasks.TryGetValue(taskId, out var parent) || parent.Mode.Api != KieCatalog.Catalog.ApiFamily.Veo)
        {
            return (200, FakeKieWire.Envelope(422, "record is null", null));
        }

        if (!parent.Succeeded)
        {
            return (200, FakeKieWire.Envelope(422, "record status is not success", null));
        }

        var index = request.Query["index"].ToString();
        var reads = highDefinitionReads.AddOrUpdate(taskId + "#" + index, 1, (_, n) => n + 1);
        return reads < Math.Max(ReadsToFinish, 1)
            ? (200, FakeKieWire.Envelope(400, "1080P is processing, please try again later", null))
            : (200, FakeKieWire.Envelope(200, "success", new JsonObject { ["resultUrl"] = parent.ResultUrl($"1080p-{index}.mp4") }));
    }
}
