using KieBot.Storage;
using KieCatalog.Catalog;
using KieCatalog.Client;
using KieCatalog.Errors;

namespace KieBot.Generations;

/// <summary>
/// Results KIE makes in stages (Suno: text, first, complete; kie-api.md §4): the first track's stream shown once while
/// the rest is made, the songs kept with their titles and covers for the delivery, and a failure told by the code its
/// callback carried (531: KIE refunded its credits) when KIE's record does not say it.
/// </summary>
public sealed partial class GenerationTracker
{
    /// <summary>Failures seen once without a code while their callback may still be on its way.</summary>
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, byte> awaitingCallback = new(StringComparer.Ordinal);

    /// <summary>Sends the preview of a staged result once: Telegram accepts it, then the row records it.</summary>
    private async Task PreviewAsync(Generation generation, KieTask task, CancellationToken ct)
    {
        if (generation.Previewed || task.Preview is not { } preview)
        {
            return;
        }

        await reporter.PreviewAsync(generation, preview, ct).ConfigureAwait(false);
        await store.Generations.SetPreviewedAsync(generation.Id, ct).ConfigureAwait(false);
    }

    /// <summary>The songs of a result, for the delivery (in the order of its result URLs).</summary>
    private static List<GenerationTrack> TracksOf(KieTask task) =>
        [.. task.Tracks.Where(t => t.AudioUrl is not null).Select(t => new GenerationTrack(t.AudioUrl!, t.Title, t.ImageUrl, t.Lyrics, t.Duration, t.Id))];

    /// <summary>
    /// A task KIE's record reports failed. On an endpoint that calls back (Suno) the callback's code says more than a
    /// record without one (its status alone): the code a callback left is used; when none has come yet, the row is
    /// read once more after a short pause, since KIE sends the callback at the moment the task fails. The refund is
    /// the same either way, once.
    /// </summary>
    private async Task FailTaskAsync(Generation generation, KieTask task, CancellationToken ct)
    {
        var error = task.Error!;
        if (error.Reason == KieFailReason.None && StoredMode.Of(generation) is { } mode && KieEndpoints.For(mode) is { RequiresCallback: true })
        {
            var current = await store.Generations.GetAsync(generation.Id, ct).ConfigureAwait(false);
            if (current?.CallbackFailCode is { } code)
            {
                error = KieErrorClassifier.FromTaskFailure(task.TaskId, code, task.FailMessage, mode.Api);
            }
            else if (awaitingCallback.TryAdd(generation.Id, 0))
            {
                schedule[generation.Id] = time.GetUtcNow() + FirstPollInterval;
                return;
            }
        }

        awaitingCallback.TryRemove(generation.Id, out _);
        await FailAsync(generation, error, ct).ConfigureAwait(false);
    }
}
