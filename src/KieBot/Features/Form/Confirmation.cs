using KieBot.Conversation;
using KieBot.Generations;
using KieCatalog.Catalog;

namespace KieBot.Features.Form;

/// <summary>
/// The Generate press: checks it is the summary on screen, prices the input again, and hands it to Generations, which
/// reserves the price and records the generation (unique per summary, so a second press on any host finds it taken);
/// the KIE task is created after the press is answered.
/// </summary>
public sealed class Confirmation(GenerationSubmitter submitter, BotSettings settings, FormFlow flow, Shelf shelf)
{
    public async Task<Reply> ConfirmAsync(Turn turn, FormState? form, string summaryId, CancellationToken ct)
    {
        var step = turn.State.Step;
        if (form is null || form.Summary != summaryId || step is not (FormState.Steps.Summary or FormState.Steps.Submitted))
        {
            return Reply.Alert(turn.T("summary.outdated"));
        }

        if (step == FormState.Steps.Submitted)
        {
            return Reply.Alert(turn.T("gen.already"));
        }

        if (form.Descriptor is not { } mode)
        {
            return Reply.Outdated;
        }

        if (!shelf.Sells(mode))
        {
            // A summary opened before the mode left the shelf (a repeat from history on a host without a public URL).
            return Reply.Alert(turn.T("summary.not_on_sale"));
        }

        var (input, price, problem) = flow.Quote(turn, form, mode);
        if (problem is not null)
        {
            return await flow.ShowSettingsAsync(turn, form, mode, turn.T("summary.invalid", ("message", problem)), ct).ConfigureAwait(false);
        }

        var request = new SubmitRequest(turn.User.Id, turn.ChatId, input, price, turn.Update.CallbackMessageId, form.Free, $"{turn.User.Id}:{summaryId}", form.Parent);
        switch (await submitter.SubmitAsync(request, ct).ConfigureAwait(false))
        {
            case SubmitResult.Started:
                turn.State = form.At(FormState.Steps.Submitted);
                return Reply.Shown;
            case SubmitResult.AlreadySubmitted:
                turn.State = form.At(FormState.Steps.Submitted);
                return Reply.Alert(turn.T("gen.already"));
            case SubmitResult.Insufficient r:
                return Reply.Alert(turn.T("summary.insufficient", ("price", r.Price), ("balance", r.Balance)));
            case SubmitResult.Limited r:
                return Reply.Alert(turn.T("gen.limit", ("count", r.Running), ("max", settings.MaxConcurrentGenerations)));
            case SubmitResult.FollowUpRefused r:
                return Reply.Alert(FollowUpTexts.Refusal(turn, r.Refusal));
            case SubmitResult.FreeUsedUp:
                await flow.ShowSummaryAsync(turn, form, mode, ct).ConfigureAwait(false);
                return Reply.Alert(turn.T("free.used_up"));
            default:
                return Reply.Shown;
        }
    }
}
