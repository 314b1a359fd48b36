namespace KieCatalog.Tool.Sources;

/// <summary>KIE's API families as the catalog names them: which create paths belong to which, and which the KIE client follows.</summary>
internal static class Families
{
    public const string JobsPath = "/api/v1/jobs/createTask";

    private static readonly (string Prefix, string Api)[] ByPath =
    [
        ("/api/v1/jobs/", "jobs"),
        ("/api/v1/veo/", "veo"),
        ("/api/v1/runway/", "runway"),
        ("/api/v1/aleph/", "aleph"),
        ("/api/v1/flux/kontext/", "flux-kontext"),
        ("/api/v1/gpt4o-image/", "gpt4o-image"),
        ("/api/v1/mj/", "midjourney"),
        ("/api/v1/modify/", "luma"),
        ("/api/v1/omni/", "omni"),
        ("/api/v1/generate", "suno"),
        ("/api/v1/lyrics", "suno"),
        ("/api/v1/vocal-removal/", "suno"),
        ("/api/v1/wav/", "suno"),
        ("/api/v1/midi/", "suno"),
        ("/api/v1/style/", "suno"),
        ("/api/v1/suno/", "suno"),
    ];

    private static readonly Dictionary<string, string> Defaults = new(StringComparer.Ordinal)
    {
        ["jobs"] = JobsPath,
        ["veo"] = "/api/v1/veo/generate",
        ["runway"] = "/api/v1/runway/generate",
        ["aleph"] = "/api/v1/aleph/generate",
        ["suno"] = "/api/v1/generate",
        ["gpt4o-image"] = "/api/v1/gpt4o-image/generate",
        ["flux-kontext"] = "/api/v1/flux/kontext/generate",
        ["midjourney"] = "/api/v1/mj/generate",
        ["luma"] = "/api/v1/modify/generate",
        ["omni"] = "/api/v1/omni/generate",
    };

    /// <summary>
    /// Every create path the KIE client follows, each with its status read or its synchronous answer. The tool may not
    /// reference the SDK, so this list repeats <c>KieCatalog.Client.KieEndpoints.All</c>; a test holds the two in step.
    /// </summary>
    public static readonly IReadOnlyList<string> Followed =
    [
        JobsPath,
        "/api/v1/veo/generate", "/api/v1/veo/extend", "/api/v1/veo/get-1080p-video", "/api/v1/veo/get-4k-video",
        "/api/v1/runway/generate", "/api/v1/runway/extend",
        "/api/v1/aleph/generate",
        "/api/v1/generate", "/api/v1/generate/extend", "/api/v1/generate/upload-cover", "/api/v1/generate/upload-extend",
        "/api/v1/generate/add-instrumental", "/api/v1/generate/add-vocals", "/api/v1/generate/mashup",
        "/api/v1/generate/replace-section", "/api/v1/lyrics", "/api/v1/wav/generate", "/api/v1/vocal-removal/generate",
        "/api/v1/midi/generate", "/api/v1/suno/cover/generate", "/api/v1/style/generate", "/api/v1/generate/generate-persona",
        "/api/v1/generate/get-timestamped-lyrics",
        "/api/v1/gpt4o-image/generate", "/api/v1/gpt4o-image/download-url",
        "/api/v1/flux/kontext/generate",
        "/api/v1/mj/generate", "/api/v1/mj/generateUpscale", "/api/v1/mj/generateVary",
        "/api/v1/modify/generate",
        "/api/v1/omni/audio/create", "/api/v1/omni/character/create",
    ];

    /// <summary>The catalog API family of a create path; null when no known family has it.</summary>
    public static string? ApiOf(string createPath) =>
        ByPath.FirstOrDefault(f => createPath.StartsWith(f.Prefix, StringComparison.Ordinal)).Api;

    public static string? DefaultPath(string api) => Defaults.GetValueOrDefault(api);

    /// <summary>Whether the KIE client creates and follows tasks of this endpoint (else a mode on it stays hidden).</summary>
    public static bool ClientFollows(string api, string createPath) => ApiOf(createPath) == api && Followed.Contains(createPath);
}
