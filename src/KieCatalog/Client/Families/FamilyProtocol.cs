using System.Text.Json;
using KieCatalog.Catalog;

namespace KieCatalog.Client.Families;

/// <summary>The decoded status of a task record: the common state, the raw text and the failure fields.</summary>
internal readonly record struct DecodedState(KieTaskState State, string? Raw, string? FailCode, string? FailMessage);

/// <summary>How one API family is called: its endpoints, the field that carries the mode, and its status encoding.</summary>
internal sealed record FamilyProtocol(
    ApiFamily Api,
    string CreatePath,
    string StatusPath,
    string? ModelField,
    bool RequiresCallback,
    Func<JsonElement, DecodedState> Decode)
{
    /// <summary>The unified Market jobs API: parameters under <c>input</c>, results in the <c>resultJson</c> string.</summary>
    public bool NestsInput => Api == ApiFamily.Jobs;

    public static FamilyProtocol For(ApiFamily api) => api switch
    {
        ApiFamily.Jobs => new(api, "/api/v1/jobs/createTask", "/api/v1/jobs/recordInfo", "model", false, StateDecoders.Market),
        ApiFamily.Veo => new(api, "/api/v1/veo/generate", "/api/v1/veo/record-info", "model", false, StateDecoders.SuccessFlag),
        ApiFamily.Runway => new(api, "/api/v1/runway/generate", "/api/v1/runway/record-detail", null, false, StateDecoders.Market),
        ApiFamily.Aleph => new(api, "/api/v1/aleph/generate", "/api/v1/aleph/record-info", null, false, StateDecoders.SuccessFlag),
        ApiFamily.Suno => new(api, "/api/v1/generate", "/api/v1/generate/record-info", "model", true, StateDecoders.Suno),
        ApiFamily.Gpt4oImage => new(api, "/api/v1/gpt4o-image/generate", "/api/v1/gpt4o-image/record-info", null, false, StateDecoders.SuccessFlag),
        ApiFamily.FluxKontext => new(api, "/api/v1/flux/kontext/generate", "/api/v1/flux/kontext/record-info", "model", false, StateDecoders.SuccessFlag),
        ApiFamily.Midjourney => new(api, "/api/v1/mj/generate", "/api/v1/mj/record-info", "taskType", false, StateDecoders.SuccessFlag),
        ApiFamily.Luma => new(api, "/api/v1/modify/generate", "/api/v1/modify/record-info", null, false, StateDecoders.SuccessFlag),
        _ => throw new ArgumentOutOfRangeException(nameof(api), api, "Unknown API family."),
    };
}
