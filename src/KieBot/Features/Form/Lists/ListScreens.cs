using System.Text.Json.Nodes;
using KieBot.Conversation;
using KieBot.Telegram;
using KieCatalog.Catalog;

namespace KieBot.Features.Form.Lists;

/// <summary>
/// A list's screens: its items, each with ✏️ Edit and 🗑 Remove, then ➕ Add another (while it takes more) and ✅ Done
/// (once it has enough); and one item's fields, each pressable to change it.
/// </summary>
internal sealed class ListScreens(Turn turn, FormState form)
{
    public Screen For(ParamDescriptor list) => form.Item is { } item && form.Field is null ? Item(list, item) : Items(list);

    /// <summary>An item as one line: each field that has a value (or a default) by its label.</summary>
    public static string Describe(Turn turn, ParamDescriptor list, JsonObject item) => TelegramLimits.Fit(
        string.Join(" · ", list.Fields
            .Where(f => item[f.Name] is not null || f.DefaultValue is not null)
            .Select(f => $"{f.Label.Get(turn.Language)}: {ParamValues.Display(f, item[f.Name]?.ToJsonString(), turn)}")),
        300);

    private Screen Items(ParamDescriptor list)
    {
        var items = ListValues.Read(form.Values.GetValueOrDefault(list.Name));
        var fewest = ListOrder.Fewest(list, form);
        var revision = form.ListRevision;
        var limit = list.MaxItems is { } max ? turn.T("list.limit", ("min", fewest), ("max", max))
            : fewest > 0 ? turn.T("list.limit_min", ("min", fewest))
            : string.Empty;
        var lines = items.Select((item, i) => turn.T("list.item", ("n", i + 1), ("fields", Describe(turn, list, item)))).ToList();
        var text = turn.T("form.ask.list", ("label", list.Label.Get(turn.Language)), ("count", items.Count), ("limit", limit))
            + "\n" + (lines.Count == 0 ? turn.T("list.empty") : string.Join("\n", lines));
        var rows = items.Select((_, i) => (IReadOnlyList<Button>)
            [new Button(turn.T("btn.list_edit", ("n", i + 1)), ListButtons.Edit(revision, i)), new Button(turn.T("btn.list_remove", ("n", i + 1)), ListButtons.Remove(revision, i))])
            .ToList();
        if (list.MaxItems is not { } most || items.Count < most)
        {
            rows.Add([new Button(turn.T(items.Count == 0 ? "btn.list_add" : "btn.list_add_more"), ListButtons.Add(revision))]);
        }

        if (items.Count >= fewest)
        {
            rows.Add([new Button(turn.T("btn.done", ("count", items.Count)), ListButtons.Done(revision))]);
        }

        rows.Add(Navigation());
        return new Screen(TelegramLimits.Fit(text, TelegramLimits.MessageText), rows);
    }

    private Screen Item(ParamDescriptor list, int index)
    {
        var items = ListValues.Read(form.Values.GetValueOrDefault(list.Name));
        var item = index < items.Count ? items[index] : [];
        var rows = list.Fields
            .Select((f, i) => (IReadOnlyList<Button>)[new Button(
                TelegramLimits.Fit($"{f.Label.Get(turn.Language)}: {ParamValues.Display(f, item[f.Name]?.ToJsonString(), turn)}", TelegramLimits.ButtonText),
                ListButtons.Field(form.ListRevision, i))])
            .ToList();
        rows.Add(Keyboards.BackCancel(turn));
        return new Screen(turn.T("form.ask.item", ("label", list.Label.Get(turn.Language)), ("n", index + 1)), rows);
    }

    private IReadOnlyList<Button> Navigation() =>
        form.FromSettings ? [new Button(turn.T("btn.summary"), FormButtons.Summary), new Button(turn.T("btn.cancel"), BotCallbacks.Cancel)] : Keyboards.BackCancel(turn);
}
