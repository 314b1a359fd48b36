using System.Globalization;
using System.Text.Json;
using KieBot.Storage;
using KieBot.Telegram;
using KieCatalog;
using KieCatalog.Catalog;
using KieBot.Conversation;

namespace KieBot.Flows;

public sealed partial class FlowEngine
{
    private const int HistoryPageSize = 5;

    /// <summary>The user's generations, newest first, a page at a time; each opens its card.</summary>
    private async Task ShowHistoryAsync(Turn turn, int page, CancellationToken ct)
    {
        page = Math.Max(page, 0);
        var items = await store.Generations.ListByUserAsync(turn.User.Id, HistoryPageSize + 1, page * HistoryPageSize, ct).ConfigureAwait(false);
        var rows = items.Take(HistoryPageSize)
            .Select(g => (IReadOnlyList<Button>)[new Button(
                TelegramLimits.Fit(Texts.Plain(turn.T("history.item", ("date", Date(g)), ("model", Models.FindModel(g.ModelId)?.Name ?? g.ModelId), ("state", turn.T("state." + g.State.Wire())))), TelegramLimits.ButtonText),
                BotCallbacks.GenerationPrefix + g.Id)])
            .ToList();
        var paging = new List<Button>();
        if (page > 0)
        {
            paging.Add(new Button(turn.T("btn.prev"), BotCallbacks.HistoryPage(page - 1)));
        }

        if (items.Count > HistoryPageSize)
        {
            paging.Add(new Button(turn.T("btn.next_page"), BotCallbacks.HistoryPage(page + 1)));
        }

        if (paging.Count > 0)
        {
            rows.Add(paging);
        }

        rows.Add(Keyboards.MenuOnly(turn));
        turn.State = new FlowState();
        await ShowAsync(turn, new Screen(turn.T(items.Count == 0 && page == 0 ? "history.empty" : "history.title"), rows), ct).ConfigureAwait(false);
    }

    /// <summary>History buttons; null when <paramref name="data"/> is not one, "" when handled, else an alert.</summary>
    private async Task<string?> OnHistoryButtonAsync(Turn turn, string data, CancellationToken ct)
    {
        if (data.StartsWith(BotCallbacks.HistoryPagePrefix, StringComparison.Ordinal))
        {
            if (!int.TryParse(data.AsSpan(BotCallbacks.HistoryPagePrefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var page))
            {
                return await StaleAsync(turn, ct).ConfigureAwait(false);
            }

            await ShowHistoryAsync(turn, page, ct).ConfigureAwait(false);
            return string.Empty;
        }

        var prefix = new[] { BotCallbacks.GenerationPrefix, BotCallbacks.ResendPrefix, BotCallbacks.RepeatPrefix, BotCallbacks.ChangePromptPrefix }
            .FirstOrDefault(p => data.StartsWith(p, StringComparison.Ordinal));
        if (prefix is null)
        {
            return null;
        }

        // Another user's generation, or one that does not exist, gets the same answer as a stale button.
        var generation = await store.Generations.GetAsync(data[prefix.Length..], ct).ConfigureAwait(false);
        if (generation is null || generation.UserId != turn.User.Id || Mode(generation) is not { } mode)
        {
            return await StaleAsync(turn, ct).ConfigureAwait(false);
        }

        switch (prefix)
        {
            case BotCallbacks.GenerationPrefix:
                await ShowGenerationAsync(turn, generation, mode, ct).ConfigureAwait(false);
                return string.Empty;
            case BotCallbacks.ResendPrefix:
                return await ResendAsync(turn, generation, mode, ct).ConfigureAwait(false) ?? string.Empty;
            default:
                await RepeatAsync(turn, generation, mode, changePrompt: prefix == BotCallbacks.ChangePromptPrefix, ct).ConfigureAwait(false);
                return string.Empty;
        }
    }

    private async Task ShowGenerationAsync(Turn turn, Generation generation, ModeDescriptor mode, CancellationToken ct)
    {
        var text = turn.T(
            "history.card",
            ("model", mode.Model.Name),
            ("mode", mode.Label.Get(turn.Language)),
            ("date", Date(generation)),
            ("state", turn.T("state." + generation.State.Wire())),
            ("price", generation.Price));
        var rows = new List<IReadOnlyList<Button>>();
        if (generation.State == GenerationState.Succeeded)
        {
            rows.Add([new Button(turn.T("btn.resend"), BotCallbacks.ResendPrefix + generation.Id)]);
        }

        rows.AddRange(ResultButtons(turn.Language, generation, mode));
        rows.Add([new Button(turn.T("btn.history_back"), BotCallbacks.History)]);
        await ShowAsync(turn, new Screen(text, rows), ct).ConfigureAwait(false);
    }

    /// <summary>Repeat, change the prompt (when the mode has a text), and the menu: under a result and on a history card.</summary>
    public static List<IReadOnlyList<Button>> ResultButtons(string language, Generation generation, ModeDescriptor mode)
    {
        var row = new List<Button> { new(Texts.Get(language, "btn.repeat"), BotCallbacks.RepeatPrefix + generation.Id) };
        if (PromptOf(mode) is not null)
        {
            row.Add(new Button(Texts.Get(language, "btn.change_prompt"), BotCallbacks.ChangePromptPrefix + generation.Id));
        }

        return [row, [new Button(Texts.Get(language, "btn.menu"), BotCallbacks.Menu)]];
    }

    private async Task<string?> ResendAsync(Turn turn, Generation generation, ModeDescriptor mode, CancellationToken ct)
    {
        var files = generation.Delivered is { Count: > 0 } delivered ? delivered : generation.ResultUrls;
        if (generation.State != GenerationState.Succeeded || (files.Count == 0 && generation.ResultText is null))
        {
            return turn.T("history.gone");
        }

        var caption = turn.T("gen.done", ("model", mode.Model.Name), ("mode", mode.Label.Get(turn.Language)));
        await chat.DeliverAsync(turn.ChatId, new Delivery(mode.Output, files, generation.ResultText, caption, new Screen(caption, ResultButtons(turn.Language, generation, mode))), ct).ConfigureAwait(false);
        return null;
    }

    /// <summary>Back to the form with the same inputs: straight to the summary (current price), or asking a new prompt first.</summary>
    private async Task RepeatAsync(Turn turn, Generation generation, ModeDescriptor mode, bool changePrompt, CancellationToken ct)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        using (var input = JsonDocument.Parse(generation.InputJson))
        {
            foreach (var property in input.RootElement.EnumerateObject().Where(p => mode.FindParam(p.Name) is not null))
            {
                values[property.Name] = property.Value.GetRawText();
            }
        }

        if (mode.DurationParam is { } priced)
        {
            // The stored input is KIE's, without the file's length that priced it: the file is asked again.
            values.Remove(priced.Name);
        }

        turn.State = new FlowState { Step = FlowStep.Summary, Category = mode.Model.Category.ToString(), Model = mode.Model.Id, Mode = mode.Id, Values = values };
        if (changePrompt && PromptOf(mode) is { } prompt)
        {
            await AskAsync(turn, prompt, fromSettings: true, ct).ConfigureAwait(false);
            return;
        }

        await ShowSummaryAsync(turn, ct).ConfigureAwait(false);
    }

    private static ParamDescriptor? PromptOf(ModeDescriptor mode) => mode.Params.FirstOrDefault(p => p.Kind == ParamKind.Text);

    private static ModeDescriptor? Mode(Generation generation) => Models.FindModel(generation.ModelId)?.FindMode(generation.ModeId);

    private static string Date(Generation generation) => generation.CreatedAt.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
}
