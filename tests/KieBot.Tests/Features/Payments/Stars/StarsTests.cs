using KieBot.Features.Payments.Stars;
using KieBot.Tests.Bot;
using KieBot.Features.Admin;
using KieBot.Features.Browse;
using KieBot.Features.Form;
using KieBot.Features.History;
using KieBot.Features.Menu;
using KieBot.Tests.Storage;
using KieBot.TestSupport.Telegram;
using KieBot.Conversation;

namespace KieBot.Tests.Features.Payments.Stars;

/// <summary>Telegram Stars top-up end to end on the fake Bot API: invoice, pre-checkout, one credit per charge.</summary>
[Collection("postgres")]
public sealed class StarsTests(PostgresFixture postgres)
{
    private static readonly Dictionary<string, string> Packages = new() { ["STARS_PACKAGES"] = "100:50,300:140" };

    [Fact]
    public async Task A_top_up_is_credited_once_even_when_telegram_repeats_the_payment_and_the_host_restarts()
    {
        var user = new Updates(6_101);
        BotApiCall invoice;
        string database;
        await using (var first = await BotHarness.StartAsync(postgres.Server, Packages))
        {
            database = first.Database;
            await first.SendAsync(user.Text("/balance"));
            await first.PressDataAsync(user, StarsFeature.TopUp);
            await first.PressAsync(user, b => b.Text.StartsWith("300 cr", StringComparison.Ordinal));
            invoice = Assert.Single(first.Api.CallsOf("sendInvoice"));
            Assert.Equal("XTR", invoice.Parameters["currency"]!.GetValue<string>());
            Assert.Equal(140, invoice.Parameters["prices"]![0]!["amount"]!.GetValue<int>());

            await first.SendAsync(user.PreCheckout(invoice.Parameters["payload"]!.GetValue<string>(), 140));
            var answer = first.Api.CallsOf("answerPreCheckoutQuery").Last();
            Assert.True(answer.Parameters["ok"]!.GetValue<bool>());
        }

        // The host restarted between the pre-checkout and the payment; Telegram then delivers the payment twice.
        await using var second = await BotHarness.StartAsync(postgres.Server, Packages, database: database);
        var payload = invoice.Parameters["payload"]!.GetValue<string>();
        await second.SendAsync(user.Paid("stx_charge_1", payload, 140));
        await second.SendAsync(user.Paid("stx_charge_1", payload, 140));

        Assert.Equal(Credits.Whole(500 + 300), (await second.Store.Ledger.GetBalanceAsync(user.UserId)).Available);
        var texts = second.Api.CallsOf("sendMessage").Select(c => c.Text).ToList();
        Assert.Contains("✅ Payment received: 300 cr added. Balance: 800 cr.", texts);
        Assert.Contains("This payment was already credited. Balance: 800 cr.", texts);
        var payment = await second.Store.Payments.FindByChargeAsync("telegram-stars", "stx_charge_1");
        Assert.Equal((PaymentStatus.Credited, 140L, Credits.Whole(300)), (payment!.Status, payment.Amount, payment.Credits));
        Assert.True((await second.Store.Invoices.GetAsync(payload))!.Paid);
        Assert.True((await second.Store.Ledger.CheckAsync()).IsConsistent);
    }

    [Fact]
    public async Task A_custom_amount_within_bounds_gets_an_invoice_priced_at_the_rate_and_credits_that_amount()
    {
        var settings = new Dictionary<string, string>(Packages) { ["STARS_PER_CREDIT"] = "0.45", ["STARS_CUSTOM_MIN"] = "100", ["STARS_CUSTOM_MAX"] = "5000" };
        await using var h = await BotHarness.StartAsync(postgres.Server, settings);
        var user = new Updates(6_121);
        await h.SendAsync(user.Text("/balance"));
        await h.PressDataAsync(user, StarsFeature.TopUp);
        await h.PressDataAsync(user, StarsFeature.Custom);
        Assert.Contains("from 100 to 5000 (1 cr = 0.45 ⭐", h.Screen.Text, StringComparison.Ordinal);

        foreach (var wrong in new[] { "99", "5001", "250.5", "lots" })
        {
            await h.SendAsync(user.Text(wrong));
            Assert.Equal("⚠️ Write a whole number of credits from 100 to 5000.", h.Screen.Text);
        }

        Assert.Empty(h.Api.CallsOf("sendInvoice"));
        await h.SendAsync(user.Text("333"));
        var invoice = Assert.Single(h.Api.CallsOf("sendInvoice"));
        Assert.Equal(150, invoice.Parameters["prices"]![0]!["amount"]!.GetValue<int>());
        var payload = invoice.Parameters["payload"]!.GetValue<string>();
        await h.SendAsync(user.PreCheckout(payload, 149));
        Assert.False(h.Api.CallsOf("answerPreCheckoutQuery").Last().Parameters["ok"]!.GetValue<bool>());
        await h.SendAsync(user.PreCheckout(payload, 150));
        Assert.True(h.Api.CallsOf("answerPreCheckoutQuery").Last().Parameters["ok"]!.GetValue<bool>());
        await h.SendAsync(user.Paid("stx_custom", payload, 150));

        Assert.Equal(Credits.Whole(500 + 333), (await h.Store.Ledger.GetBalanceAsync(user.UserId)).Available);
        Assert.True((await h.Store.Ledger.CheckAsync()).IsConsistent);
    }

    [Fact]
    public async Task Pre_checkout_refuses_another_users_an_expired_a_paid_or_a_changed_invoice()
    {
        await using var h = await BotHarness.StartAsync(postgres.Server, Packages);
        var owner = new Updates(6_201);
        var other = new Updates(6_202);
        await h.SendAsync(owner.Text("/start"));
        await h.SendAsync(other.Text("/start"));
        var now = DateTimeOffset.UtcNow;
        await h.Store.Invoices.CreateAsync(new Invoice("inv_live", owner.UserId, Credits.Whole(100), 50, false, null, now, now.AddHours(1)));
        await h.Store.Invoices.CreateAsync(new Invoice("inv_old", owner.UserId, Credits.Whole(100), 50, false, null, now.AddHours(-2), now.AddHours(-1)));
        await h.Store.Invoices.CreateAsync(new Invoice("inv_paid", owner.UserId, Credits.Whole(100), 50, false, null, now, now.AddHours(1)));
        await h.Store.Invoices.MarkPaidAsync("inv_paid", "stx_earlier");

        async Task<(bool Ok, string? Error)> CheckoutAsync(Updates user, string payload, long stars)
        {
            await h.SendAsync(user.PreCheckout(payload, stars));
            var answer = h.Api.CallsOf("answerPreCheckoutQuery").Last();
            return (answer.Parameters["ok"]!.GetValue<bool>(), answer.Parameters["error_message"]?.GetValue<string>());
        }

        Assert.Equal((false, "This invoice is not valid. Open the top-up menu again."), await CheckoutAsync(other, "inv_live", 50));
        Assert.Equal((false, "This invoice has expired. Open the top-up menu again."), await CheckoutAsync(owner, "inv_old", 50));
        Assert.Equal((false, "This invoice is already paid."), await CheckoutAsync(owner, "inv_paid", 50));
        Assert.Equal((false, "This invoice is not valid. Open the top-up menu again."), await CheckoutAsync(owner, "inv_live", 1));
        Assert.Equal((false, "This invoice is not valid. Open the top-up menu again."), await CheckoutAsync(owner, "inv_forged", 50));
        Assert.Equal((true, null), await CheckoutAsync(owner, "inv_live", 50));
        Assert.Equal(Credits.Whole(500), (await h.Store.Ledger.GetBalanceAsync(owner.UserId)).Available);
    }

    [Fact]
    public async Task A_referral_registers_once_and_pays_its_bonus_once_on_the_first_top_up()
    {
        await using var h = await BotHarness.StartAsync(postgres.Server, new Dictionary<string, string>(Packages) { ["REFERRAL_BONUS"] = "25" });
        var referrer = new Updates(6_301);
        var friend = new Updates(6_302);
        var self = new Updates(6_303);
        await h.SendAsync(referrer.Text("/start"));
        await h.SendAsync(friend.Text("/start ref_6301"));
        await h.SendAsync(referrer.Text("/start ref_6302"));
        await h.SendAsync(self.Text("/start ref_6303"));

        Assert.Equal(6_301, (await h.Store.Users.GetAsync(friend.UserId))!.ReferrerId);
        Assert.Null((await h.Store.Users.GetAsync(referrer.UserId))!.ReferrerId);
        Assert.Null((await h.Store.Users.GetAsync(self.UserId))!.ReferrerId);

        foreach (var charge in new[] { "stx_a", "stx_a", "stx_b" })
        {
            var id = "inv_" + charge + Guid.NewGuid().ToString("N")[..6];
            await h.Store.Invoices.CreateAsync(new Invoice(id, friend.UserId, Credits.Whole(100), 50, false, null, DateTimeOffset.UtcNow, DateTimeOffset.UtcNow.AddHours(1)));
            await h.SendAsync(friend.Paid(charge, id, 50));
        }

        Assert.Equal(Credits.Whole(500 + 25), (await h.Store.Ledger.GetBalanceAsync(referrer.UserId)).Available);
        Assert.Equal(Credits.Whole(500 + 200), (await h.Store.Ledger.GetBalanceAsync(friend.UserId)).Available);
        await h.PressDataAsync(referrer, KieBot.Features.Growth.GrowthFeature.Invite);
        Assert.Contains("https://t.me/kie_test_bot?start=ref_6301", h.ScreenOf(referrer).Text, StringComparison.Ordinal);
        Assert.Contains("Friends invited: 1.", h.ScreenOf(referrer).Text, StringComparison.Ordinal);
        Assert.True((await h.Store.Ledger.CheckAsync()).IsConsistent);
    }

    [Fact]
    public async Task With_the_generation_trigger_the_bonus_comes_once_on_the_first_paid_generation_and_not_on_a_top_up()
    {
        var settings = new Dictionary<string, string>(Packages) { ["REFERRAL_BONUS"] = "25", ["REFERRAL_TRIGGER"] = "generation" };
        await using var h = await BotHarness.StartAsync(postgres.Server, settings);
        h.Kie.ReadsToFinish = 1;
        var referrer = new Updates(6_311);
        var friend = new Updates(6_312);
        await h.SendAsync(referrer.Text("/start"));
        await h.SendAsync(friend.Text("/start ref_6311"));

        var invoice = "inv_gen_" + Guid.NewGuid().ToString("N")[..6];
        await h.Store.Invoices.CreateAsync(new Invoice(invoice, friend.UserId, Credits.Whole(100), 50, false, null, DateTimeOffset.UtcNow, DateTimeOffset.UtcNow.AddHours(1)));
        await h.SendAsync(friend.Paid("stx_gen", invoice, 50));
        Assert.Equal(Credits.Whole(500), (await h.Store.Ledger.GetBalanceAsync(referrer.UserId)).Available);

        foreach (var _ in Enumerable.Range(0, 2))
        {
            var generation = await TrackingTests.GenerateAsync(h, friend, KieCatalog.Models.ZImage.TextToImage);
            await TrackingTests.WaitForDeliveryAsync(h, generation.Id);
        }

        Assert.Equal(Credits.Whole(500 + 25), (await h.Store.Ledger.GetBalanceAsync(referrer.UserId)).Available);
        await h.PressDataAsync(referrer, KieBot.Features.Growth.GrowthFeature.Invite);
        Assert.Contains("when a friend makes their first paid generation", h.ScreenOf(referrer).Text, StringComparison.Ordinal);
        Assert.True((await h.Store.Ledger.CheckAsync()).IsConsistent);
    }

    [Fact]
    public async Task The_admin_refunds_a_stars_payment_once_and_the_credits_are_debited()
    {
        await using var h = await BotHarness.StartAsync(postgres.Server, new Dictionary<string, string>(Packages) { ["ADMIN_ID"] = "999" });
        var admin = new Updates(999);
        var buyer = new Updates(6_401);
        await h.SendAsync(buyer.Text("/start"));
        await h.Store.Invoices.CreateAsync(new Invoice("inv_refund", buyer.UserId, Credits.Whole(100), 50, false, null, DateTimeOffset.UtcNow, DateTimeOffset.UtcNow.AddHours(1)));
        await h.SendAsync(buyer.Paid("stx_refund", "inv_refund", 50));

        await h.SendAsync(admin.Text("/refund stx_refund"));
        await h.SendAsync(admin.Text("/refund stx_refund"));
        await h.SendAsync(admin.Text("/refund stx_unknown"));

        var replies = h.Api.CallsOf("sendMessage").Where(c => c.ChatId == 999).Select(c => c.Text).ToList();
        Assert.Equal(["Refunded 50 ⭐ to 6401; 100 cr debited.", "This payment is already refunded.", "No such Stars payment."], replies);
        var refund = Assert.Single(h.Api.CallsOf("refundStarPayment"));
        Assert.Equal("stx_refund", refund.Parameters["telegram_payment_charge_id"]!.GetValue<string>());
        Assert.Equal(Credits.Whole(500), (await h.Store.Ledger.GetBalanceAsync(buyer.UserId)).Available);
        Assert.Equal(PaymentStatus.Refunded, (await h.Store.Payments.FindByChargeAsync("telegram-stars", "stx_refund"))!.Status);
        Assert.True((await h.Store.Ledger.CheckAsync()).IsConsistent);
    }
}
