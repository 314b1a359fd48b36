using KieBot.Generations;
using KieBot.Storage;
using KieBot.Telegram;
using KieCatalog.Catalog;
using KieBot.Conversation;

namespace KieBot.Flows;

public sealed partial class FlowEngine
{
    /// <summary>The exact price and balance, every value, and confirm / settings / back / cancel.</summary>
    private async Task<string?> ShowSummaryAsync(Turn turn, CancellationToken ct)
    {
        var mode = CurrentMode(turn)!;
        turn.State = turn.State with { Step = FlowStep.Summary, Asking = null, FromSettings = false };
        if (NextToAsk(mode, turn.State) is { } missing)
        {
            await AskAsync(turn, missing, fromSettings: false, ct).ConfigureAwait(false);
            return null;
        }

        var (input, price, problem) = Quote(turn, mode);
        if (problem is not null)
        {
            return await ShowSettingsAsync(turn, turn.T("summary.invalid", ("message", problem)), ct).ConfigureAwait(false);
        }

        var balance = await store.Ledger.GetBalanceAsync(turn.User.Id, ct).ConfigureAwait(false);
        var freeLeft = freeQuota.Covers(mode) ? await freeQuota.LeftAsync(turn.User.Id, ct).ConfigureAwait(false) : 0;
        var summary = FlowState.NewSummaryId();
        turn.State = turn.State with { Free = freeLeft > 0, Summary = summary };
        var lines = mode.Params
            .Where(p => turn.State.Values.ContainsKey(p.Name) || p.DefaultValue is not null)
            .Select(p => $"• {p.Label.Get(turn.Language)}: {ParamValues.Display(p, turn.State.Values.GetValueOrDefault(p.Name), turn)}{Length(turn, p)}");
        var text = turn.T(
            freeLeft > 0 ? "summary.free" : "summary",
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

        if (settings.DryRun)
        {
            text += "\n" + turn.T("gen.dry");
        }

        // Short of credits: the way to top up instead of a Generate button that can only refuse.
        var first = !short_
            ? new Button(freeLeft > 0 ? turn.T("btn.confirm_free") : turn.T("btn.confirm", ("price", price)), BotCallbacks.Confirm(summary))
            : features.BalanceButtons(turn).FirstOrDefault() ?? new Button(turn.T("btn.balance"), BotCallbacks.Balance);
        var rows = new List<IReadOnlyList<Button>>
        {
            new[] { first },
            new[] { new Button(turn.T("btn.settings"), BotCallbacks.Settings) },
            Keyboards.BackCancel(turn),
        };
        await ShowAsync(turn, new Screen(TelegramLimits.Fit(text, TelegramLimits.MessageText), rows), ct).ConfigureAwait(false);
        return null;
    }

    /// <summary>The form's typed input and its price to the user, or why it cannot be priced (the first violation, in the user's language).</summary>
    private (IModeInput Input, Credits Price, string? Problem) Quote(Turn turn, ModeDescriptor mode)
    {
        var (input, violations) = ParamValues.Build(mode, turn.State.Values);
        if (violations.Count > 0)
        {
            return (input, Credits.Zero, violations[0].Message(turn.Language));
        }

        try
        {
            return (input, pricing.UserPrice(input.Price()), null);
        }
        catch (InvalidInputException e)
        {
            return (input, Credits.Zero, e.Violations[0].Message(turn.Language));
        }
    }

    /// <summary>" · 3 s" after a file whose length sets the price.</summary>
    private static string Length(Turn turn, ParamDescriptor param) =>
        param.SecondsKey is { } key && turn.State.Values.TryGetValue(key, out var seconds) ? " · " + turn.T("value.seconds", ("seconds", seconds)) : string.Empty;

    /// <summary>Every parameter with its value; pressing one asks it again, then returns to the summary.</summary>
    private async Task<string?> ShowSettingsAsync(Turn turn, string? notice, CancellationToken ct)
    {
        var mode = CurrentMode(turn)!;
        turn.State = turn.State with { Step = FlowStep.Settings, Asking = null, FromSettings = false };
        var rows = mode.Params
            .Select((p, i) => (IReadOnlyList<Button>)[new Button(
                TelegramLimits.Fit($"{p.Label.Get(turn.Language)}: {ParamValues.Display(p, turn.State.Values.GetValueOrDefault(p.Name), turn)}", TelegramLimits.ButtonText),
                BotCallbacks.Ask(i))])
            .ToList();
        rows.Add([new Button(turn.T("btn.summary"), BotCallbacks.Summary), new Button(turn.T("btn.cancel"), BotCallbacks.Cancel)]);
        var text = (notice is null ? string.Empty : notice + "\n\n") + turn.T("settings", ("mode", mode.Label.Get(turn.Language)));
        await ShowAsync(turn, new Screen(text, rows), ct).ConfigureAwait(false);
        return null;
    }

    /// <summary>
    /// Confirm summary <paramref name="summaryId"/>: reserve its price and record its generation (unique per summary, so
    /// a second press on any host finds it taken); the KIE task is created after the press is answered. A press on any
    /// other summary than the one on screen buys nothing.
    /// </summary>
    private async Task<string?> ConfirmAsync(Turn turn, string summaryId, CancellationToken ct)
    {
        if (turn.State.Summary != summaryId || turn.State.Step is not (FlowStep.Summary or FlowStep.Submitted))
        {
            return turn.T("summary.outdated");
        }

        if (turn.State.Step == FlowStep.Submitted)
        {
            return turn.T("gen.already");
        }

        if (CurrentMode(turn) is not { } mode)
        {
            return await StaleAsync(turn, ct).ConfigureAwait(false);
        }

        var (input, price, problem) = Quote(turn, mode);
        if (problem is not null)
        {
            return await ShowSettingsAsync(turn, turn.T("summary.invalid", ("message", problem)), ct).ConfigureAwait(false);
        }

        var request = new SubmitRequest(turn.User.Id, turn.ChatId, input, price, turn.Update.CallbackMessageId, turn.State.Free, $"{turn.User.Id}:{summaryId}");
        var result = await submitter.SubmitAsync(request, ct).ConfigureAwait(false);
        switch (result)
        {
            case SubmitResult.Started:
                turn.State = turn.State with { Step = FlowStep.Submitted };
                return null;
            case SubmitResult.AlreadySubmitted:
                turn.State = turn.State with { Step = FlowStep.Submitted };
                return turn.T("gen.already");
            case SubmitResult.Insufficient r:
                return turn.T("summary.insufficient", ("price", r.Price), ("balance", r.Balance));
            case SubmitResult.Limited r:
                return turn.T("gen.limit", ("count", r.Running), ("max", settings.MaxConcurrentGenerations));
            case SubmitResult.FreeUsedUp:
                await ShowSummaryAsync(turn, ct).ConfigureAwait(false);
                return turn.T("free.used_up");
            default:
                return null;
        }
    }
}
