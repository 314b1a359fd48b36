using KieBot.Conversation;
using KieCatalog.Catalog;

namespace KieBot.Features.Form.Lists;

/// <summary>
/// The presses on a list's screens: ➕ adds an item and asks its required fields one after another, ✏️ shows an item's
/// fields to change one, 🗑 removes an item, ✅ leaves the list once it has enough complete items. A press from a screen
/// the list has moved on from (an item added or removed since, or another item on screen) is refused where the user is.
/// </summary>
public sealed class ListPresses(FormFlow flow)
{
    public async Task<Reply> OnButtonAsync(Turn turn, FormState form, ModeDescriptor mode, string data, CancellationToken ct)
    {
        if (ListButtons.Parse(data) is not { } press || turn.State.Step != FormState.Steps.Asking
            || form.Asking is not { } name || mode.FindParam(name) is not { Kind: ParamKind.List } list)
        {
            return Reply.Outdated;
        }

        var json = form.Values.GetValueOrDefault(list.Name);
        var count = ListValues.Count(json);
        var onList = form.Item is null;
        var onItem = form.Item is not null && form.Field is null;
        if (press.Revision != form.ListRevision)
        {
            return Reply.Alert(turn.T("list.outdated"));
        }

        switch (press.Verb)
        {
            case "add" when onList:
                if (list.MaxItems is { } max && count >= max)
                {
                    return Reply.Alert(turn.T("error.list_full", ("label", list.Label.Get(turn.Language)), ("max", max)));
                }

                var adding = form.With(list.Name, ListValues.Append(json)) with { Item = count, Field = null, Adding = true, ListRevision = form.ListRevision + 1 };
                return await flow.ContinueItemAsync(turn, adding, mode, list, ct).ConfigureAwait(false);
            case "edit" when onList && press.Number >= 0 && press.Number < count:
                return await flow.AskAsync(turn, form with { Item = press.Number, Field = null, Adding = false }, mode, list, form.FromSettings, ct).ConfigureAwait(false);
            case "del" when onList && press.Number >= 0 && press.Number < count:
                var removed = form.With(list.Name, ListValues.Remove(json, press.Number)) with { ListRevision = form.ListRevision + 1 };
                return await flow.AskAsync(turn, removed, mode, list, form.FromSettings, ct).ConfigureAwait(false);
            case "f" when onItem && press.Number >= 0 && press.Number < list.Fields.Count:
                return await flow.AskAsync(turn, form, mode, list.Fields[press.Number], form.FromSettings, ct).ConfigureAwait(false);
            case "done" when onList:
                return await DoneAsync(turn, form, mode, list, count, ct).ConfigureAwait(false);
            default:
                return Reply.Alert(turn.T("list.outdated"));
        }
    }

    /// <summary>Enough items, each complete and within the list's totals: the form goes on; else why not, on the button.</summary>
    private async Task<Reply> DoneAsync(Turn turn, FormState form, ModeDescriptor mode, ParamDescriptor list, int count, CancellationToken ct)
    {
        var fewest = ListOrder.Fewest(list, form);
        if (count < fewest)
        {
            return Reply.Alert(turn.T("error.list_short", ("label", list.Label.Get(turn.Language)), ("min", fewest)));
        }

        var (_, violations) = ParamValues.Build(mode, form.Values);
        if (violations.FirstOrDefault(v => v.Param.StartsWith(list.Name + "[", StringComparison.Ordinal)) is { } problem)
        {
            return Reply.Alert(problem.Message(mode, turn.Language));
        }

        // An optional list left empty is not sent at all.
        var done = count == 0 && !list.Required ? form.With(list.Name, null) : form;
        return await flow.ContinueAsync(turn, done.OffItems() with { Asking = null }, mode, ct).ConfigureAwait(false);
    }
}
