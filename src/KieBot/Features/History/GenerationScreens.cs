using KieBot.Generations;
using KieBot.Payments;
using KieBot.Storage;
using KieBot.Telegram;
using KieCatalog;
using KieCatalog.Catalog;
using KieCatalog.Client;
using KieCatalog.Errors;
using KieBot.Conversation;

namespace KieBot.Features.History;

/// <summary>
/// What a user sees of a generation's life (<see cref="IGenerationReporter"/>): one status message that says it
/// started, how KIE is doing, then the result with its buttons, or why it failed and that the credits are back.
/// </summary>
public sealed class GenerationScreens(IBotStore store, IChatSurface chat, BotSettings settings, Pricing pricing, TimeProvider time) : IGenerationReporter
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<long, (string Language, DateTimeOffset At)> languages = new();

    public async Task<long> StartedAsync(Generation generation, int? confirmedMessageId, CancellationToken cancellationToken)
    {
        var language = await LanguageAsync(generation.UserId, cancellationToken).ConfigureAwait(false);
        var (model, mode) = Names(generation, language);
        var started = new Screen(Texts.Get(language, "gen.started", model, mode));
        return confirmedMessageId is { } pressed
            ? await chat.EditAsync(generation.ChatId, pressed, started, cancellationToken).ConfigureAwait(false)
            : await chat.SendAsync(generation.ChatId, started, cancellationToken).ConfigureAwait(false);
    }

    public async Task ProgressAsync(Generation generation, KieTask task, TimeSpan elapsed, TaskExpectation? expected, CancellationToken cancellationToken)
    {
        var language = await LanguageAsync(generation.UserId, cancellationToken).ConfigureAwait(false);
        var key = task.State switch
        {
            KieTaskState.Generating => "gen.running",
            KieTaskState.Other => "gen.other",
            _ => "gen.queued",
        };

        // A state the client does not know is shown as KIE named it, not guessed as generating.
        var (model, mode) = Names(generation, language);
        var text = Texts.Get(language, key, model, mode, ("elapsed", (int)elapsed.TotalSeconds), ("state", task.RawState));
        if (ExpectationHint(language, elapsed, expected) is { } hint)
        {
            text += "\n" + hint;
        }

        if (generation.StatusMessageId is { } status)
        {
            var screen = IsLate(elapsed, expected) ? new Screen(text, HistoryButtons.WhileLate(language, generation)) : new Screen(text);
            await chat.EditAsync(generation.ChatId, (int)status, screen, cancellationToken).ConfigureAwait(false);
        }

        await chat.ShowActivityAsync(generation.ChatId, Mode(generation)?.Output ?? OutputKind.Image, cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<string>> DeliverAsync(Generation generation, Func<IReadOnlyList<string>, CancellationToken, Task> accepted, CancellationToken cancellationToken)
    {
        var language = await LanguageAsync(generation.UserId, cancellationToken).ConfigureAwait(false);
        var mode = Mode(generation);
        var (modelName, modeName) = Names(generation, language);
        var caption = Texts.Get(language, "gen.done", modelName, modeName);
        var buttons = new Screen(caption, mode is null ? [[new Button(Texts.Get(language, "btn.menu"), BotCallbacks.Menu)]] : HistoryButtons.UnderResult(language, generation, mode, pricing));
        var delivery = new Delivery(mode?.Output ?? OutputKind.Image, generation.ResultUrls, generation.ResultText, caption, buttons)
        {
            Sent = generation.SentParts,
            Progress = accepted,
            Tracks = [.. generation.Tracks.Select(t => new DeliveryTrack(t.AudioUrl, t.Title, t.ImageUrl, t.Lyrics))],
        };
        IReadOnlyList<string> delivered;
        try
        {
            delivered = await chat.DeliverAsync(generation.ChatId, delivery, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is ChatUnavailableException or global::Telegram.Bot.Exceptions.ApiRequestException { ErrorCode: 403 })
        {
            throw new UserUnreachableException(generation.ChatId, e);
        }

        if (generation.StatusMessageId is { } status)
        {
            // The result carries the caption: the status message says only that it is done.
            await chat.EditAsync(generation.ChatId, (int)status, new Screen(Texts.Get(language, "gen.delivered")), cancellationToken).ConfigureAwait(false);
        }

        return delivered;
    }

    public async Task PreviewAsync(Generation generation, KieTrack preview, CancellationToken cancellationToken)
    {
        var language = await LanguageAsync(generation.UserId, cancellationToken).ConfigureAwait(false);
        var (model, mode) = Names(generation, language);
        var text = Texts.Get(language, "gen.preview", model, mode, ("url", preview.StreamAudioUrl), ("title", preview.Title ?? Texts.Get(language, "gen.preview_untitled")));
        await chat.SendAsync(generation.ChatId, new Screen(text), cancellationToken).ConfigureAwait(false);
    }

    public async Task FailedAsync(Generation generation, KieError error, CancellationToken cancellationToken)
    {
        var language = await LanguageAsync(generation.UserId, cancellationToken).ConfigureAwait(false);
        var message = error.UserMessage(language);
        var text = generation.ReservationKey is null
            ? Texts.Get(language, "gen.failed_free", ("message", message))
            : Texts.Get(language, "gen.failed", ("message", message), ("price", generation.Price));

        // Try the same settings again (the summary, with its price), or the menu.
        var screen = new Screen(text, [[new Button(Texts.Get(language, "btn.repeat"), HistoryButtons.RepeatPrefix + generation.Id)], [new Button(Texts.Get(language, "btn.menu"), BotCallbacks.Menu)]]);
        if (generation.StatusMessageId is { } status)
        {
            await chat.EditAsync(generation.ChatId, (int)status, screen, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            await chat.SendAsync(generation.ChatId, screen, cancellationToken).ConfigureAwait(false);
        }
    }

    public Task CapturedAsync(Generation generation, CancellationToken cancellationToken) =>
        Referrals.RewardAsync(store, settings, generation.UserId, ReferralTrigger.Generation, cancellationToken);

    /// <summary>The user's language, remembered for a few minutes (a tracking pass reads many rows of the same users).</summary>
    private async Task<string> LanguageAsync(long userId, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        if (languages.TryGetValue(userId, out var known) && now - known.At < TimeSpan.FromMinutes(5))
        {
            return known.Language;
        }

        var language = Texts.Normalize((await store.Users.GetAsync(userId, ct).ConfigureAwait(false))?.Language);
        languages[userId] = (language, now);
        return language;
    }

    private static ((string, object?) Model, (string, object?) Mode) Names(Generation generation, string language) =>
        (("model", Mode(generation)?.Model.Name ?? generation.ModelId), ("mode", Mode(generation)?.Label.Get(language) ?? generation.ModeId));

    private static ModeDescriptor? Mode(Generation generation) => StoredMode.Of(generation);

    /// <summary>
    /// How long this usually takes ("usually about 3 min", from the median of its kind), or past the 90th percentile that
    /// it is taking longer than usual; null without enough history.
    /// </summary>
    public static string? ExpectationHint(string language, TimeSpan elapsed, TaskExpectation? expected)
    {
        if (expected is null)
        {
            return null;
        }

        if (IsLate(elapsed, expected))
        {
            return Texts.Get(language, "gen.longer");
        }

        return expected.P50 < TimeSpan.FromSeconds(90)
            ? Texts.Get(language, "gen.usually_seconds", ("seconds", (int)Math.Ceiling(expected.P50.TotalSeconds)))
            : Texts.Get(language, "gen.usually_minutes", ("minutes", (int)Math.Round(expected.P50.TotalMinutes, MidpointRounding.AwayFromZero)));
    }

    /// <summary>Past the 90th percentile of its kind: the message says so and offers to keep waiting or be told when done.</summary>
    private static bool IsLate(TimeSpan elapsed, TaskExpectation? expected) => expected is not null && elapsed > expected.P90;
}
