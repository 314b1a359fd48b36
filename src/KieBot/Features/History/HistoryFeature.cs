using System.Globalization;
using System.Text.Json;
using KieBot.Conversation;
using KieBot.Generations;
using KieBot.Storage;
using KieBot.Telegram;
using KieCatalog;
using KieCatalog.Catalog;

namespace KieBot.Features.History;

/// <summary>
/// The user's generations, newest first, a page at a time (<c>/history</c>, the menu's button); each opens its card,
/// with re-send, repeat (the same inputs to the summary, at today's price) and repeat with a new prompt. Another
/// user's generation, or one that does not exist, gets the same answer as an outdated button. With a public HTTPS
/// URL the list also opens the gallery Mini App.
/// </summary>
public sealed class HistoryFeature(IBotStore store, IChatSurface chat, Pricing pricing, FollowUpPress followUps, BotSettings settings) : IFeature
{
    private const int PageSize = 5;

    public string Name => "history";

    public IReadOnlyList<string> Buttons => HistoryButtons.All;

    public IEnumerable<IReadOnlyList<Button>> MenuRows(Turn turn) => [[new Button(turn.T("btn.history"), BotCallbacks.History)]];

    public async Task<Reply?> OnCommandAsync(Turn turn, string command, string? argument, CancellationToken cancellationToken) =>
        command == "/history" ? await ShowListAsync(turn, 0, cancellationToken).ConfigureAwait(false) : null;

    public async Task<Reply> OnButtonAsync(Turn turn, string data, CancellationToken cancellationToken)
    {
        if (data == HistoryButtons.TextQuestions)
        {
            return Reply.Open(new ChatHistoryScreen());
        }

        if (data == BotCallbacks.History)
        {
            return await ShowListAsync(turn, 0, cancellationToken).ConfigureAwait(false);
        }

        if (data.StartsWith(HistoryButtons.PagePrefix, StringComparison.Ordinal))
        {
            return int.TryParse(data.AsSpan(HistoryButtons.PagePrefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var page)
                ? await ShowListAsync(turn, page, cancellationToken).ConfigureAwait(false)
                : Reply.Outdated;
        }

        if (data.StartsWith(FollowUpTexts.Prefix, StringComparison.Ordinal))
        {
            return await followUps.PressAsync(turn, data, cancellationToken).ConfigureAwait(false);
        }

        var prefix = new[] { HistoryButtons.CardPrefix, HistoryButtons.ResendPrefix, HistoryButtons.RepeatPrefix, HistoryButtons.ChangePromptPrefix }
            .First(p => data.StartsWith(p, StringComparison.Ordinal));
        var generation = await store.Generations.GetAsync(data[prefix.Length..], cancellationToken).ConfigureAwait(false);
        if (generation is null || generation.UserId != turn.User.Id || Mode(generation) is not { } mode)
        {
            return Reply.Outdated;
        }

        return prefix switch
        {
            HistoryButtons.CardPrefix => await ShowCardAsync(turn, generation, mode, cancellationToken).ConfigureAwait(false),
            HistoryButtons.ResendPrefix => await ResendAsync(turn, generation, mode, cancellationToken).ConfigureAwait(false),
            _ => Reply.Open(new FormScreen(mode, await RepeatedInputsAsync(generation, mode, cancellationToken).ConfigureAwait(false), AskPrompt: prefix == HistoryButtons.ChangePromptPrefix, Parent: generation.ParentId)),
        };
    }

    /// <summary>A repeat's values: the stored input, and for a follow-up the settings it copies from its parent (KIE's input lacks them).</summary>
    private async Task<Dictionary<string, string>> RepeatedInputsAsync(Generation generation, ModeDescriptor mode, CancellationToken ct)
    {
        var values = Inputs(generation, mode);
        if (generation.ParentId is { } id && mode.Params.Any(p => p.FromParent is not null)
            && await store.Generations.GetAsync(id, ct).ConfigureAwait(false) is { } parent)
        {
            foreach (var (name, json) in FollowUps.ParentSettings(mode, parent))
            {
                values[name] = json;
            }
        }

        return values;
    }

    private async Task<Reply> ShowListAsync(Turn turn, int page, CancellationToken ct)
    {
        var items = await store.Generations.ListByUserAsync(turn.User.Id, PageSize + 1, page * PageSize, ct).ConfigureAwait(false);
        var rows = items.Take(PageSize)
            .Select(g => (IReadOnlyList<Button>)[new Button(
                TelegramLimits.Fit(Texts.Plain(turn.T("history.item", ("date", Date(g)), ("model", StoredMode.Of(g)?.Model.Name ?? g.ModelId), ("state", turn.T("state." + g.State.Wire())))), TelegramLimits.ButtonText),
                HistoryButtons.CardPrefix + g.Id)])
            .ToList();
        var paging = new List<Button>();
        if (page > 0)
        {
            paging.Add(new Button(turn.T("btn.prev"), HistoryButtons.Page(page - 1)));
        }

        if (items.Count > PageSize)
        {
            paging.Add(new Button(turn.T("btn.next_page"), HistoryButtons.Page(page + 1)));
        }

        if (paging.Count > 0)
        {
            rows.Add(paging);
        }

        if (page == 0 && (await store.MeteredCalls.ListByUserAsync(turn.User.Id, ChatHistoryScreen.Purpose, 1, 0, ct).ConfigureAwait(false)).Count > 0)
        {
            rows.Add([new Button(turn.T("btn.history_text"), HistoryButtons.TextQuestions)]);
        }

        if (settings.GalleryUrl is { } gallery)
        {
            rows.Add([new Button(turn.T("btn.gallery"), BotCallbacks.History) { WebApp = gallery }]);
        }

        rows.Add(Keyboards.MenuOnly(turn));
        turn.State = new FlowState();
        await chat.ShowAsync(turn, new Screen(turn.T(items.Count == 0 && page == 0 ? "history.empty" : "history.title"), rows), ct).ConfigureAwait(false);
        return Reply.Shown;
    }

    private async Task<Reply> ShowCardAsync(Turn turn, Generation generation, ModeDescriptor mode, CancellationToken ct)
    {
        var text = turn.T(
            "history.card",
            ("model", mode.Model.Name),
            ("mode", mode.Label.Get(turn.Language)),
            ("date", Date(generation)),
            ("state", turn.T("state." + generation.State.Wire())),
            ("price", generation.Price));
        if (await FollowUpPress.ChainAsync(store, generation, ct).ConfigureAwait(false) is { Count: > 1 } chain)
        {
            text += "\n" + turn.T("history.chain", ("chain", string.Join(" → ", chain.Select(g => StoredMode.Of(g)?.Label.Get(turn.Language) ?? g.ModeId))));
        }

        var rows = new List<IReadOnlyList<Button>>();
        if (generation.State == GenerationState.Succeeded)
        {
            rows.Add([new Button(turn.T("btn.resend"), HistoryButtons.ResendPrefix + generation.Id)]);
        }

        rows.AddRange(HistoryButtons.UnderResult(turn.Language, generation, mode, pricing, await store.Generations.ListFollowUpsAsync(generation.Id, ct).ConfigureAwait(false)));
        if (generation.ParentId is { } parent)
        {
            rows.Add([new Button(turn.T("btn.parent"), HistoryButtons.CardPrefix + parent)]);
        }

        rows.Add([new Button(turn.T("btn.history_back"), BotCallbacks.History)]);
        await chat.ShowAsync(turn, new Screen(text, rows), ct).ConfigureAwait(false);
        return Reply.Shown;
    }

    private async Task<Reply> ResendAsync(Turn turn, Generation generation, ModeDescriptor mode, CancellationToken ct)
    {
        var files = generation.Delivered is { Count: > 0 } delivered ? delivered : generation.ResultUrls;
        if (generation.State != GenerationState.Succeeded || (files.Count == 0 && generation.ResultText is null))
        {
            return Reply.Alert(turn.T("history.gone"));
        }

        var caption = turn.T("gen.done", ("model", mode.Model.Name), ("mode", mode.Label.Get(turn.Language)));
        await chat.DeliverAsync(turn.ChatId, new Delivery(mode.Output, files, generation.ResultText, caption, new Screen(caption, HistoryButtons.UnderResult(turn.Language, generation, mode, pricing))), ct).ConfigureAwait(false);
        return Reply.Shown;
    }

    /// <summary>The stored input as the form's values; a file whose length priced it is asked again (KIE's input lacks the length).</summary>
    private static Dictionary<string, string> Inputs(Generation generation, ModeDescriptor mode)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        using (var input = JsonDocument.Parse(generation.InputJson))
        {
            foreach (var property in input.RootElement.EnumerateObject().Where(p => mode.FindParam(p.Name) is not null))
            {
                values[property.Name] = property.Value.GetRawText();
            }
        }

        // A file whose length or pixel size priced it is asked again: KIE's stored input lacks the measure.
        foreach (var measured in mode.Params.Where(p => p.DurationPriced || p.SizePriced))
        {
            values.Remove(measured.Name);
        }

        return values;
    }

    private static ModeDescriptor? Mode(Generation generation) => StoredMode.Of(generation);

    private static string Date(Generation generation) => generation.CreatedAt.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
}
