using System.Security.Cryptography;
using System.Text;
using KieBot.Storage;
using KieCatalog.Catalog;
using KieCatalog.Client;
using KieCatalog.Errors;

namespace KieBot.Hosting;

/// <summary>
/// <c>POST /kie/callback/{token}</c>: a wrong token is 401, a task the bot does not know is 404, a bad signature (when
/// KIE's HMAC key is configured) is 401, an unreadable body 400. A valid callback changes no money and no state by
/// itself: the body is not signed, so it only makes the generation due, and the tracker reads the task from KIE and
/// advances it, idempotently, as for a poll. A failure callback also leaves its code on the row (Suno's 531 says KIE
/// refunded its credits, which KIE's record may not say): it words the message of a failure the record confirms.
/// </summary>
internal static partial class KieCallbackEndpoint
{
    public const string Path = "/kie/callback/{token}";
    private const int MaxBody = 1 << 20;

    public static async Task<IResult> HandleAsync(
        string token,
        HttpContext context,
        BotOptions options,
        IBotStore store,
        KieBot.Generations.GenerationTracker tracker,
        KieCallbackParser parser,
        ILoggerFactory loggers)
    {
        var expected = Encoding.UTF8.GetBytes(options.KieCallbackToken ?? string.Empty);
        if (expected.Length == 0 || !CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(token), expected))
        {
            return Results.Unauthorized();
        }

        string body;
        using (var reader = new StreamReader(context.Request.Body, Encoding.UTF8))
        {
            var buffer = new char[MaxBody + 1];
            var read = await reader.ReadBlockAsync(buffer.AsMemory(), context.RequestAborted).ConfigureAwait(false);
            if (read > MaxBody)
            {
                return Results.StatusCode(StatusCodes.Status413PayloadTooLarge);
            }

            body = new string(buffer, 0, read);
        }

        if (KieCallbackParser.TaskIdOf(body) is not { } taskId)
        {
            return Results.BadRequest();
        }

        if (await store.Generations.FindByTaskIdAsync(taskId, context.RequestAborted).ConfigureAwait(false) is not { } generation)
        {
            return Results.NotFound();
        }

        KieTask task;
        try
        {
            task = parser.Parse(Enum.Parse<ApiFamily>(generation.Api), body, context.Request.Headers[KieCallbackParser.TimestampHeader], context.Request.Headers[KieCallbackParser.SignatureHeader], KieBot.Generations.StoredMode.Of(generation)?.CreatePath);
        }
        catch (KieException e) when (e.Kind == KieErrorKind.Unauthorized)
        {
            LogRefused(loggers.CreateLogger("KieBot.KieCallback"), generation.Id, e.Error.Detail);
            return Results.Unauthorized();
        }
        catch (KieException)
        {
            return Results.BadRequest();
        }

        if (generation.State.IsInFlight())
        {
            if (task is { State: KieTaskState.Fail, FailCode: { } failCode })
            {
                await store.Generations.NoteCallbackFailureAsync(generation.Id, failCode, context.RequestAborted).ConfigureAwait(false);
            }

            // A waiting row, or one whose holder stopped renewing its lease (a host that died), is read at once; a row
            // a live worker holds is read again as soon as that worker is done with it.
            if (await store.Generations.HurryAsync(generation.Id, tracker.LiveLease, context.RequestAborted).ConfigureAwait(false))
            {
                tracker.Wake();
            }
        }

        LogReceived(loggers.CreateLogger("KieBot.KieCallback"), generation.Id, task.State);
        return Results.Ok();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "KIE callback for generation {GenerationId}: {State}; it is due now")]
    private static partial void LogReceived(ILogger logger, string generationId, KieTaskState state);

    [LoggerMessage(Level = LogLevel.Warning, Message = "KIE callback for generation {GenerationId} refused: {Detail}")]
    private static partial void LogRefused(ILogger logger, string generationId, string detail);
}
