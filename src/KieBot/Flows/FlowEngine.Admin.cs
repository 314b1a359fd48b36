using System.Globalization;
using KieBot.Ops;
using KieBot.Storage;
using KieBot.Telegram;
using KieCatalog;
using KieCatalog.Errors;
using KieBot.Conversation;

namespace KieBot.Flows;

public sealed partial class FlowEngine
{
    private const string AdminPrefix = BotCallbacks.AdminPrefix;
    private const string MaintenanceKey = "maintenance";

    private (bool On, DateTimeOffset ReadAt) maintenance = (false, DateTimeOffset.MinValue);

    private Task<bool> IsAdminAsync(long userId, CancellationToken ct) => Admins.IsAdminAsync(store, settings, userId, ct);

    /// <summary>The maintenance switch, read from the store at most every few seconds (it is checked on every update).</summary>
    private async Task<bool> InMaintenanceAsync(CancellationToken ct)
    {
        var (on, readAt) = maintenance;
        if (DateTimeOffset.UtcNow - readAt < TimeSpan.FromSeconds(5))
        {
            return on;
        }

        on = await store.Settings.GetAsync(MaintenanceKey, ct).ConfigureAwait(false) == "on";
        maintenance = (on, DateTimeOffset.UtcNow);
        return on;
    }

    /// <summary>Admin text commands; false when <paramref name="text"/> is not one (or the user is not an admin: no hint either way).</summary>
    private async Task<bool> OnAdminTextAsync(Turn turn, string text, CancellationToken ct)
    {
        var parts = text.Split(' ', 4, StringSplitOptions.RemoveEmptyEntries);
        var command = parts.Length > 0 ? parts[0].ToLowerInvariant() : string.Empty;
        if (command is not ("/admin" or "/user" or "/grant" or "/deduct" or "/block" or "/unblock" or "/broadcast" or "/addadmin" or "/promo_create" or "/refund")
            || !await IsAdminAsync(turn.User.Id, ct).ConfigureAwait(false))
        {
            return false;
        }

        var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        foreach (var feature in features.Features)
        {
            if (await feature.OnAdminCommandAsync(turn, words, ct).ConfigureAwait(false) is { } answer)
            {
                await chat.SendAsync(turn.ChatId, new Screen(answer), ct).ConfigureAwait(false);
                return true;
            }
        }

        var reply = command switch
        {
            "/admin" => null,
            "/user" when parts.Length == 2 => await UserCardAsync(turn, parts[1], ct).ConfigureAwait(false),
            "/grant" or "/deduct" when parts.Length >= 3 => await MoveCreditsAsync(turn, command == "/grant", parts, ct).ConfigureAwait(false),
            "/block" or "/unblock" when parts.Length == 2 && long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var id) =>
                await BlockAsync(turn, id, command == "/block", ct).ConfigureAwait(false),
            "/addadmin" when parts.Length == 2 && settings.AdminId == turn.User.Id && long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var added) =>
                await AddAdminAsync(turn, added, ct).ConfigureAwait(false),
            "/broadcast" when text.Length > "/broadcast ".Length =>
                await ConfirmBroadcastAsync(turn, text["/broadcast ".Length..].Trim(), ct).ConfigureAwait(false),
            _ => turn.T("admin.usage", ("usage", Usage(command))),
        };
        if (reply is null)
        {
            await ShowAdminPanelAsync(turn, ct).ConfigureAwait(false);
        }
        else if (reply.Length > 0)
        {
            await chat.SendAsync(turn.ChatId, new Screen(reply), ct).ConfigureAwait(false);
        }

        return true;
    }

    /// <summary>Admin buttons; null when <paramref name="data"/> is not one. A non-admin gets the stale-button answer.</summary>
    private async Task<string?> OnAdminButtonAsync(Turn turn, string data, CancellationToken ct)
    {
        if (!data.StartsWith(AdminPrefix, StringComparison.Ordinal))
        {
            return null;
        }

        if (!await IsAdminAsync(turn.User.Id, ct).ConfigureAwait(false))
        {
            return await StaleAsync(turn, ct).ConfigureAwait(false);
        }

        string text;
        switch (data[AdminPrefix.Length..])
        {
            case "stats":
                var stats = await store.StatsAsync(ct).ConfigureAwait(false);
                text = turn.T(
                    "admin.stats",
                    ("users", stats.Users), ("day", stats.Active1d), ("week", stats.Active7d), ("month", stats.Active30d),
                    ("states", string.Join(", ", stats.GenerationsByState.Select(s => $"{s.State} {s.Count}"))),
                    ("models", string.Join(", ", stats.TopModels.Select(m => $"{m.Model} {m.Count}"))),
                    ("revenue", stats.Revenue), ("refunds", stats.Refunds));
                break;
            case "credits":
                try
                {
                    text = turn.T("admin.credits", ("credits", await kie.GetCreditsAsync(ct).ConfigureAwait(false)));
                }
                catch (KieException e)
                {
                    text = turn.T("admin.credits_failed", ("reason", e.Error.Detail));
                }

                break;
            case "errors":
                var rows = await ErrorsCommand.ReportAsync(store, DateTimeOffset.UtcNow.AddHours(-24), ct).ConfigureAwait(false);
                text = Texts.Html(ErrorsCommand.Table(rows, TimeSpan.FromHours(24)));
                break;
            case "catalog":
                text = Texts.Html(string.Join("\n", Models.Categories.Select(c =>
                    $"{c}: {Models.All.Count(m => m.Category == c && m.IsVisible)} models, {Models.AllModes.Count(m => m.Model.Category == c && m.IsVisible)} modes")))
                    + $"\n{Models.Version}; hidden modes: {Models.AllModes.Count(m => !m.IsVisible)}";
                break;
            case "maint":
                var on = !await InMaintenanceAsync(ct).ConfigureAwait(false);
                await store.Settings.SetAsync(MaintenanceKey, on ? "on" : "off", ct).ConfigureAwait(false);
                maintenance = (on, DateTimeOffset.UtcNow);
                text = turn.T(on ? "admin.maintenance_on" : "admin.maintenance_off");
                break;
            case "send" when turn.State.Values.TryGetValue("broadcast", out var pending):
                var message = System.Text.Json.JsonSerializer.Deserialize(pending, FlowJson.Default.String)!;
                turn.State = new FlowState();
                var status = await chat.EditAsync(turn.ChatId, turn.Update.CallbackMessageId ?? 0, new Screen(turn.T("admin.broadcast_progress", ("sent", 0), ("blocked", 0), ("failed", 0))), ct).ConfigureAwait(false);
                broadcaster.Start(turn.ChatId, status, turn.Language, message);
                return null;
            default:
                return await StaleAsync(turn, ct).ConfigureAwait(false);
        }

        await ShowAsync(turn, new Screen(TelegramLimits.Fit(text, TelegramLimits.MessageText), AdminButtons(turn)), ct).ConfigureAwait(false);
        return null;
    }

    private Task ShowAdminPanelAsync(Turn turn, CancellationToken ct) =>
        SendAsync(turn, new Screen(turn.T("admin.panel"), AdminButtons(turn)), ct);

    private static List<IReadOnlyList<Button>> AdminButtons(Turn turn) =>
    [
        [new(turn.T("btn.admin_stats"), AdminPrefix + "stats"), new(turn.T("btn.admin_credits"), AdminPrefix + "credits")],
        [new(turn.T("btn.admin_errors"), AdminPrefix + "errors"), new(turn.T("btn.admin_catalog"), AdminPrefix + "catalog")],
        [new(turn.T("btn.admin_maintenance"), AdminPrefix + "maint")],
        Keyboards.MenuOnly(turn),
    ];

    private async Task<string> UserCardAsync(Turn turn, string who, CancellationToken ct)
    {
        var user = long.TryParse(who, NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            ? await store.Users.GetAsync(id, ct).ConfigureAwait(false)
            : await store.Users.FindByUsernameAsync(who, ct).ConfigureAwait(false);
        if (user is null)
        {
            return turn.T("admin.user_missing");
        }

        var balance = await store.Ledger.GetBalanceAsync(user.Id, ct).ConfigureAwait(false);
        var generations = await store.Generations.ListByUserAsync(user.Id, 1000, cancellationToken: ct).ConfigureAwait(false);
        return turn.T(
            "admin.user",
            ("id", user.Id), ("name", user.Username ?? "-"), ("language", user.Language ?? "-"),
            ("blocked", turn.T(user.Blocked ? "state.yes_blocked" : "state.not_blocked")),
            ("available", balance.Available), ("reserved", balance.Reserved), ("generations", generations.Count),
            ("since", user.CreatedAt.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)), ("seen", user.LastSeenAt.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)));
    }

    /// <summary>/grant or /deduct: one ledger row naming the admin, keyed by the update (a re-delivered update changes nothing).</summary>
    private async Task<string> MoveCreditsAsync(Turn turn, bool grant, string[] parts, CancellationToken ct)
    {
        if (!long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            || !decimal.TryParse(parts[2].Replace(',', '.'), NumberStyles.Number, CultureInfo.InvariantCulture, out var value) || value <= 0 || value > 1_000_000)
        {
            return turn.T("admin.usage", ("usage", Usage(grant ? "/grant" : "/deduct")));
        }

        if (await store.Users.GetAsync(id, ct).ConfigureAwait(false) is null)
        {
            return turn.T("admin.user_missing");
        }

        var amount = Credits.Ceiling(value);
        var note = $"admin {turn.User.Id}" + (parts.Length > 3 ? ": " + parts[3] : string.Empty);
        var key = $"admin:{turn.User.Id}:{turn.Update.UpdateId}";
        var result = grant
            ? await store.Ledger.GrantAsync(id, amount, key, GrantReason.Admin, note, cancellationToken: ct).ConfigureAwait(false)
            : await store.Ledger.AdjustAsync(id, -amount, key, note, ct).ConfigureAwait(false);
        var balance = await store.Ledger.GetBalanceAsync(id, ct).ConfigureAwait(false);
        return result.Succeeded
            ? turn.T(grant ? "admin.granted" : "admin.deducted", ("amount", amount), ("id", id), ("balance", balance.Available))
            : turn.T("admin.insufficient", ("id", id), ("balance", balance.Available), ("amount", amount));
    }

    private async Task<string> BlockAsync(Turn turn, long id, bool block, CancellationToken ct)
    {
        if (await store.Users.GetAsync(id, ct).ConfigureAwait(false) is null)
        {
            return turn.T("admin.user_missing");
        }

        await store.Users.SetBlockedAsync(id, block, ct).ConfigureAwait(false);
        return turn.T(block ? "admin.blocked" : "admin.unblocked", ("id", id));
    }

    private async Task<string> AddAdminAsync(Turn turn, long id, CancellationToken ct)
    {
        var current = (await store.Settings.GetAsync(Admins.SettingsKey, ct).ConfigureAwait(false) ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries);
        var updated = current.Append(id.ToString(CultureInfo.InvariantCulture)).Distinct().ToArray();
        await store.Settings.SetAsync(Admins.SettingsKey, string.Join(',', updated), ct).ConfigureAwait(false);
        return turn.T("admin.added", ("id", id));
    }

    private async Task<string> ConfirmBroadcastAsync(Turn turn, string text, CancellationToken ct)
    {
        turn.State = new FlowState { Values = new Dictionary<string, string>(StringComparer.Ordinal) { ["broadcast"] = ParamValues.Text(text) } };
        var rows = new List<IReadOnlyList<Button>> { new[] { new Button(turn.T("btn.admin_send"), AdminPrefix + "send") }, new[] { new Button(turn.T("btn.cancel"), BotCallbacks.Cancel) } };
        await SendAsync(turn, new Screen(turn.T("admin.broadcast_confirm", ("text", text)), rows), ct).ConfigureAwait(false);
        return string.Empty;
    }

    private static string Usage(string command) => command switch
    {
        "/refund" => "/refund <charge id>",
        "/user" => "/user <id|@username>",
        "/grant" => "/grant <id> <credits> [note]",
        "/deduct" => "/deduct <id> <credits> [note]",
        "/block" => "/block <id>",
        "/unblock" => "/unblock <id>",
        "/addadmin" => "/addadmin <id>",
        _ => "/broadcast <text>",
    };
}
