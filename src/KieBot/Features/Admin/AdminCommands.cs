using System.Globalization;
using KieBot.Conversation;
using KieBot.Storage;

namespace KieBot.Features.Admin;

/// <summary>The admin's commands over users: a user's card, granting and deducting credits, blocking, adding admins.</summary>
public sealed class AdminCommands(IBotStore store, Admins admins)
{
    /// <summary>The reply to <paramref name="words"/>, or null when it is not one of these commands.</summary>
    public async Task<string?> RunAsync(Turn turn, string[] words, CancellationToken ct)
    {
        var command = words[0].ToLowerInvariant();
        if (command is not ("/user" or "/grant" or "/deduct" or "/block" or "/unblock" or "/addadmin"))
        {
            return null;
        }

        return command switch
        {
            "/user" when words.Length == 2 => await UserCardAsync(turn, words[1], ct).ConfigureAwait(false),
            "/grant" or "/deduct" when words.Length >= 3 => await MoveCreditsAsync(turn, command == "/grant", words, ct).ConfigureAwait(false),
            "/block" or "/unblock" when words.Length == 2 && long.TryParse(words[1], NumberStyles.None, CultureInfo.InvariantCulture, out var id) =>
                await BlockAsync(turn, id, command == "/block", ct).ConfigureAwait(false),
            "/addadmin" when words.Length == 2 && admins.Main == turn.User.Id && long.TryParse(words[1], NumberStyles.None, CultureInfo.InvariantCulture, out var added) =>
                await AddAdminAsync(turn, added, ct).ConfigureAwait(false),
            _ => turn.T("admin.usage", ("usage", Usage(command))),
        };
    }

    public static string Usage(string command) => command switch
    {
        "/user" => "/user <id|@username>",
        "/grant" => "/grant <id> <credits> [note]",
        "/deduct" => "/deduct <id> <credits> [note]",
        "/block" => "/block <id>",
        "/unblock" => "/unblock <id>",
        "/addadmin" => "/addadmin <id>",
        _ => "/broadcast <text>",
    };

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
    private async Task<string> MoveCreditsAsync(Turn turn, bool grant, string[] words, CancellationToken ct)
    {
        if (!long.TryParse(words[1], NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            || !decimal.TryParse(words[2].Replace(',', '.'), NumberStyles.Number, CultureInfo.InvariantCulture, out var value) || value <= 0 || value > 1_000_000)
        {
            return turn.T("admin.usage", ("usage", Usage(grant ? "/grant" : "/deduct")));
        }

        if (await store.Users.GetAsync(id, ct).ConfigureAwait(false) is null)
        {
            return turn.T("admin.user_missing");
        }

        var amount = Credits.Ceiling(value);
        var note = $"admin {turn.User.Id}" + (words.Length > 3 ? ": " + string.Join(' ', words[3..]) : string.Empty);
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
}
