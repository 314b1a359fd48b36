using System.Globalization;
using KieBot.Storage;

namespace KieBot.Conversation;

/// <summary>Who may press admin buttons: <c>ADMIN_ID</c>, and those it added (<c>/addadmin</c>, kept in the settings store).</summary>
public sealed class Admins(IBotStore store, BotSettings settings)
{
    public const string SettingsKey = "admins";

    public Task<bool> IsAdminAsync(long userId, CancellationToken ct) => IsAdminAsync(store, settings, userId, ct);

    public static async Task<bool> IsAdminAsync(IBotStore store, BotSettings settings, long userId, CancellationToken ct)
    {
        if (settings.AdminId == userId)
        {
            return true;
        }

        var added = await store.Settings.GetAsync(SettingsKey, ct).ConfigureAwait(false);
        return added is not null && added.Split(',').Contains(userId.ToString(CultureInfo.InvariantCulture));
    }

    /// <summary>The first admin, who gets what needs an admin's decision.</summary>
    public long? Main => settings.AdminId;
}
