using KieBot.Storage;
using KieBot.Telegram;
using KieCatalog;
using KieCatalog.Catalog;
using KieBot.Conversation;

namespace KieBot.Flows;

public sealed partial class FlowEngine
{
    private async Task ShowMenuAsync(Turn turn, string textKey, CancellationToken ct)
    {
        turn.State = new FlowState();
        var balance = await store.Ledger.GetBalanceAsync(turn.User.Id, ct).ConfigureAwait(false);
        var visible = Models.All.Where(m => m.IsVisible).ToList();
        var text = turn.T(
            textKey,
            ("name", turn.User.Username ?? turn.T("btn.menu")),
            ("models", visible.Count),
            ("balance", balance.Available),
            ("rub", pricing.Rubles(balance.Available)));
        if (freeQuota.Enabled)
        {
            text += "\n" + turn.T("free.menu", ("left", await freeQuota.LeftAsync(turn.User.Id, ct).ConfigureAwait(false)), ("daily", freeQuota.Daily));
        }

        var rows = new List<IReadOnlyList<Button>>();
        foreach (var category in Enum.GetValues<ModelCategory>())
        {
            var count = visible.Count(m => m.Category == category);
            if (count > 0)
            {
                rows.Add([new Button(turn.T("category." + category.ToString().ToLowerInvariant(), ("count", count)), CatalogCallbacks.For(category))]);
            }
        }

        rows.Add([new Button(turn.T("btn.balance"), BotCallbacks.Balance), new Button(turn.T("btn.history"), BotCallbacks.History)]);
        rows.AddRange(features.MenuRows(turn));
        rows.Add([new Button(turn.T("btn.help"), BotCallbacks.Help), new Button(turn.T("btn.language"), BotCallbacks.Language)]);
        var screen = new Screen(text, rows);
        if (turn.Update.IsCallback)
        {
            await ShowAsync(turn, screen, ct).ConfigureAwait(false);
        }
        else
        {
            var id = await chat.SendAsync(turn.ChatId, screen, ct).ConfigureAwait(false);
            turn.State = turn.State with { MessageId = id };
        }
    }

    private async Task ShowCategoryAsync(Turn turn, ModelCategory category, int page, CancellationToken ct)
    {
        var models = Models.All.Where(m => m.IsVisible && m.Category == category).ToList();
        var pages = Math.Max(1, (models.Count + settings.PageSize - 1) / settings.PageSize);
        page = Math.Clamp(page, 0, pages - 1);
        var rows = Keyboards.Pairs(models.Skip(page * settings.PageSize).Take(settings.PageSize).Select(m => new Button(m.Name, m.CallbackData)));
        var paging = new List<Button>();
        if (page > 0)
        {
            paging.Add(new Button(turn.T("btn.prev"), BotCallbacks.Page(page - 1)));
        }

        if (page < pages - 1)
        {
            paging.Add(new Button(turn.T("btn.next_page"), BotCallbacks.Page(page + 1)));
        }

        if (paging.Count > 0)
        {
            rows.Add(paging);
        }

        rows.Add(Keyboards.BackMenu(turn));
        var title = turn.T("category.title", ("category", turn.T("category." + category.ToString().ToLowerInvariant(), ("count", models.Count))), ("page", page + 1), ("pages", pages));
        turn.State = new FlowState { Step = FlowStep.Category, Category = category.ToString(), Page = page };
        await ShowAsync(turn, new Screen(title, rows), ct).ConfigureAwait(false);
    }

    private async Task ShowModelAsync(Turn turn, ModelDescriptor model, CancellationToken ct)
    {
        var hasFree = model.VisibleModes.Any(freeQuota.Covers);
        var freeLeft = hasFree ? await freeQuota.LeftAsync(turn.User.Id, ct).ConfigureAwait(false) : 0;
        string Price(ModeDescriptor mode) => freeLeft > 0 && freeQuota.Covers(mode) ? turn.T("price.free") : PriceRange(turn, mode);
        var rows = model.VisibleModes
            .Select(mode => (IReadOnlyList<Button>)[new Button(TelegramLimits.Fit(turn.T("model.mode", ("label", mode.Label.Get(turn.Language)), ("price", Price(mode))), TelegramLimits.ButtonText), mode.CallbackData)])
            .ToList();
        rows.Add(Keyboards.BackMenu(turn));
        var prices = string.Join("\n", model.VisibleModes.Select(mode => turn.T("model.price", ("label", mode.Label.Get(turn.Language)), ("price", PriceRange(turn, mode)), ("rub", RubleRange(mode)))));
        if (hasFree)
        {
            prices += "\n" + turn.T("free.card", ("left", freeLeft), ("daily", freeQuota.Daily));
        }

        var text = turn.T("model.card", ("name", model.Name), ("vendor", model.Vendor), ("description", model.Description.Get(turn.Language)), ("prices", prices));
        var page = turn.State.Step == FlowStep.Category && turn.State.Category == model.Category.ToString() ? turn.State.Page : 0;
        turn.State = new FlowState { Step = FlowStep.Model, Category = model.Category.ToString(), Page = page, Model = model.Id };
        await ShowAsync(turn, new Screen(TelegramLimits.Fit(text, TelegramLimits.MessageText), rows), ct).ConfigureAwait(false);
    }

    private string PriceRange(Turn turn, ModeDescriptor mode)
    {
        var min = pricing.UserPrice(mode.Price.MinCredits);
        var max = pricing.UserPrice(mode.Price.MaxCredits);
        return min == max ? turn.T("price.fixed", ("credits", min)) : turn.T("price.range", ("min", min), ("max", max));
    }

    private string RubleRange(ModeDescriptor mode)
    {
        var min = pricing.Rubles(pricing.UserPrice(mode.Price.MinCredits));
        var max = pricing.Rubles(pricing.UserPrice(mode.Price.MaxCredits));
        return min == max ? min : $"{min}–{max}";
    }

    private async Task ShowBalanceAsync(Turn turn, CancellationToken ct)
    {
        var balance = await store.Ledger.GetBalanceAsync(turn.User.Id, ct).ConfigureAwait(false);
        turn.State = new FlowState();
        var rows = new List<IReadOnlyList<Button>>();
        rows.AddRange(features.BalanceButtons(turn).Select(b => (IReadOnlyList<Button>)[b]));
        rows.Add(Keyboards.MenuOnly(turn));
        await ShowAsync(turn, new Screen(turn.T("balance", ("available", balance.Available), ("rub", pricing.Rubles(balance.Available)), ("reserved", balance.Reserved)), rows), ct).ConfigureAwait(false);
    }

    private static Screen LanguagePicker(Turn turn) =>
        new(turn.T("language.choose"), [[new Button("🇷🇺 Русский", BotCallbacks.Russian), new Button("🇬🇧 English", BotCallbacks.English)]]);

    private async Task SetLanguageAsync(Turn turn, string language, CancellationToken ct)
    {
        await store.Users.SetLanguageAsync(turn.User.Id, language, ct).ConfigureAwait(false);
        turn.Language = language;
        await ShowMenuAsync(turn, "menu", ct).ConfigureAwait(false);
    }
}
