using KieBot.Tests.Storage;
using KieBot.TestSupport.Telegram;
using KieCatalog;
using KieCatalog.Catalog;
using static KieBot.Tests.Bot.TrackingTests;

namespace KieBot.Tests.Bot;

/// <summary>
/// Suno's failures end to end: KIE's 531 (it refunded its credits), 400 (copyrighted lyrics) and 413 (the upload matches
/// an existing work) each refunded once with their own message; and a bot with no public URL for KIE's callbacks, which
/// offers no Suno mode and tells its admin why.
/// </summary>
[Collection("postgres")]
public sealed class MusicFailureTests(PostgresFixture postgres)
{
    private const long Admin = 778;

    public static TheoryData<string, string, string, string> Failures() => new()
    {
        // KIE's record carries no code for a 531 (its errorCode lists 400, 408, 413): the callback says it.
        { "531", Models.Suno.V5.Key, "Sorry, generation failed due to an issue. Your credits have been refunded.", "KIE has already taken it off its bill" },
        { "400", Models.Suno.V5.Key, "The lyrics contain copyrighted content.", "Suno refused the lyrics: they contain copyrighted material" },
        { "413", Models.SunoCover.V5.Key, "Uploaded audio matches existing work.", "Suno refused the uploaded audio: it matches an existing work" },
    };

    [Theory]
    [MemberData(nameof(Failures))]
    public async Task A_failed_song_is_refunded_once_with_the_message_of_its_code(string code, string key, string kieMessage, string told)
    {
        await using var h = await BotHarness.StartAsync(postgres.Server);
        h.Kie.ReadsToFinish = 3;
        h.Kie.DuplicateCallbacks = true;
        h.Kie.FailNextTask(code, kieMessage);
        var user = new Updates(12_100 + int.Parse(code, System.Globalization.CultureInfo.InvariantCulture));
        var mode = Models.AllModes.Single(m => m.Key == key);

        var generation = await GenerateAsync(h, user, mode);
        await WaitForAsync(h, generation.Id, GenerationState.Refunded);

        var failure = await h.Api.WaitForAsync(c => c.ChatId == user.UserId && c.Text?.Contains("are back on your balance", StringComparison.Ordinal) == true);
        Assert.Contains(told, failure.Text, StringComparison.Ordinal);
        await Task.Delay(1500);
        var history = await h.Store.Ledger.HistoryAsync(user.UserId, 20);
        Assert.Single(history, e => e.Kind == LedgerKind.Release);
        Assert.DoesNotContain(history, e => e.Kind == LedgerKind.Capture);
        Assert.Equal(new Balance(user.UserId, Credits.Whole(500), Credits.Zero), await h.Store.Ledger.GetBalanceAsync(user.UserId));
        Assert.Single(h.Api.Calls, c => c.ChatId == user.UserId && c.Text?.Contains(told, StringComparison.Ordinal) == true);
        Assert.Empty(h.Api.CallsOf("sendAudio"));
        Assert.Equal(code, (await h.Store.Generations.GetAsync(generation.Id))!.ErrorCode);
    }

    [Fact]
    public async Task A_russian_user_reads_the_copyright_refusal_in_russian()
    {
        await using var h = await BotHarness.StartAsync(postgres.Server);
        h.Kie.ReadsToFinish = 1;
        h.Kie.FailNextTask("400", "The lyrics contain copyrighted content.");
        var user = new Updates(12_200, "ru");

        var generation = await GenerateAsync(h, user, Models.Suno.V5);
        await WaitForAsync(h, generation.Id, GenerationState.Refunded);

        await h.Api.WaitForAsync(c => c.ChatId == user.UserId && c.Text?.Contains("Suno отклонил текст песни", StringComparison.Ordinal) == true);
    }

    [Fact]
    public async Task A_forged_failure_callback_is_refused_and_leaves_nothing_on_the_song()
    {
        await using var h = await BotHarness.StartAsync(postgres.Server, new Dictionary<string, string> { ["KIE_WEBHOOK_HMAC_KEY"] = "kie-hmac-key-0451" });
        h.Kie.WebhookHmacKey = "kie-hmac-key-0451";
        var user = new Updates(12_260);
        var generation = await GenerateAsync(h, user, Models.Suno.V5);
        var task = h.Kie.Tasks[generation.KieTaskId!];
        task.Paused = true;
        var forged = $$$"""{"code":531,"msg":"Generation failed; credits refunded.","data":{"callbackType":"error","task_id":"{{{task.Id}}}","data":null}}""";

        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, await PostCallbackAsync(h, task.CallbackUrl!, forged));
        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, await PostCallbackAsync(h, task.CallbackUrl![..^4] + "xxxx", forged));
        var untouched = (await h.Store.Generations.GetAsync(generation.Id))!;
        Assert.Null(untouched.CallbackFailCode);
        Assert.True(untouched.State.IsInFlight());

        // KIE's own, signed callbacks still get through: the song is delivered and charged.
        task.Paused = false;
        await h.Kie.CompleteAsync(task.Id);
        var done = await WaitForDeliveryAsync(h, generation.Id);
        Assert.Equal(2, done.Tracks.Count);
        Assert.Single(await h.Store.Ledger.HistoryAsync(user.UserId, 20), e => e.Kind == LedgerKind.Capture);
    }

    [Fact]
    public async Task An_upload_longer_than_suno_takes_is_refused_before_anything_is_charged()
    {
        await using var h = await BotHarness.StartAsync(postgres.Server);
        var user = new Updates(12_250);
        await FormDriver.OpenAsync(h, user, Models.SunoCover.V5);
        Assert.Equal("uploadUrl", (await FormDriver.StateAsync(h, user)).Asking);

        h.Api.AddFile("long-song", [0x49, 0x44, 0x33, 0x04, 0, 0, 0, 0, 0, 0]);
        await h.SendAsync(user.Audio("long-song", seconds: 600));

        Assert.Contains(h.Api.Calls, c => c.ChatId == user.UserId && c.Text == "This file plays 600 s; this mode takes at most 480 s. Send a shorter one.");
        Assert.Equal("uploadUrl", (await FormDriver.StateAsync(h, user)).Asking);
        Assert.DoesNotContain(h.Kie.Requests, r => r.Path.StartsWith("/api/file-", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Without_a_public_url_no_suno_mode_is_offered_and_the_admin_is_told_why()
    {
        await using var h = await BotHarness.StartAsync(postgres.Server, new Dictionary<string, string>
        {
            ["WEBHOOK_URL"] = string.Empty, ["WEBHOOK_SECRET"] = string.Empty, ["PUBLIC_URL"] = string.Empty,
            ["ADMIN_ID"] = Admin.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        var user = new Updates(12_300);
        var suno = Models.All.Where(m => m.Modes.Any(o => o.IsVisible && o.Api == ApiFamily.Suno)).ToList();
        Assert.Equal(6, suno.Count);

        h.Api.Enqueue(user.Text("/start"));
        var menu = await h.Api.WaitForAsync(c => c.ChatId == user.UserId && c.Method == "sendMessage" && c.Buttons.Count > 0);
        h.Api.Enqueue(user.Press(CatalogCallbacks.For(ModelCategory.Audio), menu.MessageId));
        var shelf = await h.Api.WaitForAsync(c => c.ChatId == user.UserId && c.Method == "editMessageText" && c.Buttons.Any(b => b.Data == Models.FindModel("elevenlabs")!.CallbackData));
        Assert.DoesNotContain(shelf.Buttons, b => suno.Any(m => m.CallbackData == b.Data));
        Assert.Contains(menu.Buttons, b => b.Data == CatalogCallbacks.For(ModelCategory.Audio) && b.Text.Contains("(1)", StringComparison.Ordinal));

        // An old card's button for a Suno mode is refused, not sold.
        h.Api.Enqueue(user.Press(Models.Suno.V5.CallbackData, shelf.MessageId));
        await h.Api.WaitForAsync(c => c.Method == "answerCallbackQuery" && c.Parameters["text"]?.GetValue<string>() == "This button is outdated.");

        var admin = new Updates(Admin);
        h.Api.Enqueue(admin.Text("/admin"));
        var panel = await h.Api.WaitForAsync(c => c.ChatId == Admin && c.Buttons.Any(b => b.Data == "adm:catalog"));
        h.Api.Enqueue(admin.Press("adm:catalog", panel.MessageId));
        var report = await h.Api.WaitForAsync(c => c.ChatId == Admin && c.Text?.Contains("Not on sale", StringComparison.Ordinal) == true);
        Assert.Contains("42 modes of Suno, Suno Cover, Suno Extend, Suno Vocals &amp; Instrumental, Suno Mashup, Suno Lyrics", report.Text, StringComparison.Ordinal);
        Assert.Contains("KIE requires a callback URL (callBackUrl) on every task of these", report.Text, StringComparison.Ordinal);
        Assert.Contains("set PUBLIC_URL, or run in webhook mode (WEBHOOK_URL)", report.Text, StringComparison.Ordinal);
        Assert.Contains("Audio: 1 models, 4 modes on sale", report.Text, StringComparison.Ordinal);
    }
}
