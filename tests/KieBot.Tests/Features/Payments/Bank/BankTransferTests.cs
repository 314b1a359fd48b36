using KieBot.Features.Payments.Bank;
using KieBot.Tests.Bot;
using System.Globalization;
using KieBot.Features.Admin;
using KieBot.Features.Browse;
using KieBot.Features.Form;
using KieBot.Features.History;
using KieBot.Features.Menu;
using KieBot.Tests.Storage;
using KieBot.TestSupport.Telegram;
using KieBot.Conversation;

namespace KieBot.Tests.Features.Payments.Bank;

/// <summary>Manual bank transfers: off by default; a receipt goes to the admin; only the admin's approval credits, once.</summary>
[Collection("postgres")]
public sealed class BankTransferTests(PostgresFixture postgres)
{
    private const long Admin = 8_800;

    private static readonly Dictionary<string, string> BankOn = new()
    {
        ["ADMIN_ID"] = Admin.ToString(CultureInfo.InvariantCulture),
        ["BANK_TRANSFER_DETAILS"] = @"Card 2200 0000 0000 0004\nI. Ivanov <Bank>",
    };

    [Fact]
    public async Task Bank_transfers_are_off_unless_configured()
    {
        await using var h = await BotHarness.StartAsync(postgres.Server);
        var user = new Updates(8_801);
        await h.SendAsync(user.Text("/start"));
        await h.PressDataAsync(user, BotCallbacks.Balance);
        Assert.DoesNotContain(h.ScreenOf(user).Buttons, b => b.Data == BankFeature.Open);

        await h.SendAsync(user.Press(BankFeature.Open, h.ScreenOf(user).MessageId));
        Assert.DoesNotContain(h.Api.Calls, c => c.Text?.Contains("2200", StringComparison.Ordinal) == true);
    }

    [Fact]
    public async Task A_receipt_reaches_the_admin_and_only_the_admins_approval_credits_once()
    {
        await using var h = await BotHarness.StartAsync(postgres.Server, BankOn);
        var admin = new Updates(Admin);
        var user = new Updates(8_802);
        var intruder = new Updates(8_803);
        await h.SendAsync(admin.Text("/start"));
        await h.SendAsync(intruder.Text("/start"));
        await h.SendAsync(user.Text("/start"));
        await h.PressDataAsync(user, BotCallbacks.Balance);
        await h.PressDataAsync(user, BankFeature.Open);
        Assert.True(h.ScreenOf(user).Text!.Contains("Card 2200 0000 0000 0004\nI. Ivanov &lt;Bank&gt;", StringComparison.Ordinal), h.ScreenOf(user).Text);

        // No amount, or a text instead of a file: asked again, nothing recorded, nothing sent to the admin.
        await h.SendAsync(user.Photo("receipt-1"));
        Assert.Contains("Write the amount in roubles", h.Screen.Text, StringComparison.Ordinal);
        await h.SendAsync(user.Text("I paid 500"));
        Assert.Contains("Send the receipt as a photo or a file", h.Screen.Text, StringComparison.Ordinal);
        Assert.Empty(await h.Store.Transfers.PendingAsync(10));
        Assert.Empty(h.Api.CallsOf("sendPhoto"));

        await h.SendAsync(user.Photo("receipt-1", "1 500,50 ₽"));
        Assert.Contains("Receipt for 1500.5 ₽ received", h.Screen.Text, StringComparison.Ordinal);
        var forwarded = Assert.Single(h.Api.CallsOf("sendPhoto"));
        Assert.Equal(Admin, forwarded.ChatId);
        Assert.Equal("receipt-1", forwarded.Parameters["photo"]!.GetValue<string>());
        Assert.Contains("1500.5 ₽ → 3751.25 cr", forwarded.Parameters["caption"]!.GetValue<string>(), StringComparison.Ordinal);
        var transfer = Assert.Single(await h.Store.Transfers.PendingAsync(10));
        Assert.Equal(Credits.Whole(500), (await h.Store.Ledger.GetBalanceAsync(user.UserId)).Available);

        // Someone else pressing the admin's button changes nothing.
        var approve = forwarded.Buttons.Single(b => b.Text == "✅ Approve").Data;
        var reject = forwarded.Buttons.Single(b => b.Text == "❌ Reject").Data;
        await h.SendAsync(intruder.Press(approve, forwarded.MessageId));
        Assert.Equal(TransferStatus.Pending, (await h.Store.Transfers.GetAsync(transfer.Id))!.Status);

        // Two presses of approve and one of reject, at once: credited exactly once.
        await Task.WhenAll(
            h.SendAsync(admin.Press(approve, forwarded.MessageId)),
            h.SendAsync(admin.Press(approve, forwarded.MessageId)),
            h.SendAsync(admin.Press(reject, forwarded.MessageId)));
        var decided = (await h.Store.Transfers.GetAsync(transfer.Id))!;
        Assert.NotEqual(TransferStatus.Pending, decided.Status);
        Assert.Equal(Admin, decided.DecidedBy);
        var expected = decided.Status == TransferStatus.Approved ? Credits.Whole(500) + Credits.From(3751.25m) : Credits.Whole(500);
        Assert.Equal(expected, (await h.Store.Ledger.GetBalanceAsync(user.UserId)).Available);
        Assert.Equal(2, h.Api.CallsOf("answerCallbackQuery").TakeLast(3).Count(c => c.Parameters["text"]?.GetValue<string>() == "This transfer was decided already."));
        Assert.True((await h.Store.Ledger.CheckAsync()).IsConsistent);
    }

    [Fact]
    public async Task An_approved_receipt_tells_the_user_and_a_rejected_one_credits_nothing()
    {
        await using var h = await BotHarness.StartAsync(postgres.Server, BankOn);
        var admin = new Updates(Admin);
        var user = new Updates(8_804);
        await h.SendAsync(admin.Text("/start"));
        await h.SendAsync(user.Text("/start"));

        foreach (var (file, approve) in new[] { ("receipt-a", true), ("receipt-b", false) })
        {
            await h.SendAsync(user.Text("/balance"));
            await h.PressDataAsync(user, BankFeature.Open);
            await h.SendAsync(user.Document(file, "receipt.pdf", "application/pdf", "400"));
            var forwarded = h.Api.CallsOf("sendDocument").Last();
            Assert.Equal(file, forwarded.Parameters["document"]!.GetValue<string>());
            await h.SendAsync(admin.Press(forwarded.Buttons.Single(b => b.Text == (approve ? "✅ Approve" : "❌ Reject")).Data, forwarded.MessageId));
        }

        Assert.Contains(h.Api.Calls, c => c.ChatId == user.UserId && c.Text == "✅ Your transfer of 400 ₽ is confirmed: +1000 cr. Balance: 1500 cr.");
        Assert.Contains(h.Api.Calls, c => c.ChatId == user.UserId && c.Text?.StartsWith("❌ Your transfer of 400 ₽ was not found.", StringComparison.Ordinal) == true);
        Assert.Equal(Credits.Whole(1500), (await h.Store.Ledger.GetBalanceAsync(user.UserId)).Available);
        Assert.Empty(await h.Store.Transfers.PendingAsync(10));
        Assert.True((await h.Store.Ledger.CheckAsync()).IsConsistent);
    }
}
