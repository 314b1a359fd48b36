using KieBot.Storage;
using KieBot.Telegram;

namespace KieBot.Conversation;

/// <summary>
/// A part of the bot in a folder of its own (<c>Features/&lt;Name&gt;/</c>), registered with one <c>AddX()</c> line in
/// Hosting. It owns its button data (by prefix), the conversation while the user is in one of its steps, and the
/// buttons it adds to the shared screens; it never references another feature.
/// </summary>
public interface IFeature
{
    /// <summary>What <see cref="OnButtonAsync"/> returns for a press it does not honour: the engine answers it as an outdated button.</summary>
    const string Stale = "\u0000stale";

    /// <summary>Its name: <see cref="FlowState.Feature"/> holds it while the conversation waits on this feature.</summary>
    string Name { get; }

    /// <summary>Switched on by its settings; a switched-off feature's buttons are outdated and it adds none.</summary>
    bool Enabled { get; }

    /// <summary>The button data it owns: exact values, or prefixes ending in ':' (the router refuses a duplicate at start-up).</summary>
    IReadOnlyList<string> Buttons { get; }

    /// <summary>A press of one of its buttons; returns the alert to show on the button, or null.</summary>
    Task<string?> OnButtonAsync(Turn turn, string data, CancellationToken cancellationToken);

    /// <summary>A message (text or file) while the conversation waits on this feature (<see cref="FlowState.Feature"/>).</summary>
    Task OnMessageAsync(Turn turn, CancellationToken cancellationToken);

    /// <summary>Buttons it adds to the balance screen (none when it is switched off); the first of all features' is also the summary's way to top up.</summary>
    IEnumerable<Button> BalanceButtons(Turn turn);

    /// <summary>A user's command (<c>/name</c>, with what follows it): true when it was this feature's.</summary>
    Task<bool> OnCommandAsync(Turn turn, string command, string? argument, CancellationToken cancellationToken);

    /// <summary>Buttons it adds to the main menu (none when it is switched off).</summary>
    IEnumerable<Button> MenuButtons(Turn turn);

    /// <summary>An admin's command (<c>/name args…</c>, the admin checked): the reply, or null when the command is not this feature's.</summary>
    Task<string?> OnAdminCommandAsync(Turn turn, string[] words, CancellationToken cancellationToken);
}

/// <summary>A feature that takes Telegram's payment updates (a pre-checkout query, a successful payment).</summary>
public interface IPaymentUpdates
{
    /// <summary>Answers a pre-checkout query (within Telegram's 10 s): go ahead, or why not.</summary>
    Task CheckoutAsync(BotUser user, string language, PreCheckout checkout, CancellationToken cancellationToken);

    /// <summary>Credits a successful payment (once per charge) and tells the user.</summary>
    Task PaidAsync(BotUser user, long chatId, string language, PaymentDone payment, CancellationToken cancellationToken);
}
