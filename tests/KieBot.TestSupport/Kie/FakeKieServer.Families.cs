using System.Text.Json.Nodes;
using KieCatalog;
using KieCatalog.Catalog;
using KieCatalog.Client;

namespace KieBot.TestSupport.Kie;

/// <summary>Which mode a create request names, and the endpoints the fake KIE server answers (the client's own table).</summary>
public sealed partial class FakeKieServer
{
    /// <summary>The mode a create at <paramref name="endpoint"/> names: by the endpoint's model field, or the only mode on it.</summary>
    private static ModeDescriptor? FindMode(KieEndpoint endpoint, JsonObject root)
    {
        var name = endpoint.ModelField is { } field ? root[field]?.GetValue<string>() : null;
        var modes = Models.AllModes.Where(m => KieEndpoints.For(m) == endpoint).ToList();
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

    /// <summary>The endpoint a POST to <paramref name="path"/> creates at, or null.</summary>
    private static KieEndpoint? CreateEndpoint(string path) => KieEndpoints.All.FirstOrDefault(e => e.CreatePath == path);

    /// <summary>Whether <paramref name="path"/> is a status path of some endpoint.</summary>
    private static bool IsStatusPath(string path) => KieEndpoints.All.Any(e => e.StatusPath == path);
}
