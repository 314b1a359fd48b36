using KieBot.Conversation;
using KieBot.Generations;
using KieBot.Storage;
using KieBot.Telegram;
using KieCatalog;

namespace KieBot.Features.Menu;

/// <summary>
/// The main menu (the user's balance and free generations left, then every feature's rows), the help text, and the
/// language picker (<c>/language</c>).
/// </summary>
public sealed class MenuFeature(IBotStore store, IChatSurface chat, Pricing pricing, FreeQuota freeQuota, Shelf shelf) : IFeature
{
    /// <summary>The language picker.</summary>
    public const string Language = "lang";

    /// <summary>Switch to Russian / English.</summary>
    public const string Russian = "lang:ru";
    public const string English = "lang:en";

    public string Name => "menu";

    public IReadOnlyList<string> Buttons { get; } = [Language, Russian, English];

    public IReadOnlyList<Type> Screens { get; } = [typeof(MenuScreen), typeof(HelpScreen)];

    public async Task<Reply> OnButtonAsync(Turn turn, string data, CancellationToken cancellationToken)
    {
        switch (data)
        {
            case Language:
                await chat.ShowAsync(turn, Picker(turn), cancellationToken).ConfigureAwait(false);
                return Reply.Shown;
            case Russian or English:
                var language = data == Russian ? "ru" : "en";
                await store.Users.SetLanguageAsync(turn.User.Id, language, cancellationToken).ConfigureAwait(false);
                turn.Language = language;
                return Reply.Open(new MenuScreen());
            default:
                return Reply.Outdated;
        }
    }

    public async Task<Reply?> OnCommandAsync(Turn turn, string command, string? argument, CancellationToken cancellationToken)
    {
        if (command != "/language")
        {
            return null;
        }

        await chat.ShowAsync(turn, Picker(turn), cancellationToken).ConfigureAwait(false);
        return Reply.Shown;
    }

    public async Task<Reply> OpenAsync(Turn turn, ScreenRequest screen, CancellationToken cancellationToken)
    {
        if (screen is HelpScreen)
        {
            await chat.ShowAsync(turn, new Screen(turn.T("help"), [Keyboards.MenuOnly(turn)]), cancellationToken).ConfigureAwait(false);
            return Reply.Shown;
        }

        turn.State = new FlowState();
        var balance = await store.Ledger.GetBalanceAsync(turn.User.Id, cancellationToken).ConfigureAwait(false);
        var text = turn.T(
            ((MenuScreen)screen).TextKey,
            ("name", turn.User.Username ?? turn.T("btn.menu")),
            ("models", shelf.Models.Count()),
            ("balance", balance.Available),
            ("rub", pricing.Rubles(balance.Available)));
        if (freeQuota.Enabled)
        {
            text += "\n" + turn.T("free.menu", ("left", await freeQuota.LeftAsync(turn.User.Id, cancellationToken).ConfigureAwait(false)), ("daily", freeQuota.Daily));
        }

        var rows = turn.Shared.MenuRows(turn).ToList();
        rows.Add([new Button(turn.T("btn.help"), BotCallbacks.Help), new Button(turn.T("btn.language"), Language)]);
        await chat.ShowAsync(turn, new Screen(text, rows), cancellationToken).ConfigureAwait(false);
        return Reply.Shown;
    }

    private static Screen Picker(Turn turn) =>
        new(turn.T("language.choose"), [[new Button("🇷🇺 Русский", Russian), new Button("🇬🇧 English", English)]]);
}
