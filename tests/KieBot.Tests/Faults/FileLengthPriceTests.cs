using System.Buffers.Binary;
using KieBot.Features.Admin;
using KieBot.Features.Browse;
using KieBot.Features.Form;
using KieBot.Features.History;
using KieBot.Features.Menu;
using KieBot.Storage;
using KieBot.Tests.Bot;
using KieBot.Tests.Storage;
using KieBot.TestSupport.Telegram;
using KieCatalog;
using KieCatalog.Catalog;
using KieBot.Conversation;

namespace KieBot.Tests.Faults;

/// <summary>Modes KIE bills per second of an uploaded file: the quote, the reservation and the capture follow the file's real length.</summary>
[Collection("postgres")]
public sealed class FileLengthPriceTests(PostgresFixture postgres)
{
    private static ModeDescriptor Mode(string model, string mode) => Models.FindModel(model)!.FindMode(mode)!;

    [Fact]
    public async Task Voice_isolation_of_a_three_second_voice_message_costs_three_seconds()
    {
        await using var h = await BotHarness.StartAsync(postgres.Server);
        var user = new Updates(8_700);
        await FormDriver.OpenAsync(h, user, Mode("elevenlabs", "audio-isolation"));
        h.Api.AddFile("voice-3s", Wav(3));

        await h.SendAsync(user.Voice("voice-3s", seconds: 3));

        // KIE bills 0.2 cr per second; the markup is 1.5.
        await AssertChargedAsync(h, user, Credits.From(0.9m), "3 s");
    }

    [Fact]
    public async Task A_voice_message_that_claims_to_be_shorter_than_it_plays_is_priced_by_its_real_length()
    {
        await using var h = await BotHarness.StartAsync(postgres.Server);
        var user = new Updates(8_705);
        await FormDriver.OpenAsync(h, user, Mode("elevenlabs", "audio-isolation"));
        h.Api.AddFile("voice-claims-1s", Wav(3));

        // A client may report any duration; the file itself plays 3 s.
        await h.SendAsync(user.Voice("voice-claims-1s", seconds: 1));

        await AssertChargedAsync(h, user, Credits.From(0.9m), "3 s");
    }

    [Fact]
    public async Task A_ten_second_video_on_a_per_second_video_mode_costs_ten_seconds()
    {
        var mode = Mode("topaz-video", "upscale");
        await using var h = await BotHarness.StartAsync(postgres.Server);
        var user = new Updates(8_701);
        await FormDriver.OpenAsync(h, user, mode);
        h.Api.AddFile("video-10s", [0, 0, 0, 0]);

        await h.SendAsync(user.Video("video-10s", seconds: 10));
        await FormDriver.AnswerAllAsync(h, user, mode);

        // The default upscale factor, ×2: 8 cr per second at KIE, 1.5 markup.
        Assert.Equal("2", mode.FindParam("upscale_factor")!.DefaultValue);
        await AssertChargedAsync(h, user, Credits.Whole(120), "10 s");
    }

    [Fact]
    public async Task Kling_motion_control_is_priced_by_the_length_of_its_one_motion_video_and_sends_it_in_a_list()
    {
        var mode = Mode("kling-2.6", "motion-control");
        await using var h = await BotHarness.StartAsync(postgres.Server);
        var user = new Updates(8_706);
        await FormDriver.OpenAsync(h, user, mode);
        Assert.Equal("input_urls", (await FormDriver.StateAsync(h, user)).Asking);
        await FormDriver.AnswerAsync(h, user, mode.FindParam("input_urls")!, await FormDriver.StateAsync(h, user), "");
        Assert.Equal("video_urls", (await FormDriver.StateAsync(h, user)).Asking);
        h.Api.AddFile("dance-7s", [0, 0, 0, 0]);

        // One video fills the list (maxItems 1): no "done" press, the form goes on with the length measured.
        await h.SendAsync(user.Video("dance-7s", seconds: 7));
        Assert.Equal("7", (await FormDriver.StateAsync(h, user)).Values["video_urls#seconds"]);
        await FormDriver.AnswerAllAsync(h, user, mode);

        // The default 720p: 11 cr per second at KIE, 1.5 markup.
        await AssertChargedAsync(h, user, Credits.From(115.5m), "7 s");
        var generation = Assert.Single(await h.Store.Generations.ListByUserAsync(user.UserId, 10));
        var request = h.Kie.Tasks[generation.KieTaskId!].Request;
        var sent = request["input"] ?? request;
        Assert.Single(sent["video_urls"]!.AsArray());
        Assert.DoesNotContain("#seconds", request.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_file_sent_as_a_document_is_priced_from_its_header_and_an_unreadable_one_is_refused()
    {
        await using var h = await BotHarness.StartAsync(postgres.Server);
        var user = new Updates(8_702);
        await FormDriver.OpenAsync(h, user, Mode("elevenlabs", "audio-isolation"));
        h.Api.AddFile("noise", [1, 2, 3, 4, 5, 6, 7, 8]);
        h.Api.AddFile("clip-4s", Wav(4));

        await h.SendAsync(user.Document("noise", "clip.wav", "audio/wav"));
        Assert.Equal(Texts.Get("en", "error.duration_unknown", ("label", "Audio")), h.Api.CallsOf("sendMessage")[^2].Text);
        Assert.Equal("audio_url", (await FormDriver.StateAsync(h, user)).Asking);

        await h.SendAsync(user.Document("clip-4s", "clip.wav", "audio/wav"));
        await AssertChargedAsync(h, user, Credits.From(1.2m), "4 s");
    }

    [Fact]
    public async Task A_file_longer_than_the_mode_takes_is_refused_before_anything_is_priced()
    {
        await using var h = await BotHarness.StartAsync(postgres.Server);
        var user = new Updates(8_703);
        var mode = Mode("elevenlabs", "audio-isolation");
        await FormDriver.OpenAsync(h, user, mode);
        var max = mode.DurationParam!.MaxSeconds!.Value;
        h.Api.AddFile("long", [0]);

        await h.SendAsync(user.Audio("long", seconds: max + 1));

        Assert.Equal(Texts.Get("en", "error.duration_long", ("seconds", max + 1), ("max", max)), h.Api.CallsOf("sendMessage")[^2].Text);
        Assert.Equal("audio_url", (await FormDriver.StateAsync(h, user)).Asking);
    }

    [Fact]
    public async Task Gpt_4o_image_asks_a_prompt_or_images_and_cannot_be_skipped_past_both()
    {
        var mode = Mode("gpt-4o-image", "generate");
        await using var h = await BotHarness.StartAsync(postgres.Server);
        var user = new Updates(8_704);
        await FormDriver.OpenAsync(h, user, mode);

        var state = await FormDriver.StateAsync(h, user);
        Assert.Equal((At.Form, "prompt"), (state.Step, state.Asking));
        Assert.DoesNotContain(h.ScreenOf(user).Buttons, b => b.Data == FormButtons.Skip);
        Assert.Contains(h.ScreenOf(user).Buttons, b => b.Data == FormButtons.Settings);

        await FormDriver.AnswerAllAsync(h, user, mode);
        await h.ConfirmAsync(user);
        var generation = await TrackingTests.WaitForCreateAsync(h, Assert.Single(await h.Store.Generations.ListByUserAsync(user.UserId, 10)).Id);
        Assert.Contains("\"prompt\"", h.Kie.Tasks[generation.KieTaskId!].ParamJson, StringComparison.Ordinal);
    }

    /// <summary>The summary quotes <paramref name="price"/> (showing the length), the press reserves it, the result captures it.</summary>
    internal static async Task AssertChargedAsync(BotHarness h, Updates user, Credits price, string length)
    {
        var summary = h.ScreenOf(user).Text!;
        Assert.Contains($"Price: <b>{price} cr</b>", summary, StringComparison.Ordinal);
        Assert.Contains(length, summary, StringComparison.Ordinal);

        await h.ConfirmAsync(user);
        var generation = Assert.Single(await h.Store.Generations.ListByUserAsync(user.UserId, 10));
        Assert.Equal(price, generation.Price);
        Assert.Equal(price, (await h.Store.Ledger.GetBalanceAsync(user.UserId)).Reserved);
        await TrackingTests.WaitForDeliveryAsync(h, generation.Id);
        Assert.Equal(new Balance(user.UserId, Credits.Whole(500) - price, Credits.Zero), await h.Store.Ledger.GetBalanceAsync(user.UserId));
        Assert.Equal(price, (await h.Store.Ledger.FindAsync(generation.ReservationKey + ":capture"))!.Amount);
    }

    /// <summary>A WAV file of <paramref name="seconds"/> of silence: 8 kHz, mono, 16-bit.</summary>
    private static byte[] Wav(int seconds)
    {
        const int rate = 8_000;
        var data = rate * 2 * seconds;
        var wav = new byte[44 + data];
        "RIFF"u8.CopyTo(wav);
        BinaryPrimitives.WriteInt32LittleEndian(wav.AsSpan(4), 36 + data);
        "WAVEfmt "u8.CopyTo(wav.AsSpan(8));
        BinaryPrimitives.WriteInt32LittleEndian(wav.AsSpan(16), 16);
        BinaryPrimitives.WriteInt16LittleEndian(wav.AsSpan(20), 1);
        BinaryPrimitives.WriteInt16LittleEndian(wav.AsSpan(22), 1);
        BinaryPrimitives.WriteInt32LittleEndian(wav.AsSpan(24), rate);
        BinaryPrimitives.WriteInt32LittleEndian(wav.AsSpan(28), rate * 2);
        BinaryPrimitives.WriteInt16LittleEndian(wav.AsSpan(32), 2);
        BinaryPrimitives.WriteInt16LittleEndian(wav.AsSpan(34), 16);
        "data"u8.CopyTo(wav.AsSpan(36));
        BinaryPrimitives.WriteInt32LittleEndian(wav.AsSpan(40), data);
        return wav;
    }
}
