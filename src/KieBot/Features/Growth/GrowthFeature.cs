using System.Globalization;
using KieBot.Conversation;
using KieBot.Storage;
using KieBot.Telegram;

namespace KieBot.Features.Growth;

/// <summary>
/// Growth: the invite screen with the user's referral link (<c>/start ref_&lt;id&gt;</c>), promo codes (<c>/promo CODE</c>,
/// or the balance screen's button and then the code), and the admin's <c>/promo_create</c>.
/// </summary>
public sealed class GrowthFeature(IBotStore store, IChatSurface chat, IBotProfile profile, BotSettings settings) : IFeature
{
    /// <summary>The main menu's "invite a friend" button.</summary>
    public const string Invite = "invite";

    /// <summary>The balance screen's "promo code" button.</summary>
    public const string Promo = "promo";

    private const string CodeStep = "code";

    public string Name => "growth";

    public bool Enabled => true;

    public IReadOnlyList<string> Buttons { get; } = [Invite, Promo];

    public IEnumerable<IReadOnlyList<Button>> MenuRows(Turn turn) => [[new Button(turn.T("btn.invite"), Invite)]];

    public IEnumerable<Button> BalanceButtons(Turn turn) => [new Button(turn.T("btn.promo"), Promo)];

    public async Task<Reply> OnButtonAsync(Turn turn, string data, CancellationToken cancellationToken)
    {
        if (data == Invite)
        {
            var link = $"https://t.me/{await profile.BotUsernameAsync(cancellationToken).ConfigureAwait(false)}?start=ref_{turn.User.Id}";
            var count = await store.Users.CountReferredAsync(turn.User.Id, cancellationToken).ConfigureAwait(false);
            turn.State = new FlowState();
            var when = turn.T("referral." + settings.ReferralTrigger.ToString().ToLowerInvariant());
            await chat.ShowAsync(turn, new Screen(turn.T("referral", ("link", link), ("bonus", settings.ReferralBonus), ("when", when), ("count", count)), [Keyboards.MenuOnly(turn)]), cancellationToken).ConfigureAwait(false);
            return Reply.Shown;
        }

        turn.State = FlowState.WaitingOn(Name, CodeStep);
        await chat.ShowAsync(turn, new Screen(turn.T("promo.ask"), [Keyboards.MenuOnly(turn)]), cancellationToken).ConfigureAwait(false);
        return Reply.Shown;
    }

    /// <summary>The code after the promo button.</summary>
    public Task<Reply> OnMessageAsync(Turn turn, CancellationToken cancellationToken)
    {
        turn.State = new FlowState();
        return RedeemAsync(turn, turn.Update.Text?.Trim(), cancellationToken);
    }

    public async Task<Reply?> OnCommandAsync(Turn turn, string command, string? argument, CancellationToken cancellationToken) =>
        command == "/promo" ? await RedeemAsync(turn, argument, cancellationToken).ConfigureAwait(false) : null;

    public async Task<Reply?> OnAdminCommandAsync(Turn turn, string[] words, CancellationToken cancellationToken) =>
        words is ["/promo_create", ..] ? Reply.Note(await CreateAsync(turn, words, cancellationToken).ConfigureAwait(false)) : null;

    /// <summary>A conversation saved waiting for a promo code before growth was a feature of its own.</summary>
    public FlowState? Upgrade(System.Text.Json.Nodes.JsonObject saved) => (string?)saved["Step"] == "PromoCode" ? FlowState.WaitingOn(Name, CodeStep) : null;

    private async Task<Reply> RedeemAsync(Turn turn, string? code, CancellationToken ct)
    {
        string text;
        if (string.IsNullOrWhiteSpace(code) || code.Length > 64)
        {
            text = turn.T("promo.usage");
        }
        else
        {
            var (outcome, credits) = await store.PromoCodes.RedeemAsync(code, turn.User.Id, ct).ConfigureAwait(false);
            var balance = await store.Ledger.GetBalanceAsync(turn.User.Id, ct).ConfigureAwait(false);
            text = outcome switch
            {
                PromoOutcome.Redeemed => turn.T("promo.redeemed", ("credits", credits), ("balance", balance.Available)),
                PromoOutcome.AlreadyUsed => turn.T("promo.used"),
                _ => turn.T("promo.invalid"),
            };
        }

        return Reply.Say(text);
    }

    /// <summary>/promo_create CODE credits uses [days].</summary>
    private async Task<string> CreateAsync(Turn turn, string[] words, CancellationToken ct)
    {
        if (words.Length is < 4 or > 5 || words[1].Length is < 3 or > 32 || !words[1].All(char.IsAsciiLetterOrDigit)
            || !decimal.TryParse(words[2], NumberStyles.Number, CultureInfo.InvariantCulture, out var credits) || credits <= 0 || credits > 100_000
            || !int.TryParse(words[3], NumberStyles.None, CultureInfo.InvariantCulture, out var uses) || uses is < 1 or > 1_000_000
            || (words.Length == 5 && (!int.TryParse(words[4], NumberStyles.None, CultureInfo.InvariantCulture, out var days) || days is < 1 or > 3650)))
        {
            return turn.T("admin.usage", ("usage", "/promo_create CODE <credits> <uses> [days]"));
        }

        DateTimeOffset? until = words.Length == 5 ? DateTimeOffset.UtcNow.AddDays(int.Parse(words[4], CultureInfo.InvariantCulture)) : null;
        var code = words[1].ToUpperInvariant();
        var amount = Credits.Ceiling(credits);
        return await store.PromoCodes.CreateAsync(code, amount, uses, until, turn.User.Id, ct).ConfigureAwait(false)
            ? turn.T("admin.promo_created", ("code", code), ("credits", amount), ("uses", uses), ("until", until is { } u ? $" (until {u:yyyy-MM-dd})" : string.Empty))
            : turn.T("admin.promo_exists", ("code", code));
    }
}
