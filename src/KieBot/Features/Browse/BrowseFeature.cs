using System.Globalization;
using System.Text.Json.Nodes;
using KieBot.Conversation;
using KieBot.Generations;
using KieBot.Telegram;
using KieCatalog;
using KieCatalog.Catalog;

namespace KieBot.Features.Browse;

/// <summary>
/// The catalog: a category button per menu row, a category's models a page at a time, and a model's card with its
/// modes and prices (a mode's button opens its form).
/// </summary>
public sealed class BrowseFeature(IChatSurface chat, Pricing pricing, BotSettings settings, FreeQuota freeQuota, Shelf shelf) : IFeature
{
    /// <summary>Page <c>n</c> of the current category.</summary>
    public const string PagePrefix = "page:";

    private const string CategoryStep = "category";
    private const string ModelStep = "model";

    public const string FeatureName = "browse";

    public string Name => FeatureName;

    public IReadOnlyList<string> Buttons { get; } = [CategoryCallback.Prefix, ModelCallback.Prefix, ModeCallback.Prefix, PagePrefix];

    public IReadOnlyList<Type> Screens { get; } = [typeof(CategoryScreen), typeof(ModelScreen)];

    public static string Page(int page) => PagePrefix + page.ToString(CultureInfo.InvariantCulture);

    public IEnumerable<IReadOnlyList<Button>> MenuRows(Turn turn)
    {
        var visible = shelf.Models.ToList();
        foreach (var category in Enum.GetValues<ModelCategory>())
        {
            var count = visible.Count(m => m.Category == category);
            if (count > 0)
            {
                yield return [new Button(CategoryName(turn, category, count), CatalogCallbacks.For(category))];
            }
        }
    }

    public async Task<Reply> OnButtonAsync(Turn turn, string data, CancellationToken cancellationToken)
    {
        var state = BrowseState.From(turn.State);
        if (data == BotCallbacks.Back)
        {
            return state is { Model: not null } && Enum.TryParse<ModelCategory>(state.Category, out var back)
                ? Reply.Open(new CategoryScreen(back, state.Page))
                : Reply.Open(new MenuScreen());
        }

        if (data.StartsWith(PagePrefix, StringComparison.Ordinal))
        {
            return int.TryParse(data.AsSpan(PagePrefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var page)
                && state is not null && Enum.TryParse<ModelCategory>(state.Category, out var category)
                ? await OpenAsync(turn, new CategoryScreen(category, page), cancellationToken).ConfigureAwait(false)
                : Reply.Outdated;
        }

        return CatalogCallbacks.TryParse(data, out var callback) ? callback switch
        {
            CategoryCallback c => await OpenAsync(turn, new CategoryScreen(c.Category, 0), cancellationToken).ConfigureAwait(false),
            ModelCallback m when shelf.Sells(m.Model) => await OpenAsync(turn, new ModelScreen(m.Model, state?.Category == m.Model.Category.ToString() ? state.Page : 0), cancellationToken).ConfigureAwait(false),
            ModeCallback o when shelf.Sells(o.Mode) && !FollowUps.OnlyContinues(o.Mode) => Reply.Open(FormScreen.Start(o.Mode, state?.Page ?? 0)),
            _ => Reply.Outdated,
        } : Reply.Outdated;
    }

    public Task<Reply> OpenAsync(Turn turn, ScreenRequest screen, CancellationToken cancellationToken) => screen switch
    {
        CategoryScreen c => ShowCategoryAsync(turn, c.Category, c.Page, cancellationToken),
        ModelScreen m => ShowModelAsync(turn, m.Model, m.Page, cancellationToken),
        _ => Task.FromResult(Reply.Outdated),
    };

    /// <summary>A conversation saved on a category or a model card before features kept their own state.</summary>
    public FlowState? Upgrade(JsonObject saved) => (string?)saved["Step"] switch
    {
        "Category" or "Model" when (string?)saved["Category"] is { } category => FlowState.Of(
            Name,
            (string?)saved["Step"] == "Model" ? ModelStep : CategoryStep,
            new BrowseState(category, (int?)saved["Page"] ?? 0, (string?)saved["Step"] == "Model" ? (string?)saved["Model"] : null),
            BrowseJson.Default.BrowseState),
        _ => null,
    };

    private async Task<Reply> ShowCategoryAsync(Turn turn, ModelCategory category, int page, CancellationToken ct)
    {
        var models = shelf.Models.Where(m => m.Category == category).ToList();
        var pages = Math.Max(1, (models.Count + settings.PageSize - 1) / settings.PageSize);
        page = Math.Clamp(page, 0, pages - 1);
        var rows = Keyboards.Pairs(models.Skip(page * settings.PageSize).Take(settings.PageSize).Select(m => new Button(m.Name, m.CallbackData)));
        var paging = new List<Button>();
        if (page > 0)
        {
            paging.Add(new Button(turn.T("btn.prev"), Page(page - 1)));
        }

        if (page < pages - 1)
        {
            paging.Add(new Button(turn.T("btn.next_page"), Page(page + 1)));
        }

        if (paging.Count > 0)
        {
            rows.Add(paging);
        }

        rows.Add(Keyboards.BackMenu(turn));
        var title = turn.T("category.title", ("category", CategoryName(turn, category, models.Count)), ("page", page + 1), ("pages", pages));
        turn.State = FlowState.Of(Name, CategoryStep, new BrowseState(category.ToString(), page), BrowseJson.Default.BrowseState);
        await chat.ShowAsync(turn, new Screen(title, rows), ct).ConfigureAwait(false);
        return Reply.Shown;
    }

    private async Task<Reply> ShowModelAsync(Turn turn, ModelDescriptor model, int page, CancellationToken ct)
    {
        var modes = shelf.ModesOf(model);
        var hasFree = modes.Any(freeQuota.Covers);
        var freeLeft = hasFree ? await freeQuota.LeftAsync(turn.User.Id, ct).ConfigureAwait(false) : 0;
        string Price(ModeDescriptor mode) => freeLeft > 0 && freeQuota.Covers(mode) ? turn.T("price.free") : PriceRange(turn, mode);
        // A follow-up (extend, upscale…) starts from a result: its button is under the result, its price on the card.
        var rows = modes
            .Where(mode => !FollowUps.OnlyContinues(mode))
            .Select(mode => (IReadOnlyList<Button>)[new Button(TelegramLimits.Fit(turn.T("model.mode", ("label", mode.Label.Get(turn.Language)), ("price", Price(mode))), TelegramLimits.ButtonText), mode.CallbackData)])
            .ToList();
        rows.Add(Keyboards.BackMenu(turn));
        var prices = string.Join("\n", modes.Select(mode => turn.T("model.price", ("label", mode.Label.Get(turn.Language)), ("price", PriceRange(turn, mode)), ("rub", RubleRange(mode)))));
        if (hasFree)
        {
            prices += "\n" + turn.T("free.card", ("left", freeLeft), ("daily", freeQuota.Daily));
        }

        var text = turn.T("model.card", ("name", model.Name), ("vendor", model.Vendor), ("description", model.Description.Get(turn.Language)), ("prices", prices));
        turn.State = FlowState.Of(Name, ModelStep, new BrowseState(model.Category.ToString(), page, model.Id), BrowseJson.Default.BrowseState);
        await chat.ShowAsync(turn, new Screen(TelegramLimits.Fit(text, TelegramLimits.MessageText), rows), ct).ConfigureAwait(false);
        return Reply.Shown;
    }

    private static string CategoryName(Turn turn, ModelCategory category, int count) =>
        turn.T("category." + category.ToString().ToLowerInvariant(), ("count", count));

    private string PriceRange(Turn turn, ModeDescriptor mode)
    {
        var min = pricing.UserPrice(mode.Price.MinCredits);
        if (mode.Price.MaxCredits is not { } most)
        {
            return turn.T("price.from", ("min", min));
        }

        var max = pricing.UserPrice(most);
        return min == max ? (most == 0 ? turn.T("price.free") : turn.T("price.fixed", ("credits", min))) : turn.T("price.range", ("min", min), ("max", max));
    }

    private string RubleRange(ModeDescriptor mode)
    {
        var min = pricing.Rubles(pricing.UserPrice(mode.Price.MinCredits));
        if (mode.Price.MaxCredits is not { } most)
        {
            return "≥ " + min;
        }

        var max = pricing.Rubles(pricing.UserPrice(most));
        return min == max ? min : $"{min}–{max}";
    }
}
