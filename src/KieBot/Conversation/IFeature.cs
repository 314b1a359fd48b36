using System.Text.Json.Nodes;
using KieBot.Storage;
using KieBot.Telegram;

namespace KieBot.Conversation;

/// <summary>
/// A part of the bot in a folder of its own (<c>Features/&lt;Name&gt;/</c>), registered with one <c>AddX()</c> line in
/// Hosting. It owns its button data (by prefix), the screens it shows (by request type), the conversation while the
/// user is on one of its screens (<see cref="FlowState.Feature"/>), and the buttons it adds to the shared screens; it
/// never references another feature. Every member but <see cref="Name"/> has a default: a feature implements what it uses.
/// </summary>
public interface IFeature
{
    /// <summary>Its name: <see cref="FlowState.Feature"/> holds it while the conversation is on one of its screens.</summary>
    string Name { get; }

    /// <summary>Switched on by its settings; a switched-off feature's buttons are outdated and it adds none.</summary>
    bool Enabled => true;

    /// <summary>The button data it owns: exact values, or prefixes ending in ':' (the router refuses a duplicate at start-up).</summary>
    IReadOnlyList<string> Buttons => [];

    /// <summary>The <see cref="ScreenRequest"/> types it shows (each shown by one feature only).</summary>
    IReadOnlyList<Type> Screens => [];

    /// <summary>
    /// A press of one of its buttons, or of the shared Back button (<see cref="BotCallbacks.Back"/>) while the
    /// conversation is on its screen.
    /// </summary>
    Task<Reply> OnButtonAsync(Turn turn, string data, CancellationToken cancellationToken) => Task.FromResult(Reply.Outdated);

    /// <summary>Shows a screen another feature (or the engine) asked for.</summary>
    Task<Reply> OpenAsync(Turn turn, ScreenRequest screen, CancellationToken cancellationToken) => Task.FromResult(Reply.Outdated);

    /// <summary>A message (text or file) while the conversation is on its screen.</summary>
    Task<Reply> OnMessageAsync(Turn turn, CancellationToken cancellationToken) => Task.FromResult(Reply.Say(turn.T("error.expect_buttons")));

    /// <summary>A user's command (<c>/name</c>, with what follows it): null when it is not this feature's.</summary>
    Task<Reply?> OnCommandAsync(Turn turn, string command, string? argument, CancellationToken cancellationToken) => Task.FromResult<Reply?>(null);

    /// <summary>An admin's command (<c>/name args…</c>, the admin checked): null when it is not this feature's.</summary>
    Task<Reply?> OnAdminCommandAsync(Turn turn, string[] words, CancellationToken cancellationToken) => Task.FromResult<Reply?>(null);

    /// <summary>Rows it adds to the main menu (none when it is switched off).</summary>
    IEnumerable<IReadOnlyList<Button>> MenuRows(Turn turn) => [];

    /// <summary>Buttons it adds to the balance screen (asked only while it is enabled); the first of all features' is also the summary's way to top up.</summary>
    IEnumerable<Button> BalanceButtons(Turn turn) => [];

    /// <summary>
    /// A conversation saved before this bot had features of their own (its top-level <c>Step</c> an old step name): the
    /// state on this feature's screen it meant, or null when it is not this feature's.
    /// </summary>
    FlowState? Upgrade(JsonObject saved) => null;
}

/// <summary>A feature that takes Telegram's payment updates (a pre-checkout query, a successful payment).</summary>
public interface IPaymentUpdates
{
    /// <summary>Answers a pre-checkout query (within Telegram's 10 s): go ahead, or why not.</summary>
    Task CheckoutAsync(BotUser user, string language, PreCheckout checkout, CancellationToken cancellationToken);

    /// <summary>Credits a successful payment (once per charge) and tells the user.</summary>
    Task PaidAsync(BotUser user, long chatId, string language, PaymentDone payment, CancellationToken cancellationToken);
}

/// <summary>What every feature adds to the screens they share (the menu, the balance screen), for the features that draw them.</summary>
public interface ISharedButtons
{
    /// <summary>Every enabled feature's rows on the main menu, in registration order.</summary>
    IEnumerable<IReadOnlyList<Button>> MenuRows(Turn turn);

    /// <summary>Every enabled feature's buttons on the balance screen, in registration order.</summary>
    IEnumerable<Button> BalanceButtons(Turn turn);
}
