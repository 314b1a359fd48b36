using KieBot.Storage;
using KieCatalog.Client;
using KieCatalog.Errors;

namespace KieBot.Generations;

/// <summary>
/// How a generation's life reaches the user. Generations renders nothing and knows no chat: it says what happened
/// through this port, which the conversation implements (texts, buttons, the Bot API).
/// </summary>
public interface IGenerationReporter
{
    /// <summary>The generation is recorded and paid (or free): show that it started, in place of the message confirmed when given; returns the status message id.</summary>
    Task<long> StartedAsync(Generation generation, int? confirmedMessageId, CancellationToken cancellationToken);

    /// <summary>
    /// KIE reports the task still running (queued, generating, or a state it names); <paramref name="expected"/> is how long
    /// its kind of task usually takes, when enough of them were seen.
    /// </summary>
    Task ProgressAsync(Generation generation, KieTask task, TimeSpan elapsed, TaskExpectation? expected, CancellationToken cancellationToken);

    /// <summary>
    /// A staged result has a first part to listen to while the rest is made (Suno's first track, streaming): show it.
    /// Called once per generation (the tracker records it right after), also when KIE repeats its callbacks.
    /// </summary>
    Task PreviewAsync(Generation generation, KieTrack preview, CancellationToken cancellationToken);

    /// <summary>
    /// Delivers a succeeded generation's result, resuming after <see cref="Generation.SentParts"/>; calls
    /// <paramref name="accepted"/> with the parts accepted so far right after each; returns what can re-send it later.
    /// Throws <see cref="UserUnreachableException"/> when the user can no longer be reached.
    /// </summary>
    Task<IReadOnlyList<string>> DeliverAsync(Generation generation, Func<IReadOnlyList<string>, CancellationToken, Task> accepted, CancellationToken cancellationToken);

    /// <summary>The generation failed and its reservation is released (or its free use given back): say why.</summary>
    Task FailedAsync(Generation generation, KieError error, CancellationToken cancellationToken);

    /// <summary>A paid, real generation's price was captured (reported again on a replay: what it triggers must be keyed, as a referral reward is).</summary>
    Task CapturedAsync(Generation generation, CancellationToken cancellationToken);
}
