using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using KieBot.Conversation;
using KieBot.Telegram;

namespace KieBot.Features.Admin;

/// <summary>
/// The admin's panel (<c>/admin</c>: statistics, KIE credits, the errors report, the catalog, the maintenance switch),
/// the commands over users (<see cref="AdminCommands"/>) and a confirmed broadcast. Every press is checked against the
/// admins: anyone else gets the outdated-button answer.
/// </summary>
public sealed class AdminFeature(IChatSurface chat, Admins admins, AdminCommands commands, AdminReports reports, Broadcaster broadcaster, Maintenance maintenance) : IFeature
{
    public const string Prefix = "adm:";

    private const string BroadcastStep = "broadcast";

    public string Name => "admin";

    public IReadOnlyList<string> Buttons { get; } = [Prefix];

    public async Task<Reply?> OnAdminCommandAsync(Turn turn, string[] words, CancellationToken cancellationToken)
    {
        switch (words[0].ToLowerInvariant())
        {
            case "/admin":
                await chat.ShowAsync(turn, new Screen(turn.T("admin.panel"), Panel(turn)), cancellationToken).ConfigureAwait(false);
                return Reply.Shown;
            case "/broadcast":
                var text = turn.Update.Text!.Trim()["/broadcast".Length..].Trim();
                return text.Length == 0 ? Reply.Note(turn.T("admin.usage", ("usage", AdminCommands.Usage("/broadcast")))) : await ConfirmBroadcastAsync(turn, text, cancellationToken).ConfigureAwait(false);
            default:
                return await commands.RunAsync(turn, words, cancellationToken).ConfigureAwait(false) is { } reply ? Reply.Note(reply) : null;
        }
    }

    public async Task<Reply> OnButtonAsync(Turn turn, string data, CancellationToken cancellationToken)
    {
        if (!await admins.IsAdminAsync(turn.User.Id, cancellationToken).ConfigureAwait(false))
        {
            return Reply.Outdated;
        }

        var name = data[Prefix.Length..];
        string text;
        switch (name)
        {
            case "maint":
                var on = !await maintenance.IsOnAsync(cancellationToken).ConfigureAwait(false);
                await maintenance.SetAsync(on, cancellationToken).ConfigureAwait(false);
                text = turn.T(on ? "admin.maintenance_on" : "admin.maintenance_off");
                break;
            case "send" when turn.State.Read(Name, AdminJson.Default.PendingBroadcast) is { } pending && turn.State.Step == BroadcastStep:
                turn.State = new FlowState();
                var status = await chat.EditAsync(turn.ChatId, turn.Update.CallbackMessageId ?? 0, new Screen(turn.T("admin.broadcast_progress", ("sent", 0), ("blocked", 0), ("failed", 0))), cancellationToken).ConfigureAwait(false);
                broadcaster.Start(turn.ChatId, status, turn.Language, pending.Text);
                return Reply.Shown;
            default:
                if (await reports.ReportAsync(turn, name, cancellationToken).ConfigureAwait(false) is not { } report)
                {
                    return Reply.Outdated;
                }

                text = report;
                break;
        }

        await chat.ShowAsync(turn, new Screen(TelegramLimits.Fit(text, TelegramLimits.MessageText), Panel(turn)), cancellationToken).ConfigureAwait(false);
        return Reply.Shown;
    }

    /// <summary>A broadcast awaiting its confirmation, saved before the admin's panel kept its own state.</summary>
    public FlowState? Upgrade(JsonObject saved) =>
        (string?)saved["Step"] == "Menu" && (string?)saved["Values"]?["broadcast"] is { } json
            ? FlowState.Of(Name, BroadcastStep, new PendingBroadcast(System.Text.Json.JsonSerializer.Deserialize(json, AdminJson.Default.String)!), AdminJson.Default.PendingBroadcast)
            : null;

    private async Task<Reply> ConfirmBroadcastAsync(Turn turn, string text, CancellationToken ct)
    {
        var rows = new List<IReadOnlyList<Button>> { new[] { new Button(turn.T("btn.admin_send"), Prefix + "send") }, new[] { new Button(turn.T("btn.cancel"), BotCallbacks.Cancel) } };
        turn.State = FlowState.Of(Name, BroadcastStep, new PendingBroadcast(text), AdminJson.Default.PendingBroadcast);
        await chat.ShowAsync(turn, new Screen(turn.T("admin.broadcast_confirm", ("text", text)), rows), ct).ConfigureAwait(false);
        return Reply.Shown;
    }

    private static List<IReadOnlyList<Button>> Panel(Turn turn) =>
    [
        [new(turn.T("btn.admin_stats"), Prefix + "stats"), new(turn.T("btn.admin_credits"), Prefix + "credits")],
        [new(turn.T("btn.admin_errors"), Prefix + "errors"), new(turn.T("btn.admin_catalog"), Prefix + "catalog")],
        [new(turn.T("btn.admin_maintenance"), Prefix + "maint")],
        Keyboards.MenuOnly(turn),
    ];
}

/// <summary>The text of a broadcast shown to the admin for confirmation.</summary>
public sealed record PendingBroadcast(string Text);

[JsonSerializable(typeof(PendingBroadcast))]
[JsonSerializable(typeof(string))]
internal sealed partial class AdminJson : JsonSerializerContext;
