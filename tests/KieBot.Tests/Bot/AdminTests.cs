using KieBot.Features.Admin;
using KieBot.Features.Browse;
using KieBot.Features.Form;
using KieBot.Features.History;
using KieBot.Features.Menu;
using KieBot.Tests.Storage;
using KieBot.TestSupport.Telegram;
using Microsoft.Extensions.DependencyInjection;
using KieBot.Conversation;

namespace KieBot.Tests.Bot;

/// <summary>The admin panel: only for ADMIN_ID (and the admins it adds), no hint for anyone else.</summary>
[Collection("postgres")]
public sealed class AdminTests(PostgresFixture postgres)
{
    private const long Admin = 777;

    [Fact]
    public async Task Admin_commands_are_invisible_to_everyone_else()
    {
        await using var h = await BotHarness.StartAsync(postgres.Server, new Dictionary<string, string> { ["ADMIN_ID"] = Admin.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        var user = new Updates(3_001);
        await h.SendAsync(user.Text("/start"));

        await h.SendAsync(user.Text("/admin"));
        var unknown = h.Api.CallsOf("sendMessage").Last().Text;
        await h.SendAsync(user.Text("/grant 3001 1000"));
        await h.SendAsync(user.Press("adm:stats", h.ScreenOf(user).MessageId));

        Assert.Equal("Use the buttons above, or /start for the menu.", unknown);
        Assert.Equal(unknown, h.Api.CallsOf("sendMessage").Where(c => c.ChatId == user.UserId).Skip(2).First().Text);
        Assert.Equal("This button is outdated.", h.Api.CallsOf("answerCallbackQuery").Last().Parameters["text"]!.GetValue<string>());
        Assert.Equal(Credits.Whole(500), (await h.Store.Ledger.GetBalanceAsync(user.UserId)).Available);
        Assert.DoesNotContain(h.Api.Calls, c => c.Text?.Contains("Admin", StringComparison.Ordinal) == true);
    }

    [Fact]
    public async Task The_admin_grants_deducts_blocks_and_reads_stats()
    {
        await using var h = await BotHarness.StartAsync(postgres.Server, new Dictionary<string, string> { ["ADMIN_ID"] = Admin.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        var admin = new Updates(Admin);
        var user = new Updates(3_002, username: "bob");
        await h.SendAsync(user.Text("/start"));
        await h.SendAsync(admin.Text("/admin"));
        Assert.StartsWith("👑 Admin panel", h.Api.CallsOf("sendMessage").Last().Text, StringComparison.Ordinal);

        var grant = admin.Text("/grant 3002 25.5 contest prize");
        await h.SendAsync(grant);
        await h.SendAsync(admin.Text("/deduct 3002 10"));
        await h.SendAsync(admin.Text("/deduct 3002 100000"));
        await h.SendAsync(admin.Text("/user @bob"));
        await h.SendAsync(admin.Text("/block 3002"));

        var replies = h.Api.CallsOf("sendMessage").Where(c => c.ChatId == Admin).Select(c => c.Text).ToList();
        Assert.Contains("✅ 25.5 cr granted to 3002. Balance: 525.5 cr.", replies);
        Assert.Contains("✅ 10 cr deducted from 3002. Balance: 515.5 cr.", replies);
        Assert.Contains(replies, r => r!.StartsWith("❌ The balance of 3002 is 515.5 cr", StringComparison.Ordinal));
        Assert.Contains(replies, r => r!.StartsWith("User 3002 (@bob)", StringComparison.Ordinal));
        Assert.True((await h.Store.Users.GetAsync(3002))!.Blocked);
        var rows = await h.Store.Ledger.HistoryAsync(3002, 10);
        Assert.Contains(rows, r => r.Kind == LedgerKind.Grant && r.Note == $"admin {Admin}: contest prize");
        Assert.Contains(rows, r => r.Kind == LedgerKind.Adjust && r.Note == $"admin {Admin}");

        await h.PressAsync(admin, b => b.Data == "adm:stats");
        Assert.Contains("📊 Users: 2", h.Screen.Text, StringComparison.Ordinal);
        Assert.True((await h.Store.Ledger.CheckAsync()).IsConsistent);
    }

    [Fact]
    public async Task The_admin_creates_a_promo_code_and_a_user_redeems_it_once()
    {
        await using var h = await BotHarness.StartAsync(postgres.Server, new Dictionary<string, string> { ["ADMIN_ID"] = Admin.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        var admin = new Updates(Admin);
        var user = new Updates(3_004);
        await h.SendAsync(admin.Text("/promo_create WELCOME10 10 2 30"));
        await h.SendAsync(user.Text("/promo welcome10"));
        await h.SendAsync(user.Text("/promo WELCOME10"));
        await h.SendAsync(user.Text("/promo_create FREE 1000 1"));

        var replies = h.Api.CallsOf("sendMessage").Select(c => c.Text).ToList();
        Assert.Contains(replies, r => r!.StartsWith("Promo code WELCOME10: 10 cr, up to 2 uses (until ", StringComparison.Ordinal));
        Assert.Contains("🎁 Promo code accepted: 10 cr added. Balance: 510 cr.", replies);
        Assert.Contains("You have already used this promo code.", replies);
        Assert.Equal("Use the buttons above, or /start for the menu.", replies[^1]);
        Assert.Equal(PromoOutcome.Invalid, (await h.Store.PromoCodes.RedeemAsync("FREE", 1)).Outcome);
    }

    [Fact]
    public async Task A_user_redeems_a_promo_code_from_the_balance_screen_button()
    {
        await using var h = await BotHarness.StartAsync(postgres.Server, new Dictionary<string, string> { ["ADMIN_ID"] = Admin.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        var user = new Updates(3_005);
        await h.SendAsync(new Updates(Admin).Text("/promo_create SPRING 15 5"));
        await h.SendAsync(user.Text("/balance"));
        await h.PressDataAsync(user, KieBot.Features.Growth.GrowthFeature.Promo);
        Assert.Equal("Send the promo code.", h.Screen.Text);

        await h.SendAsync(user.Text(" spring "));

        Assert.Equal("🎁 Promo code accepted: 15 cr added. Balance: 515 cr.", h.Screen.Text);
        await h.SendAsync(user.Text("SPRING"));
        Assert.Equal("Use the buttons above, or /start for the menu.", h.Screen.Text);
    }

    [Fact]
    public async Task Maintenance_shows_users_a_notice_but_not_the_admin()
    {
        await using var h = await BotHarness.StartAsync(postgres.Server, new Dictionary<string, string> { ["ADMIN_ID"] = Admin.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        var admin = new Updates(Admin);
        var user = new Updates(3_003);
        await h.SendAsync(admin.Text("/admin"));
        await h.PressAsync(admin, b => b.Data == "adm:maint");

        await h.SendAsync(user.Text("/start"));
        Assert.StartsWith("🛠 The bot is under maintenance", h.Api.CallsOf("sendMessage").Last().Text, StringComparison.Ordinal);
        await h.SendAsync(admin.Text("/start"));
        Assert.StartsWith("Hi,", h.Api.CallsOf("sendMessage").Last().Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_broadcast_reaches_everyone_waits_out_429_and_marks_users_who_blocked_the_bot()
    {
        await using var h = await BotHarness.StartAsync(postgres.Server, new Dictionary<string, string> { ["ADMIN_ID"] = Admin.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        var admin = new Updates(Admin);
        var users = Enumerable.Range(0, 5).Select(i => new Updates(3_100 + i)).ToList();
        foreach (var user in users)
        {
            await h.SendAsync(user.Text("/start"));
        }

        h.Api.FailFor(3_101, 403, "Forbidden: bot was blocked by the user");
        h.Api.FailFor(3_102, 429, "Too Many Requests: retry after 1", retryAfter: 1);
        await h.SendAsync(admin.Text("/broadcast New models are here!"));
        await h.PressAsync(admin, b => b.Data == "adm:send");
        await h.App.Services.GetRequiredService<Broadcaster>().Current!;

        var report = h.Api.CallsOf("editMessageText").Last(c => c.ChatId == Admin).Text;
        Assert.Equal("📣 Broadcast finished: 5 sent, 1 blocked the bot (marked), 0 failed.", report);
        Assert.True((await h.Store.Users.GetAsync(3_101))!.Blocked);
        Assert.Equal(2, h.Api.CallsOf("sendMessage").Count(c => c.ChatId == 3_102 && c.Text == "New models are here!"));
        Assert.Single(h.Api.CallsOf("sendMessage"), c => c.ChatId == 3_100 && c.Text == "New models are here!");
    }
}
