using KieBot.Storage;
using KieBot.Telegram;

namespace KieBot.Conversation;

/// <summary>
/// The conversation: claims each update, reads the user and their saved state, answers what every screen shares
/// (welcome credits, blocked users, maintenance, the /start /menu /cancel /help interrupts, Back, outdated buttons),
/// hands the rest to the feature that owns it (<see cref="FeatureRouter"/>), follows the reply it gives (another
/// feature's screen, an alert, a message), and saves the new state with the update marked done.
/// </summary>
public sealed class ConversationEngine(IBotStore store, IChatSurface chat, BotSettings settings, FeatureRouter features, Maintenance maintenance, Admins admins)
{
    /// <summary>How long an update's claim protects it from a second handler (one whose handler died is taken over after it).</summary>
    public static readonly TimeSpan ClaimExpiry = TimeSpan.FromSeconds(60);

    /// <summary>How many screens one reply may lead through (a feature opening a feature…) before it is a bug.</summary>
    private const int MaxHops = 8;

    /// <summary>
    /// Handles an update claimed for <paramref name="holder"/>: <see cref="UpdateOutcome.Repeat"/> when it was handled
    /// before, <see cref="UpdateOutcome.Retry"/> when another handler holds it now. A failure under it throws and leaves
    /// it unfinished, so a re-delivery handles it again.
    /// </summary>
    public async Task<UpdateOutcome> HandleAsync(BotUpdate update, string holder, CancellationToken cancellationToken)
    {
        var referrer = await ReferrerAsync(update, cancellationToken).ConfigureAwait(false);
        var claim = new UpdateClaimRequest(update.UpdateId, holder, ClaimExpiry, update.UserId, update.Username, Texts.Normalize(update.LanguageCode), referrer);
        var start = await store.Updates.StartAsync(claim, cancellationToken).ConfigureAwait(false);
        switch (start.Claim)
        {
            case UpdateClaim.Done:
                return UpdateOutcome.Repeat;
            case UpdateClaim.Busy:
                return UpdateOutcome.Retry;
        }

        var user = start.User;
        if ((user.CreatedAt == user.LastSeenAt || start.Retried) && settings.WelcomeCredits > Credits.Zero)
        {
            // Keyed once per user: a retried first update may grant it again without paying twice.
            await store.Ledger.GrantAsync(user.Id, settings.WelcomeCredits, $"welcome:{user.Id}", GrantReason.Bonus, "welcome", cancellationToken: cancellationToken).ConfigureAwait(false);
        }

        var language = Texts.Normalize(user.Language);
        if ((update.PreCheckout is not null || update.Payment is not null) && features.PaymentUpdates is { } payments)
        {
            if (update.PreCheckout is { } checkout)
            {
                await payments.CheckoutAsync(user, language, checkout, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                await payments.PaidAsync(user, update.ChatId, language, update.Payment!, cancellationToken).ConfigureAwait(false);
            }

            await store.Updates.FinishAsync(update.UpdateId, user.Id, null, cancellationToken).ConfigureAwait(false);
            return UpdateOutcome.Handled;
        }

        var turn = new Turn(update, user, language, FlowState.Parse(start.Conversation?.State, features.Upgrade), features);
        if (user.Blocked)
        {
            await AnswerAsync(turn, null, cancellationToken).ConfigureAwait(false);
            await store.Updates.FinishAsync(update.UpdateId, user.Id, null, cancellationToken).ConfigureAwait(false);
            return UpdateOutcome.Handled;
        }

        if (await maintenance.IsOnAsync(cancellationToken).ConfigureAwait(false) && !await admins.IsAdminAsync(user.Id, cancellationToken).ConfigureAwait(false))
        {
            await AnswerAsync(turn, null, cancellationToken).ConfigureAwait(false);
            await chat.SendAsync(turn.ChatId, new Screen(turn.T("maintenance")), cancellationToken).ConfigureAwait(false);
            await store.Updates.FinishAsync(update.UpdateId, user.Id, null, cancellationToken).ConfigureAwait(false);
            return UpdateOutcome.Handled;
        }

        var reply = update.IsCallback
            ? await OnButtonAsync(turn, update.CallbackData!, cancellationToken).ConfigureAwait(false)
            : await OnMessageAsync(turn, cancellationToken).ConfigureAwait(false);
        var alert = await FollowAsync(turn, reply, cancellationToken).ConfigureAwait(false);
        await AnswerAsync(turn, alert, cancellationToken).ConfigureAwait(false);
        await store.Updates.FinishAsync(update.UpdateId, user.Id, turn.State.Serialize(), cancellationToken).ConfigureAwait(false);
        return UpdateOutcome.Handled;
    }

    /// <summary>The referrer named by <c>/start ref_&lt;id&gt;</c>: an existing user other than this one (recorded only for a new user).</summary>
    private async Task<long?> ReferrerAsync(BotUpdate update, CancellationToken ct)
    {
        const string Prefix = "/start ref_";
        if (update.Text is not { } text || !text.StartsWith(Prefix, StringComparison.Ordinal)
            || !long.TryParse(text.AsSpan(Prefix.Length).Trim(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id)
            || id == update.UserId)
        {
            return null;
        }

        return await store.Users.GetAsync(id, ct).ConfigureAwait(false) is null ? null : id;
    }

    private Task<Reply> OnButtonAsync(Turn turn, string data, CancellationToken ct)
    {
        switch (data)
        {
            case BotCallbacks.Menu:
                return Task.FromResult(Reply.Open(new MenuScreen()));
            case BotCallbacks.Cancel:
                return Task.FromResult(Reply.Open(new MenuScreen("cancelled")));
            case BotCallbacks.Help:
                return Task.FromResult(Reply.Open(new HelpScreen()));
            case BotCallbacks.Back:
                return BackAsync(turn, ct);
        }

        return features.Find(data) is { Enabled: true } owner ? owner.OnButtonAsync(turn, data, ct) : Task.FromResult(Reply.Outdated);
    }

    /// <summary>Back is the business of the feature whose screen is on; one with no way back (or none at all) leads to the menu.</summary>
    private async Task<Reply> BackAsync(Turn turn, CancellationToken ct)
    {
        var reply = features.Named(turn.State.Feature) is { Enabled: true } on
            ? await on.OnButtonAsync(turn, BotCallbacks.Back, ct).ConfigureAwait(false)
            : Reply.Outdated;
        return reply is OutdatedReply ? Reply.Open(new MenuScreen()) : reply;
    }

    private async Task<Reply> OnMessageAsync(Turn turn, CancellationToken ct)
    {
        var text = turn.Update.File is null ? turn.Update.Text?.Trim() ?? string.Empty : string.Empty;
        if (text.StartsWith('/'))
        {
            var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var command = words[0].ToLowerInvariant();
            switch (command)
            {
                case "/start" or "/menu":
                    return Reply.Open(new MenuScreen("welcome"));
                case "/cancel":
                    return Reply.Open(new MenuScreen("cancelled"));
                case "/help":
                    return Reply.Open(new HelpScreen());
            }

            var argument = text.Split(' ', 2, StringSplitOptions.TrimEntries) is [_, var rest] ? rest : null;
            foreach (var feature in features.Features.Where(f => f.Enabled))
            {
                if (await feature.OnCommandAsync(turn, command, argument, ct).ConfigureAwait(false) is { } answered)
                {
                    return answered;
                }
            }

            // An admin's command; for anyone else (or an unknown command) no hint that it exists.
            if (await admins.IsAdminAsync(turn.User.Id, ct).ConfigureAwait(false))
            {
                foreach (var feature in features.Features.Where(f => f.Enabled))
                {
                    if (await feature.OnAdminCommandAsync(turn, words, ct).ConfigureAwait(false) is { } answered)
                    {
                        return answered;
                    }
                }
            }
        }

        return features.Named(turn.State.Feature) is { Enabled: true } on
            ? await on.OnMessageAsync(turn, ct).ConfigureAwait(false)
            : Reply.Say(turn.T("error.expect_buttons"));
    }

    /// <summary>Carries a reply out: opens the screens it names (through their features), and returns the alert for the button.</summary>
    private async Task<string?> FollowAsync(Turn turn, Reply reply, CancellationToken ct)
    {
        string? alert = null;
        for (var hop = 0; ; hop++)
        {
            switch (reply)
            {
                case OpenReply open when hop < MaxHops:
                    alert ??= open.ThenAlert;
                    var shower = features.Showing(open.Screen);
                    reply = shower is { Enabled: true }
                        ? await shower.OpenAsync(turn, open.Screen, ct).ConfigureAwait(false)
                        : Reply.Open(new MenuScreen(), turn.T("stale"));
                    continue;
                case OpenReply:
                    throw new InvalidOperationException($"Screens opened one another more than {MaxHops} times (last: {((OpenReply)reply).Screen}).");
                case OutdatedReply:
                    // The press was outdated: the menu, and a word on the button.
                    reply = Reply.Open(new MenuScreen(), turn.T("stale"));
                    continue;
                case AlertReply said when !turn.Update.IsCallback:
                    await chat.SendAsync(turn.ChatId, new Screen(said.Text, [Keyboards.MenuOnly(turn)]), ct).ConfigureAwait(false);
                    return alert;
                case AlertReply shown:
                    return alert ?? shown.Text;
                case SayReply say:
                    await chat.SendAsync(turn.ChatId, say.WithMenu ? new Screen(say.Text, [Keyboards.MenuOnly(turn)]) : new Screen(say.Text), ct).ConfigureAwait(false);
                    return alert;
                default:
                    return alert;
            }
        }
    }

    private Task AnswerAsync(Turn turn, string? alert, CancellationToken ct) =>
        turn.Update.CallbackId is { } id ? chat.AnswerAsync(id, alert, ct) : Task.CompletedTask;
}
