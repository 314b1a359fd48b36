using System.Globalization;
using System.Text.Json.Nodes;
using KieBot.Conversation;
using KieBot.Generations;
using KieBot.Features.Form.Lists;
using KieBot.Telegram;
using KieCatalog;
using KieCatalog.Catalog;

namespace KieBot.Features.Form;

/// <summary>
/// A mode's form, from its first question to the Generate press: the catalog's enum and toggle buttons, skip / next /
/// done, the settings screen, the summary and its confirmation. Opened by <see cref="FormScreen"/> (a mode's button on
/// its card, a repeat from history); a catalog button counts only while its very parameter is asked.
/// </summary>
public sealed class FormFeature(FormFlow flow, AnswerIntake intake, Confirmation confirmation, ListPresses lists, IChatSurface chat, Coach.CoachPresses coach) : IFeature
{
    public string Name => FormState.Steps.Feature;

    public IReadOnlyList<string> Buttons { get; } = [EnumValueCallback.Prefix, ToggleCallback.Prefix, ListButtons.Prefix, Coach.CoachButtons.Prefix, .. FormButtons.All];

    public IReadOnlyList<Type> Screens { get; } = [typeof(FormScreen)];

    public Task<Reply> OpenAsync(Turn turn, ScreenRequest screen, CancellationToken cancellationToken)
    {
        if (screen is not FormScreen { Mode: var mode } request)
        {
            return Task.FromResult(Reply.Outdated);
        }

        var form = new FormState
        {
            Model = mode.Model.Id,
            Mode = mode.Id,
            Values = new Dictionary<string, string>(request.Values, StringComparer.Ordinal),
            Page = request.Page,
            Parent = request.Parent,
        };
        return request.AskPrompt && FormScreen.PromptOf(mode) is { } prompt
            ? flow.AskAsync(turn, form, mode, prompt, fromSettings: true, cancellationToken)
            : flow.ContinueAsync(turn, form, mode, cancellationToken);
    }

    public async Task<Reply> OnButtonAsync(Turn turn, string data, CancellationToken cancellationToken)
    {
        var form = FormState.From(turn.State);
        if (data.StartsWith(FormButtons.ConfirmPrefix, StringComparison.Ordinal))
        {
            return await confirmation.ConfirmAsync(turn, form, data[FormButtons.ConfirmPrefix.Length..], cancellationToken).ConfigureAwait(false);
        }

        var step = turn.State.Step;
        if (form?.Descriptor is not { } mode || step == FormState.Steps.Submitted)
        {
            return Reply.Outdated;
        }

        if (data.StartsWith(Coach.CoachButtons.Prefix, StringComparison.Ordinal))
        {
            return await coach.OnButtonAsync(turn, form, mode, step!, data, cancellationToken).ConfigureAwait(false);
        }

        if (Coach.CoachPresses.IsCoachStep(step))
        {
            return data == BotCallbacks.Back ? await coach.BackAsync(turn, form, mode, cancellationToken).ConfigureAwait(false) : Reply.Outdated;
        }

        var asked = step == FormState.Steps.Asking ? form.AskedParam(mode) : null;
        if (data.StartsWith(ListButtons.Prefix, StringComparison.Ordinal))
        {
            return await lists.OnButtonAsync(turn, form, mode, data, cancellationToken).ConfigureAwait(false);
        }

        switch (data)
        {
            case BotCallbacks.Back:
                return await flow.BackAsync(turn, form, mode, step!, cancellationToken).ConfigureAwait(false);
            case FormButtons.Settings:
                return await flow.ShowSettingsAsync(turn, form, mode, null, cancellationToken).ConfigureAwait(false);
            case FormButtons.Summary:
                return await flow.ShowSummaryAsync(turn, form, mode, cancellationToken).ConfigureAwait(false);
            case FormButtons.Skip or FormButtons.Next or FormButtons.Done:
                return asked is null ? Reply.Outdated : await OnAnswerButtonAsync(turn, form, mode, asked, data, cancellationToken).ConfigureAwait(false);
        }

        if (data.StartsWith(FormButtons.AskPrefix, StringComparison.Ordinal))
        {
            return int.TryParse(data.AsSpan(FormButtons.AskPrefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var index)
                && index < mode.Params.Count && !FollowUps.SetByParent(mode, mode.Params[index]) && step is FormState.Steps.Settings or FormState.Steps.Summary
                ? await flow.AskAsync(turn, form, mode, mode.Params[index], fromSettings: true, cancellationToken).ConfigureAwait(false)
                : Reply.Outdated;
        }

        CatalogCallbacks.TryParse(data, out var callback);
        switch (callback)
        {
            case EnumValueCallback e when ReferenceEquals(e.Param, asked):
                return await flow.ContinueAsync(turn, form.With(e.Param, ParamValues.Enum(e.Value)), mode, cancellationToken).ConfigureAwait(false);
            case ToggleCallback t when ReferenceEquals(t.Param, asked):
                var on = ParamValues.ReadBoolean(form.ValueOf(t.Param), t.Param.DefaultValue);
                form = form.With(t.Param, ParamValues.Boolean(!on));
                turn.State = form.At(FormState.Steps.Asking);
                await chat.ShowAsync(turn, new FormPrompter(turn, form, mode).For(t.Param), cancellationToken).ConfigureAwait(false);
                return Reply.Shown;
            default:
                return Reply.Outdated;
        }
    }

    /// <summary>A typed answer or a file: only while a question is asked.</summary>
    public Task<Reply> OnMessageAsync(Turn turn, CancellationToken cancellationToken)
    {
        var form = FormState.From(turn.State);
        if (Coach.CoachPresses.IsCoachStep(turn.State.Step) && form?.Descriptor is { } coached)
        {
            return coach.OnMessageAsync(turn, form, coached, cancellationToken);
        }

        if (turn.State.Step != FormState.Steps.Asking || form?.Descriptor is not { } mode || form.AskedParam(mode) is not { } param)
        {
            return Task.FromResult(Reply.Say(turn.T("error.expect_buttons")));
        }

        if (turn.Update.File is { } file)
        {
            return param.IsUpload
                ? intake.OnFileAsync(turn, form, mode, param, file, cancellationToken)
                : Task.FromResult(Reply.Say(turn.T("error.expect_text")));
        }

        return intake.OnTextAsync(turn, form, mode, param, turn.Update.Text?.Trim() ?? string.Empty, cancellationToken);
    }

    /// <summary>A conversation saved in a form before features kept their own state: the same question, summary or settings screen.</summary>
    public FlowState? Upgrade(JsonObject saved)
    {
        var step = (string?)saved["Step"] switch
        {
            "Form" => FormState.Steps.Asking,
            "Summary" => FormState.Steps.Summary,
            "Settings" => FormState.Steps.Settings,
            "Submitted" => FormState.Steps.Submitted,
            _ => null,
        };
        if (step is null || (string?)saved["Model"] is not { } model || (string?)saved["Mode"] is not { } mode)
        {
            return null;
        }

        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, value) in saved["Values"] as JsonObject ?? [])
        {
            if (value is not null)
            {
                values[name] = (string)value!;
            }
        }

        return new FormState
        {
            Model = model,
            Mode = mode,
            Values = values,
            Asking = (string?)saved["Asking"],
            FromSettings = (bool?)saved["FromSettings"] ?? false,
            Summary = (string?)saved["Summary"],
            Free = (bool?)saved["Free"] ?? false,
            Page = (int?)saved["Page"] ?? 0,
        }.At(step);
    }

    private async Task<Reply> OnAnswerButtonAsync(Turn turn, FormState form, ModeDescriptor mode, ParamDescriptor param, string data, CancellationToken ct)
    {
        switch (data)
        {
            case FormButtons.Skip when FormOrder.MaySkip(mode, param, form):
                form = form.With(param, null);
                break;
            case FormButtons.Next when param.Kind == ParamKind.Boolean:
                form = form.With(param, ParamValues.Boolean(ParamValues.ReadBoolean(form.ValueOf(param), param.DefaultValue)));
                break;
            case FormButtons.Done when param.IsList:
                if (ParamValues.ReadUrls(form.ValueOf(param)).Count < (param.MinItems ?? 1))
                {
                    return Reply.Alert(turn.T("error.too_few", ("label", param.Label.Get(turn.Language)), ("min", param.MinItems ?? 1)));
                }

                break;
            default:
                return Reply.Outdated;
        }

        return await flow.ContinueAsync(turn, form, mode, ct).ConfigureAwait(false);
    }
}
