using KieBot.Generations;
using KieBot.Storage;
using KieBot.Telegram;
using KieCatalog;
using KieCatalog.Catalog;
using KieCatalog.Client;
using KieBot.Conversation;

namespace KieBot.Flows;

/// <summary>
/// The conversation as an explicit per-user state machine: each update is routed by its kind (button, text, file) and
/// the user's persisted <see cref="FlowState"/>, and the new state is saved before the next update of that user.
/// </summary>
public sealed partial class FlowEngine(
    IBotStore store,
    IChatSurface chat,
    IKieGateway kie,
    Pricing pricing,
    BotSettings settings,
    GenerationSubmitter submitter,
    FreeQuota freeQuota,
    Broadcaster broadcaster,
    FeatureRouter features)
{
    /// <summary>How long an update's claim protects it from a second handler (one whose handler died is taken over after it).</summary>
    public static readonly TimeSpan ClaimExpiry = TimeSpan.FromSeconds(60);

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

        var turn = new Turn(update, user, language, FlowState.Parse(start.Conversation?.State));
        if (user.Blocked)
        {
            await AnswerAsync(turn, null, cancellationToken).ConfigureAwait(false);
            await store.Updates.FinishAsync(update.UpdateId, user.Id, null, cancellationToken).ConfigureAwait(false);
            return UpdateOutcome.Handled;
        }

        if (await InMaintenanceAsync(cancellationToken).ConfigureAwait(false) && !await IsAdminAsync(user.Id, cancellationToken).ConfigureAwait(false))
        {
            await AnswerAsync(turn, null, cancellationToken).ConfigureAwait(false);
            await chat.SendAsync(turn.ChatId, new Screen(turn.T("maintenance")), cancellationToken).ConfigureAwait(false);
            await store.Updates.FinishAsync(update.UpdateId, user.Id, null, cancellationToken).ConfigureAwait(false);
            return UpdateOutcome.Handled;
        }

        if (update.IsCallback)
        {
            var alert = await OnButtonAsync(turn, update.CallbackData!, cancellationToken).ConfigureAwait(false);
            await AnswerAsync(turn, alert, cancellationToken).ConfigureAwait(false);
        }
        else if (update.File is { } file)
        {
            await OnFileAsync(turn, file, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            await OnTextAsync(turn, update.Text?.Trim() ?? string.Empty, cancellationToken).ConfigureAwait(false);
        }

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

    private async Task<string?> OnButtonAsync(Turn turn, string data, CancellationToken ct)
    {
        if (features.Find(data) is { } feature)
        {
            var alert = feature.Enabled ? await feature.OnButtonAsync(turn, data, ct).ConfigureAwait(false) : IFeature.Stale;
            return alert == IFeature.Stale ? await StaleAsync(turn, ct).ConfigureAwait(false) : alert;
        }

        switch (data)
        {
            case BotCallbacks.Menu:
                await ShowMenuAsync(turn, "menu", ct).ConfigureAwait(false);
                return null;
            case BotCallbacks.Cancel:
                await ShowMenuAsync(turn, "cancelled", ct).ConfigureAwait(false);
                return null;
            case BotCallbacks.Back:
                await BackAsync(turn, ct).ConfigureAwait(false);
                return null;
            case BotCallbacks.Balance:
                await ShowBalanceAsync(turn, ct).ConfigureAwait(false);
                return null;
            case BotCallbacks.History:
                await ShowHistoryAsync(turn, 0, ct).ConfigureAwait(false);
                return null;
            case BotCallbacks.Help:
                await ShowAsync(turn, new Screen(turn.T("help"), [Keyboards.MenuOnly(turn)]), ct).ConfigureAwait(false);
                return null;
            case BotCallbacks.Language:
                await ShowAsync(turn, LanguagePicker(turn), ct).ConfigureAwait(false);
                return null;
            case BotCallbacks.Russian or BotCallbacks.English:
                await SetLanguageAsync(turn, data == BotCallbacks.Russian ? "ru" : "en", ct).ConfigureAwait(false);
                return null;
            case BotCallbacks.Settings:
                return InForm(turn) ? await ShowSettingsAsync(turn, null, ct).ConfigureAwait(false) : await StaleAsync(turn, ct).ConfigureAwait(false);
            case BotCallbacks.Summary:
                return InForm(turn) ? await ShowSummaryAsync(turn, ct).ConfigureAwait(false) : await StaleAsync(turn, ct).ConfigureAwait(false);
            case BotCallbacks.Skip or BotCallbacks.Next or BotCallbacks.Done:
                return await OnFormButtonAsync(turn, data, ct).ConfigureAwait(false);
        }

        if (data.StartsWith(BotCallbacks.ConfirmPrefix, StringComparison.Ordinal))
        {
            return await ConfirmAsync(turn, data[BotCallbacks.ConfirmPrefix.Length..], ct).ConfigureAwait(false);
        }

        if (data.StartsWith(BotCallbacks.PagePrefix, StringComparison.Ordinal) && int.TryParse(data.AsSpan(BotCallbacks.PagePrefix.Length), out var page)
            && turn.State.Category is { } category && Enum.TryParse<ModelCategory>(category, out var parsed))
        {
            await ShowCategoryAsync(turn, parsed, page, ct).ConfigureAwait(false);
            return null;
        }

        if (data.StartsWith(BotCallbacks.AskPrefix, StringComparison.Ordinal) && int.TryParse(data.AsSpan(BotCallbacks.AskPrefix.Length), out var index)
            && CurrentMode(turn) is { } mode && index >= 0 && index < mode.Params.Count && turn.State.Step is FlowStep.Settings or FlowStep.Summary)
        {
            await AskAsync(turn, mode.Params[index], fromSettings: true, ct).ConfigureAwait(false);
            return null;
        }

        if (data.StartsWith(AdminPrefix, StringComparison.Ordinal))
        {
            return await OnAdminButtonAsync(turn, data, ct).ConfigureAwait(false);
        }

        if (await OnHistoryButtonAsync(turn, data, ct).ConfigureAwait(false) is { } handled)
        {
            return handled.Length == 0 ? null : handled;
        }

        if (!CatalogCallbacks.TryParse(data, out var callback))
        {
            return await StaleAsync(turn, ct).ConfigureAwait(false);
        }

        switch (callback)
        {
            case CategoryCallback c:
                await ShowCategoryAsync(turn, c.Category, 0, ct).ConfigureAwait(false);
                return null;
            case ModelCallback { Model.IsVisible: true } m:
                await ShowModelAsync(turn, m.Model, ct).ConfigureAwait(false);
                return null;
            case ModeCallback { Mode.IsVisible: true } o:
                await StartFormAsync(turn, o.Mode, ct).ConfigureAwait(false);
                return null;
            case EnumValueCallback e when IsAsking(turn, e.Param):
                turn.State = turn.State with { Values = With(turn.State.Values, e.Param.Name, ParamValues.Enum(e.Value)) };
                await ContinueAsync(turn, ct).ConfigureAwait(false);
                return null;
            case ToggleCallback t when IsAsking(turn, t.Param):
                var on = ParamValues.ReadBoolean(turn.State.Values.GetValueOrDefault(t.Param.Name), t.Param.DefaultValue);
                turn.State = turn.State with { Values = With(turn.State.Values, t.Param.Name, ParamValues.Boolean(!on)) };
                await ShowAsync(turn, new FormPrompter(turn).For(t.Param), ct).ConfigureAwait(false);
                return null;
            default:
                return await StaleAsync(turn, ct).ConfigureAwait(false);
        }
    }

    private async Task OnTextAsync(Turn turn, string text, CancellationToken ct)
    {
        if (text.StartsWith('/') && await OnAdminTextAsync(turn, text, ct).ConfigureAwait(false))
        {
            return;
        }

        var command = text.Split(' ', 2)[0].ToLowerInvariant();
        switch (command)
        {
            case "/start" or "/menu":
                await ShowMenuAsync(turn, "welcome", ct).ConfigureAwait(false);
                return;
            case "/cancel":
                await ShowMenuAsync(turn, "cancelled", ct).ConfigureAwait(false);
                return;
            case "/balance":
                await ShowBalanceAsync(turn, ct).ConfigureAwait(false);
                return;
            case "/history":
                await ShowHistoryAsync(turn, 0, ct).ConfigureAwait(false);
                return;
            case "/help":
                await ShowAsync(turn, new Screen(turn.T("help"), [Keyboards.MenuOnly(turn)]), ct).ConfigureAwait(false);
                return;
            case "/language":
                await ShowAsync(turn, LanguagePicker(turn), ct).ConfigureAwait(false);
                return;
        }

        if (text.StartsWith('/'))
        {
            var argument = text.Split(' ', 2, StringSplitOptions.TrimEntries) is [_, var rest] ? rest : null;
            foreach (var feature in features.Features.Where(f => f.Enabled))
            {
                if (await feature.OnCommandAsync(turn, command, argument, ct).ConfigureAwait(false))
                {
                    return;
                }
            }
        }

        if (AskedParam(turn) is { } param)
        {
            await AcceptTextAsync(turn, param, text, ct).ConfigureAwait(false);
            return;
        }

        if (features.Named(turn.State.Feature) is { Enabled: true } waiting)
        {
            await waiting.OnMessageAsync(turn, ct).ConfigureAwait(false);
            return;
        }

        await chat.SendAsync(turn.ChatId, new Screen(turn.T("error.expect_buttons"), [Keyboards.MenuOnly(turn)]), ct).ConfigureAwait(false);
    }

    private async Task OnFileAsync(Turn turn, IncomingFile file, CancellationToken ct)
    {
        if (features.Named(turn.State.Feature) is { Enabled: true } waiting)
        {
            await waiting.OnMessageAsync(turn, ct).ConfigureAwait(false);
            return;
        }

        if (AskedParam(turn) is { IsUpload: true } param)
        {
            await AcceptFileAsync(turn, param, file, ct).ConfigureAwait(false);
            return;
        }

        var key = AskedParam(turn) is not null ? "error.expect_text" : "error.expect_buttons";
        await chat.SendAsync(turn.ChatId, new Screen(turn.T(key), [Keyboards.MenuOnly(turn)]), ct).ConfigureAwait(false);
    }

    /// <summary>Shows a screen: edits the message whose button was pressed, else sends a new one.</summary>
    private Task ShowAsync(Turn turn, Screen screen, CancellationToken ct) => chat.ShowAsync(turn, screen, ct);

    private Task AnswerAsync(Turn turn, string? alert, CancellationToken ct) =>
        turn.Update.CallbackId is { } id ? chat.AnswerAsync(id, alert, ct) : Task.CompletedTask;

    private async Task<string?> StaleAsync(Turn turn, CancellationToken ct)
    {
        await ShowMenuAsync(turn, "menu", ct).ConfigureAwait(false);
        return turn.T("stale");
    }

    private static Dictionary<string, string> With(Dictionary<string, string> values, string name, string? json)
    {
        var copy = new Dictionary<string, string>(values, StringComparer.Ordinal);
        if (json is null)
        {
            copy.Remove(name);
        }
        else
        {
            copy[name] = json;
        }

        return copy;
    }
}
