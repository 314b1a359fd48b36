using System.Text.Json.Nodes;
using KieCatalog;
using KieCatalog.Catalog;

namespace KieBot.TestSupport.Kie;

/// <summary>Which mode a create request names and each family's endpoints, for the fake KIE server.</summary>
public sealed partial class FakeKieServer
{
    private static ModeDescriptor? FindMode(ApiFamily api, JsonObject root)
    {
        var field = api switch
        {
            ApiFamily.Jobs or ApiFamily.Veo or ApiFamily.Suno or ApiFamily.FluxKontext => "model",
            ApiFamily.Midjourney => "taskType",
            _ => null,
        };
        var name = field is null ? null : root[field]?.GetValue<string>();
        var modes = Models.AllModes.Where(m => m.Api == api && m.CreatePath is null).ToList();
        return name is null ? (modes.Count == 1 ? modes[0] : null) : modes.FirstOrDefault(m => m.KieModel == name);
    }

    private static JsonObject Flatten(JsonObject root, ModeDescriptor mode)
    {
        var input = new JsonObject();
        foreach (var (name, value) in root)
        {
            if (mode.FindParam(name) is not null)
            {
                input[name] = value?.DeepClone();
            }
        }

        return input;
    }

    private static (string Create, string Status) Paths(ApiFamily api) => api switch
    {
        ApiFamily.Jobs => ("/api/v1/jobs/createTask", "/api/v1/jobs/recordInfo"),
        ApiFamily.Veo => ("/api/v1/veo/generate", "/api/v1/veo/record-info"),
        ApiFamily.Runway => ("/api/v1/runway/generate", "/api/v1/runway/record-detail"),
        ApiFamily.Aleph => ("/api/v1/aleph/generate", "/api/v1/aleph/record-info"),
        ApiFamily.Suno => ("/api/v1/generate", "/api/v1/generate/record-info"),
        ApiFamily.Gpt4oImage => ("/api/v1/gpt4o-image/generate", "/api/v1/gpt4o-image/record-info"),
        ApiFamily.FluxKontext => ("/api/v1/flux/kontext/generate", "/api/v1/flux/kontext/record-info"),
        ApiFamily.Midjourney => ("/api/v1/mj/generate", "/api/v1/mj/record-info"),
        ApiFamily.Luma => ("/api/v1/modify/generate", "/api/v1/modify/record-info"),
        _ => (string.Empty, string.Empty),
    };
}
