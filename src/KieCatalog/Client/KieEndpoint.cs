using System.Text.Json;
using KieCatalog.Catalog;
using KieCatalog.Client.Families;
using KieCatalog.Errors;

namespace KieCatalog.Client;

/// <summary>What a finished task of an endpoint carries.</summary>
public enum KieResultKind
{
    /// <summary>Files: <see cref="KieTask.ResultUrls"/> (images, videos, audio, stems, a download link).</summary>
    Files,

    /// <summary>Plain text in <see cref="KieTask.ResultText"/> (lyrics, a style description).</summary>
    Text,

    /// <summary>
    /// A structured answer as JSON in <see cref="KieTask.ResultText"/> (speech-to-text, MIDI notes, word timings,
    /// the ids KIE made: a persona, an Omni voice or character), with any image it names in <see cref="KieTask.ResultUrls"/>.
    /// </summary>
    Data,
}

/// <summary>
/// One KIE create endpoint as the client follows it: where its tasks are created, where their status is read (none
/// for an endpoint that answers with the result at once), whether KIE requires a callback URL, and what a finished
/// task carries. <see cref="KieEndpoints"/> lists every endpoint the client calls.
/// </summary>
public sealed class KieEndpoint
{
    internal KieEndpoint(
        ApiFamily api,
        string createPath,
        string? statusPath,
        string? modelField,
        bool requiresCallback,
        KieResultKind result,
        Func<JsonElement, DecodedState>? decode,
        Func<JsonElement, ResultRead> read,
        bool readsEarlierTask = false)
    {
        ReadsEarlierTask = readsEarlierTask;
        Api = api;
        CreatePath = createPath;
        StatusPath = statusPath;
        ModelField = modelField;
        RequiresCallback = requiresCallback;
        Result = result;
        Decode = decode ?? (static _ => new(KieTaskState.Success, "200", null, null));
        Read = read;
    }

    public ApiFamily Api { get; }

    /// <summary>The POST path a task is created at, e.g. <c>/api/v1/lyrics</c>.</summary>
    public string CreatePath { get; }

    /// <summary>The GET path (<c>?taskId=</c>) a task's record is read at; null when <see cref="IsSynchronous"/>.</summary>
    public string? StatusPath { get; }

    /// <summary>
    /// The create call answers with the result itself and no record exists to read: <see cref="IKieGateway.CreateTaskAsync"/>
    /// returns a reference whose <see cref="KieTaskRef.Completed"/> task is already finished.
    /// </summary>
    public bool IsSynchronous => StatusPath is null;

    /// <summary>KIE refuses a create without <c>callBackUrl</c> (Suno's asynchronous endpoints).</summary>
    public bool RequiresCallback { get; }

    public KieResultKind Result { get; }

    /// <summary>
    /// Nothing is created: the result is a file KIE makes from an earlier task, read at <see cref="StatusPath"/> with that
    /// task's id and output index until it is ready (Veo's 1080p, 1–3 minutes; KIE answers an error meanwhile). The
    /// reference's <see cref="KieTaskRef.TaskId"/> is <c>earlierTaskId#index</c>.
    /// </summary>
    public bool ReadsEarlierTask { get; }

    /// <summary>The body field that carries the mode's <see cref="ModeDescriptor.KieModel"/>; null when the endpoint takes none.</summary>
    public string? ModelField { get; }

    /// <summary>The Market jobs API nests parameters under <c>input</c>; every other endpoint takes them flat.</summary>
    internal bool NestsInput => Api == ApiFamily.Jobs;

    /// <summary>The status encoding of a record (a synchronous answer is always a success).</summary>
    internal Func<JsonElement, DecodedState> Decode { get; }

    /// <summary>The result fields of a record, or of a synchronous answer's <c>data</c>.</summary>
    internal Func<JsonElement, ResultRead> Read { get; }

    public override string ToString() => $"{Api} {CreatePath}";
}

/// <summary>Every endpoint the KIE client creates tasks at, one row each (kie-api.md §2–§3 and KIE's family pages).</summary>
public static class KieEndpoints
{
    private const string SunoStatus = "/api/v1/generate/record-info";
    private const string VeoStatus = "/api/v1/veo/record-info";
    private const string MidjourneyStatus = "/api/v1/mj/record-info";

    private static readonly KieEndpoint[] Table =
    [
        Async(ApiFamily.Jobs, "/api/v1/jobs/createTask", "/api/v1/jobs/recordInfo", "model", false, KieResultKind.Files, StateDecoders.Market, ResultReaders.Market),
        Async(ApiFamily.Veo, "/api/v1/veo/generate", VeoStatus, "model", false, KieResultKind.Files, StateDecoders.SuccessFlag, ResultReaders.Harvest),
        Async(ApiFamily.Veo, "/api/v1/veo/extend", VeoStatus, "model", false, KieResultKind.Files, StateDecoders.SuccessFlag, ResultReaders.Harvest),
        Async(ApiFamily.Veo, "/api/v1/veo/get-4k-video", VeoStatus, null, false, KieResultKind.Files, StateDecoders.SuccessFlag, ResultReaders.Harvest),
        new(ApiFamily.Veo, "/api/v1/veo/get-1080p-video", "/api/v1/veo/get-1080p-video", null, false, KieResultKind.Files, StateDecoders.ReadyUrl, ResultReaders.ResultUrl, readsEarlierTask: true),
        Async(ApiFamily.Runway, "/api/v1/runway/generate", "/api/v1/runway/record-detail", null, false, KieResultKind.Files, StateDecoders.Market, ResultReaders.Harvest),
        Async(ApiFamily.Runway, "/api/v1/runway/extend", "/api/v1/runway/record-detail", null, false, KieResultKind.Files, StateDecoders.Market, ResultReaders.Harvest),
        Async(ApiFamily.Aleph, "/api/v1/aleph/generate", "/api/v1/aleph/record-info", null, false, KieResultKind.Files, StateDecoders.SuccessFlag, ResultReaders.Harvest),
        Async(ApiFamily.Suno, "/api/v1/generate", SunoStatus, "model", true, KieResultKind.Files, StateDecoders.Suno, ResultReaders.Songs),
        Async(ApiFamily.Suno, "/api/v1/generate/extend", SunoStatus, "model", true, KieResultKind.Files, StateDecoders.Suno, ResultReaders.Songs),
        Async(ApiFamily.Suno, "/api/v1/generate/upload-cover", SunoStatus, "model", true, KieResultKind.Files, StateDecoders.Suno, ResultReaders.Songs),
        Async(ApiFamily.Suno, "/api/v1/generate/upload-extend", SunoStatus, "model", true, KieResultKind.Files, StateDecoders.Suno, ResultReaders.Songs),
        Async(ApiFamily.Suno, "/api/v1/generate/add-instrumental", SunoStatus, "model", true, KieResultKind.Files, StateDecoders.Suno, ResultReaders.Songs),
        Async(ApiFamily.Suno, "/api/v1/generate/add-vocals", SunoStatus, "model", true, KieResultKind.Files, StateDecoders.Suno, ResultReaders.Songs),
        Async(ApiFamily.Suno, "/api/v1/generate/mashup", SunoStatus, "model", true, KieResultKind.Files, StateDecoders.Suno, ResultReaders.Songs),
        Async(ApiFamily.Suno, "/api/v1/generate/replace-section", SunoStatus, null, true, KieResultKind.Files, StateDecoders.Suno, ResultReaders.Songs),
        Async(ApiFamily.Suno, "/api/v1/lyrics", "/api/v1/lyrics/record-info", null, true, KieResultKind.Text, StateDecoders.Suno, ResultReaders.Lyrics),
        Async(ApiFamily.Suno, "/api/v1/wav/generate", "/api/v1/wav/record-info", null, true, KieResultKind.Files, StateDecoders.SuccessFlag, ResultReaders.Wav),
        Async(ApiFamily.Suno, "/api/v1/vocal-removal/generate", "/api/v1/vocal-removal/record-info", null, true, KieResultKind.Files, StateDecoders.SuccessFlag, ResultReaders.Stems),
        Async(ApiFamily.Suno, "/api/v1/midi/generate", "/api/v1/midi/record-info", null, true, KieResultKind.Data, StateDecoders.SuccessFlag, ResultReaders.Midi),
        Async(ApiFamily.Suno, "/api/v1/suno/cover/generate", "/api/v1/suno/cover/record-info", null, true, KieResultKind.Files, StateDecoders.CoverFlag, ResultReaders.CoverImages),
        Sync(ApiFamily.Suno, "/api/v1/style/generate", KieResultKind.Text, ResultReaders.Style),
        Sync(ApiFamily.Suno, "/api/v1/generate/generate-persona", KieResultKind.Data, ResultReaders.Data),
        Sync(ApiFamily.Suno, "/api/v1/generate/get-timestamped-lyrics", KieResultKind.Text, TimedLyrics.Read),
        Async(ApiFamily.Gpt4oImage, "/api/v1/gpt4o-image/generate", "/api/v1/gpt4o-image/record-info", null, false, KieResultKind.Files, StateDecoders.SuccessFlag, ResultReaders.Harvest),
        Sync(ApiFamily.Gpt4oImage, "/api/v1/gpt4o-image/download-url", KieResultKind.Files, ResultReaders.DownloadUrl),
        Async(ApiFamily.FluxKontext, "/api/v1/flux/kontext/generate", "/api/v1/flux/kontext/record-info", "model", false, KieResultKind.Files, StateDecoders.SuccessFlag, ResultReaders.Harvest),
        Async(ApiFamily.Midjourney, "/api/v1/mj/generate", MidjourneyStatus, "taskType", false, KieResultKind.Files, StateDecoders.SuccessFlag, ResultReaders.Harvest),
        Async(ApiFamily.Midjourney, "/api/v1/mj/generateUpscale", MidjourneyStatus, null, false, KieResultKind.Files, StateDecoders.SuccessFlag, ResultReaders.Harvest),
        Async(ApiFamily.Midjourney, "/api/v1/mj/generateVary", MidjourneyStatus, null, false, KieResultKind.Files, StateDecoders.SuccessFlag, ResultReaders.Harvest),
        Async(ApiFamily.Luma, "/api/v1/modify/generate", "/api/v1/modify/record-info", null, false, KieResultKind.Files, StateDecoders.SuccessFlag, ResultReaders.Harvest),
        Sync(ApiFamily.Omni, "/api/v1/omni/audio/create", KieResultKind.Data, ResultReaders.Data),
        Sync(ApiFamily.Omni, "/api/v1/omni/character/create", KieResultKind.Data, ResultReaders.Data),
    ];

    /// <summary>Every endpoint, the family's usual one first within each family.</summary>
    public static IReadOnlyList<KieEndpoint> All => Table;

    /// <summary>
    /// The endpoint at <paramref name="createPath"/> of <paramref name="api"/>, or the family's usual endpoint when
    /// <paramref name="createPath"/> is null (a mode's <see cref="ModeDescriptor.CreatePath"/>); null when the client does not call it.
    /// </summary>
    public static KieEndpoint? Find(ApiFamily api, string? createPath = null) =>
        createPath is null
            ? Array.Find(Table, e => e.Api == api && api != ApiFamily.Omni)
            : Array.Find(Table, e => e.Api == api && e.CreatePath == createPath);

    /// <summary>The endpoint a mode is called at; null when the client does not call it.</summary>
    public static KieEndpoint? For(ModeDescriptor mode)
    {
        ArgumentNullException.ThrowIfNull(mode);
        return Find(mode.Api, mode.CreatePath);
    }

    /// <summary>The endpoint a mode's task is created at; a mode on an endpoint the client does not call is invalid input.</summary>
    internal static KieEndpoint Require(ModeDescriptor mode) =>
        For(mode) ?? throw new KieException(new KieError(KieErrorKind.InvalidInput, KieOperation.CreateTask, $"{mode.Key}: the KIE client does not call {mode.CreatePath ?? mode.Api.ToString()}"));

    private static KieEndpoint Async(ApiFamily api, string create, string status, string? modelField, bool callback, KieResultKind result, Func<JsonElement, DecodedState> decode, Func<JsonElement, ResultRead> read) =>
        new(api, create, status, modelField, callback, result, decode, read);

    private static KieEndpoint Sync(ApiFamily api, string create, KieResultKind result, Func<JsonElement, ResultRead> read) =>
        new(api, create, null, null, false, result, null, read);
}
