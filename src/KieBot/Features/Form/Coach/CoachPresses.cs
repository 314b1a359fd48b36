using System.Text.Json;
using KieBot.Conversation;
using KieBot.Telegram;
using KieCatalog.Catalog;

namespace KieBot.Features.Form.Coach;

/// <summary>
/// The coach's steps in the form: ✨ at the prompt question (the prompt typed so far is improved at once, otherwise the
/// idea is asked for), the idea typed, and under the improved prompt: use it, edit it (the question again, the improved
/// prompt left above to copy), or keep one's own. Back returns to the prompt question.
/// </summary>
public sealed class CoachPresses(PromptCoach coach, FormFlow flow, AnswerIntake intake, IChatSurface chat)
{
    public static bool IsCoachStep(string? step) => step is FormState.Steps.Coaching or FormState.Steps.Coached;

    public async Task<Reply> OnButtonAsync(Turn turn, FormState form, ModeDescriptor mode, string step, string data, CancellationToken ct)
    {
        if (form.AskedParam(mode) is not { } param || !coach.Offers(mode, param))
        {
            return Reply.Outdated;
        }

        var plain = form with { CoachText = null, CoachDraft = null };
        switch (data)
        {
            case CoachButtons.Improve when step == FormState.Steps.Asking:
                if (Typed(form, param) is { Length: > 0 } typed)
                {
                    return await coach.ImproveAsync(turn, form, mode, param, typed, ct).ConfigureAwait(false);
                }

                turn.State = plain.At(FormState.Steps.Coaching);
                await chat.ShowAsync(turn, new Screen(turn.T("coach.ask"), [[new Button(turn.T("coach.own"), CoachButtons.Keep)], Keyboards.BackCancel(turn)]), ct).ConfigureAwait(false);
                return Reply.Shown;
            case CoachButtons.Accept when step == FormState.Steps.Coached && form.CoachDraft is { } draft:
                return await intake.OnTextAsync(turn, plain, mode, param, draft, ct).ConfigureAwait(false);
            case CoachButtons.Keep when step == FormState.Steps.Coached && form.CoachText is { } own:
                return await intake.OnTextAsync(turn, plain, mode, param, own, ct).ConfigureAwait(false);
            case CoachButtons.Keep when step == FormState.Steps.Coaching:
                return await flow.AskAsync(turn, plain, mode, param, form.FromSettings, ct).ConfigureAwait(false);
            case CoachButtons.Edit when step == FormState.Steps.Coached && form.CoachDraft is { } edited:
                // The improved prompt stays above, without buttons, to copy; the question comes as a new message.
                if (turn.Update.CallbackMessageId is { } review)
                {
                    await chat.EditAsync(turn.ChatId, review, new Screen(turn.T("coach.to_edit", ("draft", Texts.Html(edited)))), ct).ConfigureAwait(false);
                }

                turn.State = plain.At(FormState.Steps.Asking);
                var id = await chat.SendAsync(turn.ChatId, await flow.QuestionAsync(turn, plain, mode, param, ct).ConfigureAwait(false), ct).ConfigureAwait(false);
                turn.State = turn.State with { MessageId = id };
                return Reply.Shown;
            default:
                return Reply.Outdated;
        }
    }

    /// <summary>Back from a coach step: the prompt question again.</summary>
    public Task<Reply> BackAsync(Turn turn, FormState form, ModeDescriptor mode, CancellationToken ct) =>
        form.AskedParam(mode) is { } param
            ? flow.AskAsync(turn, form with { CoachText = null, CoachDraft = null }, mode, param, form.FromSettings, ct)
            : Task.FromResult(Reply.Outdated);

    /// <summary>The idea typed while the coach waits for it; anything else is refused with the question kept.</summary>
    public async Task<Reply> OnMessageAsync(Turn turn, FormState form, ModeDescriptor mode, CancellationToken ct)
    {
        if (turn.State.Step != FormState.Steps.Coaching || form.AskedParam(mode) is not { } param || turn.Update.File is not null || turn.Update.Text?.Trim() is not { Length: > 0 } text)
        {
            return Reply.Say(turn.T(turn.State.Step == FormState.Steps.Coached ? "error.expect_buttons" : "error.expect_text"));
        }

        return await coach.ImproveAsync(turn, form, mode, param, text, ct).ConfigureAwait(false);
    }

    private static string? Typed(FormState form, ParamDescriptor param) =>
        form.ValueOf(param) is { } json ? JsonSerializer.Deserialize(json, FormJson.Default.String)?.Trim() : null;
}
