using KieBot.Conversation;
using KieBot.Features.Form.Lists;
using KieBot.Generations;
using KieBot.Storage;
using KieBot.Telegram;
using KieCatalog.Catalog;
using KieCatalog.Errors;

namespace KieBot.Features.Form;

/// <summary>
/// The form's screens: one question at a time (the first pass), the summary with the exact price, the settings screen,
/// and the way back one question at a time.
/// </summary>
public sealed class FormFlow(IBotStore store, IChatSurface chat, Pricing pricing, FreeQuota freeQuota, BotSettings settings, Coach.PromptCoach coach)
{
    /// <summary>After an answer: back to the summary when editing a setting, else the next question or the summary.</summary>
    public Task<Reply> ContinueAsync(Turn turn, FormState form, ModeDescriptor mode, CancellationToken ct) =>
        form.Item is not null && form.Asking is { } name && mode.FindParam(name) is { Kind: ParamKind.List } list ? ContinueItemAsync(turn, form, mode, list, ct)
        : !form.FromSettings && FormOrder.NextToAsk(mode, form) is { } next
            ? AskAsync(turn, form, mode, next, fromSettings: false, ct)
            : ShowSummaryAsync(turn, form, mode, ct);

    /// <summary>After a field of a list's item: a new item's next required field, else the list; an edited item's screen.</summary>
    public Task<Reply> ContinueItemAsync(Turn turn, FormState form, ModeDescriptor mode, ParamDescriptor list, CancellationToken ct) =>
        !form.Adding ? AskAsync(turn, form with { Field = null }, mode, list, form.FromSettings, ct)
        : ListOrder.NextField(list, form) is { } next ? AskAsync(turn, form, mode, next, form.FromSettings, ct)
        : AskAsync(turn, form.OffItems(), mode, list, form.FromSettings, ct);

    /// <summary>
    /// Asks <paramref name="param"/>: in place of the pressed message, or as a new message after a typed answer (<see cref="ScreenShow"/>).
    /// A field of a list's item is asked for the item <see cref="FormState.Item"/> names.
    /// </summary>
    public async Task<Reply> AskAsync(Turn turn, FormState form, ModeDescriptor mode, ParamDescriptor param, bool fromSettings, CancellationToken ct)
    {
        form = param.List is { } list
            ? form with { Asking = list.Name, Field = param.Name, FromSettings = fromSettings }
            : form with { Asking = param.Name, Field = null, FromSettings = fromSettings };
        turn.State = form.At(FormState.Steps.Asking);
        await chat.ShowAsync(turn, await QuestionAsync(turn, form, mode, param, ct).ConfigureAwait(false), ct).ConfigureAwait(false);
        return Reply.Shown;
    }

    /// <summary>The question for <paramref name="param"/>; a prompt's has the coach's ✨ button first when the coach is on.</summary>
    public async Task<Screen> QuestionAsync(Turn turn, FormState form, ModeDescriptor mode, ParamDescriptor param, CancellationToken ct)
    {
        var screen = new FormPrompter(turn, form, mode).For(param);
        return coach.Offers(mode, param)
            ? screen with { Keyboard = [[await coach.ButtonAsync(turn, ct).ConfigureAwait(false)], .. screen.Keyboard] }
            : screen;
    }

    /// <summary>Says why an answer was refused, then asks the same parameter again.</summary>
    public async Task<Reply> RefuseAsync(Turn turn, FormState form, ModeDescriptor mode, ParamDescriptor param, string message, CancellationToken ct)
    {
        await chat.SendAsync(turn.ChatId, new Screen(message), ct).ConfigureAwait(false);
        return await AskAsync(turn, form, mode, param, form.FromSettings, ct).ConfigureAwait(false);
    }

    /// <summary>The exact price and balance, every value, and confirm (or top up) / settings / back / cancel.</summary>
    public async Task<Reply> ShowSummaryAsync(Turn turn, FormState form, ModeDescriptor mode, CancellationToken ct)
    {
        form = form.OffItems() with { Asking = null, FromSettings = false };
        if (FormOrder.NextToAsk(mode, form) is { } missing)
        {
            return await AskAsync(turn, form, mode, missing, fromSettings: false, ct).ConfigureAwait(false);
        }

        var (input, price, problem) = Quote(turn, form, mode);
        if (problem is not null)
        {
            return await ShowSettingsAsync(turn, form, mode, turn.T("summary.invalid", ("message", problem)), ct).ConfigureAwait(false);
        }

        var balance = await store.Ledger.GetBalanceAsync(turn.User.Id, ct).ConfigureAwait(false);
        var freeLeft = freeQuota.Covers(mode) ? await freeQuota.LeftAsync(turn.User.Id, ct).ConfigureAwait(false) : 0;
        var summary = FormButtons.NewSummaryId();
        form = form with { Free = freeLeft > 0, Summary = summary };
        turn.State = form.At(FormState.Steps.Summary);
        var lines = mode.Params
            .Where(p => (form.Values.ContainsKey(p.Name) || p.DefaultValue is not null) && !FollowUps.SetByParent(mode, p))
            .Select(p => $"• {p.Label.Get(turn.Language)}: {ParamValues.Display(p, form.Values.GetValueOrDefault(p.Name), turn)}{Length(turn, form, p)}{ItemLines(turn, form, p)}")
            .Prepend(await ParentLineAsync(turn, form, mode, ct).ConfigureAwait(false))
            .OfType<string>();
        var text = turn.T(
            freeLeft > 0 ? "summary.free" : price == Credits.Zero ? "summary.no_charge" : "summary",
            ("model", mode.Model.Name),
            ("mode", mode.Label.Get(turn.Language)),
            ("params", string.Join("\n", lines)),
            ("price", price),
            ("rub", pricing.Rubles(price)),
            ("balance", balance.Available),
            ("left", freeLeft),
            ("daily", freeQuota.Daily));
        var short_ = freeLeft == 0 && balance.Available < price;
        if (short_)
        {
            text += "\n\n" + turn.T("summary.insufficient", ("price", price), ("balance", balance.Available));
        }

        if (freeLeft == 0 && ImagesMade.Asked(mode, input.ToInputJson()) is > 1 and var most)
        {
            text += "\n\n" + turn.T("summary.per_image_made", ("most", most), ("each", Credits.Ceiling(price.Value / most)));
        }

        if (settings.DryRun)
        {
            text += "\n" + turn.T("gen.dry");
        }

        // Short of credits: the way to top up instead of a Generate button that can only refuse.
        var first = !short_
            ? new Button(freeLeft > 0 ? turn.T("btn.confirm_free") : turn.T("btn.confirm", ("price", price)), FormButtons.Confirm(summary))
            : turn.Shared.BalanceButtons(turn).FirstOrDefault() ?? new Button(turn.T("btn.balance"), BotCallbacks.Balance);
        var rows = new List<IReadOnlyList<Button>>
        {
            new[] { first },
            new[] { new Button(turn.T("btn.settings"), FormButtons.Settings) },
            Keyboards.BackCancel(turn),
        };
        await chat.ShowAsync(turn, new Screen(TelegramLimits.Fit(text, TelegramLimits.MessageText), rows), ct).ConfigureAwait(false);
        return Reply.Shown;
    }

    /// <summary>Every parameter with its value; pressing one asks it again, then returns to the summary.</summary>
    public async Task<Reply> ShowSettingsAsync(Turn turn, FormState form, ModeDescriptor mode, string? notice, CancellationToken ct)
    {
        form = form.OffItems() with { Asking = null, FromSettings = false };
        turn.State = form.At(FormState.Steps.Settings);
        var rows = mode.Params
            .Select((p, i) => (Param: p, Index: i))
            .Where(x => !FollowUps.SetByParent(mode, x.Param))
            .Select(x => (IReadOnlyList<Button>)[new Button(
                TelegramLimits.Fit($"{x.Param.Label.Get(turn.Language)}: {ParamValues.Display(x.Param, form.Values.GetValueOrDefault(x.Param.Name), turn)}", TelegramLimits.ButtonText),
                FormButtons.Ask(x.Index))])
            .ToList();
        rows.Add([new Button(turn.T("btn.summary"), FormButtons.Summary), new Button(turn.T("btn.cancel"), BotCallbacks.Cancel)]);
        var text = (notice is null ? string.Empty : notice + "\n\n") + turn.T("settings", ("mode", mode.Label.Get(turn.Language)));
        await chat.ShowAsync(turn, new Screen(text, rows), ct).ConfigureAwait(false);
        return Reply.Shown;
    }

    /// <summary>One step back: to the summary from a setting, else the previous question (its answer dropped), else the model card.</summary>
    public Task<Reply> BackAsync(Turn turn, FormState form, ModeDescriptor mode, string step, CancellationToken ct)
    {
        if (step == FormState.Steps.Asking && form.Item is { } item && form.Asking is { } listName && mode.FindParam(listName) is { Kind: ParamKind.List } list)
        {
            // From a new item's field: the list without that item. From an edited item's field: its screen. From its screen: the list.
            return form.Adding
                ? AskAsync(turn, form.With(list.Name, ListValues.Remove(form.Values.GetValueOrDefault(list.Name), item)).OffItems() with { ListRevision = form.ListRevision + 1 }, mode, list, form.FromSettings, ct)
                : AskAsync(turn, form.Field is null ? form.OffItems() : form with { Field = null }, mode, list, form.FromSettings, ct);
        }

        if (step == FormState.Steps.Settings || (step == FormState.Steps.Asking && form.FromSettings))
        {
            return ShowSummaryAsync(turn, form, mode, ct);
        }

        var asked = mode.Params.Where(p => FormOrder.IsAskedInFirstPass(mode, p, form)).ToList();
        var at = step == FormState.Steps.Asking && form.Asking is { } name ? asked.FindIndex(p => p.Name == name) : asked.Count;
        if (at > 0)
        {
            var previous = asked[at - 1];

            // A list keeps its items: its screen is shown again to change them.
            return AskAsync(turn, previous.Kind == ParamKind.List ? form : form.With(previous.Name, null), mode, previous, fromSettings: false, ct);
        }

        return Task.FromResult(Reply.Open(new ModelScreen(mode.Model, form.Page)));
    }

    /// <summary>The form's typed input and its price to the user, or why it cannot be priced (the first violation, in the user's language).</summary>
    public (IModeInput Input, Credits Price, string? Problem) Quote(Turn turn, FormState form, ModeDescriptor mode)
    {
        var (input, violations) = ParamValues.Build(mode, form.Values);
        if (violations.Count > 0)
        {
            return (input, Credits.Zero, violations[0].Message(mode, turn.Language));
        }

        try
        {
            return (input, pricing.UserPrice(input.Price()), null);
        }
        catch (InvalidInputException e)
        {
            return (input, Credits.Zero, e.Violations[0].Message(mode, turn.Language));
        }
    }

    /// <summary>"↪️ Continues: Midjourney · Text to image, image 3" on a follow-up's summary; null for a generation from scratch.</summary>
    private async Task<string?> ParentLineAsync(Turn turn, FormState form, ModeDescriptor mode, CancellationToken ct)
    {
        if (form.Parent is not { } id || await store.Generations.GetAsync(id, ct).ConfigureAwait(false) is not { } parent || StoredMode.Of(parent) is not { } parentMode)
        {
            return null;
        }

        var output = mode.FollowUpParam?.FollowUp?.OutputParam is { } name && form.Values.TryGetValue(name, out var index)
            && int.TryParse(index, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var at)
            ? new FollowUpOffer(mode, at).Number
            : null;
        return turn.T(output is null ? "summary.parent" : "summary.parent_output", ("model", parentMode.Model.Name), ("mode", parentMode.Label.Get(turn.Language)), ("number", output));
    }

    /// <summary>A list's items, one line each, under its line on the summary.</summary>
    private static string ItemLines(Turn turn, FormState form, ParamDescriptor param) =>
        param.Kind != ParamKind.List ? string.Empty
        : string.Concat(ListValues.Read(form.Values.GetValueOrDefault(param.Name)).Select((item, i) => "\n   " + turn.T("list.item", ("n", i + 1), ("fields", ListScreens.Describe(turn, param, item)))));

    /// <summary>" · 3 s" after a file whose length sets the price, " · 4000×3000" after an image whose size does.</summary>
    private static string Length(Turn turn, FormState form, ParamDescriptor param) =>
        param.SecondsKey is { } key && form.Values.TryGetValue(key, out var seconds) ? " · " + turn.T("value.seconds", ("seconds", seconds))
        : param.WidthKey is { } w && param.HeightKey is { } h && form.Values.TryGetValue(w, out var width) && form.Values.TryGetValue(h, out var height) ? $" · {width}×{height}"
        : string.Empty;
}
