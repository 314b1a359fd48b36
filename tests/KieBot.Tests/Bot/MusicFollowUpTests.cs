using System.Net;
using System.Text.Json.Nodes;
using KieBot.Tests.Storage;
using KieBot.TestSupport.Telegram;
using KieCatalog;
using static KieBot.Tests.Bot.TrackingTests;

namespace KieBot.Tests.Bot;

/// <summary>
/// Follow-ups of a Suno song (real Telegram.Bot client, fake Bot API, fake KIE with Suno's staged callbacks): one button
/// per track, an extend of the second track named by its audioId, then the extension split into stems, each reserved,
/// made, delivered and captured, the chain recorded.
/// </summary>
[Collection("postgres")]
public sealed class MusicFollowUpTests(PostgresFixture postgres)
{
    [Fact]
    public async Task A_song_is_extended_from_its_second_track_and_the_extension_split_into_stems()
    {
        await using var h = await BotHarness.StartAsync(postgres.Server);
        h.Kie.ReadsToFinish = 3;
        var user = new Updates(12_101);

        var song = await WaitForDeliveryAsync(h, (await MusicDriver.CustomSongAsync(h, user, Models.Suno.V5)).Id);
        Assert.Equal(2, song.Tracks.Count);
        var second = FollowUpTests.ResultButton(h, user, Models.Suno.V5Extend.Key, output: 1);
        Assert.StartsWith("↪️ Extend · V5 2 · ", second.Text, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, await h.PostAsync(user.Press(second.Data, second.MessageId)));
        Assert.Contains("Continues: Suno · V5", h.ScreenOf(user).Text, StringComparison.Ordinal);
        await h.ConfirmAsync(user);
        var extension = await WaitForDeliveryAsync(h, (await WaitForCreateAsync(h, (await h.Store.Generations.ListByUserAsync(user.UserId, 1))[0].Id)).Id);

        var extend = JsonNode.Parse(h.Kie.Tasks[extension.KieTaskId!].ParamJson)!;
        Assert.Equal(song.Tracks[1].Id, extend["audioId"]!.GetValue<string>());
        Assert.False(extend["defaultParamFlag"]!.GetValue<bool>());
        Assert.Equal("V5", extend["model"]!.GetValue<string>());
        Assert.Contains("/kie/callback/", h.Kie.Tasks[extension.KieTaskId!].CallbackUrl, StringComparison.Ordinal);
        Assert.Equal(song.Id, extension.ParentId);

        var stems = FollowUpTests.ResultButton(h, user, Models.Suno.VocalRemovalGenerate.Key, output: 0);
        Assert.Equal(HttpStatusCode.OK, await h.PostAsync(user.Press(stems.Data, stems.MessageId)));
        await h.ConfirmAsync(user);
        var split = await WaitForDeliveryAsync(h, (await WaitForCreateAsync(h, (await h.Store.Generations.ListByUserAsync(user.UserId, 1))[0].Id)).Id);

        var request = JsonNode.Parse(h.Kie.Tasks[split.KieTaskId!].ParamJson)!;
        Assert.Equal((extension.KieTaskId, extension.Tracks[0].Id, "separate_vocal"), (request["taskId"]!.GetValue<string>(), request["audioId"]!.GetValue<string>(), request["type"]!.GetValue<string>()));
        Assert.Equal(extension.Id, split.ParentId);
        Assert.NotEmpty(split.Delivered!);

        var balance = await h.Store.Ledger.GetBalanceAsync(user.UserId);
        Assert.Equal(new Balance(user.UserId, Credits.Whole(500) - song.Price - extension.Price - split.Price, Credits.Zero), balance);
        Assert.True((await h.Store.Ledger.CheckAsync()).IsConsistent);
    }

    [Fact]
    public async Task Cover_art_of_a_song_is_free_as_at_KIE_delivered_as_images_and_not_offered_twice()
    {
        await using var h = await BotHarness.StartAsync(postgres.Server);
        h.Kie.ReadsToFinish = 1;
        var user = new Updates(12_102);

        var song = await WaitForDeliveryAsync(h, (await MusicDriver.CustomSongAsync(h, user, Models.Suno.V5)).Id);
        var cover = FollowUpTests.ResultButton(h, user, Models.Suno.SunoCoverGenerate.Key);
        Assert.EndsWith("Cover art · free", cover.Text, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, await h.PostAsync(user.Press(cover.Data, cover.MessageId)));
        Assert.Contains("Price: <b>free</b>", h.ScreenOf(user).Text, StringComparison.Ordinal);
        await h.ConfirmAsync(user);
        var art = await WaitForDeliveryAsync(h, (await WaitForCreateAsync(h, (await h.Store.Generations.ListByUserAsync(user.UserId, 1))[0].Id)).Id);

        Assert.Equal((song.Id, Credits.Zero), (art.ParentId, art.Price));
        Assert.Equal(song.KieTaskId, JsonNode.Parse(h.Kie.Tasks[art.KieTaskId!].ParamJson)!["taskId"]!.GetValue<string>());
        Assert.NotEmpty(art.ResultUrls);
        Assert.Contains(h.Api.Calls, c => c.Method is "sendPhoto" or "sendMediaGroup" && c.ChatId == user.UserId);
        Assert.Equal(new Balance(user.UserId, Credits.Whole(500) - song.Price, Credits.Zero), await h.Store.Ledger.GetBalanceAsync(user.UserId));
        Assert.True((await h.Store.Ledger.CheckAsync()).IsConsistent);

        // KIE keeps one cover record per song (a second is a 409): the song's card no longer offers it.
        await h.SendAsync(user.Text("/history"));
        await h.PressAsync(user, b => b.Data == "gen:" + song.Id);
        Assert.DoesNotContain(h.ScreenOf(user).Buttons, b => b.Data.StartsWith(cover.Data[..cover.Data.LastIndexOf(':')], StringComparison.Ordinal));
    }

    [Fact]
    public async Task Timed_lyrics_of_a_track_arrive_as_lrc_lines_at_KIE_s_price()
    {
        await using var h = await BotHarness.StartAsync(postgres.Server);
        h.Kie.ReadsToFinish = 1;
        var user = new Updates(12_103);

        var song = await WaitForDeliveryAsync(h, (await MusicDriver.CustomSongAsync(h, user, Models.Suno.V5)).Id);
        var timed = FollowUpTests.ResultButton(h, user, Models.Suno.GetTimestampedLyrics.Key, output: 1);
        Assert.EndsWith("Timed lyrics 2 · 0.75 cr", timed.Text, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, await h.PostAsync(user.Press(timed.Data, timed.MessageId)));
        await h.ConfirmAsync(user);
        var lyrics = await WaitForDeliveryAsync(h, (await WaitForCreateAsync(h, (await h.Store.Generations.ListByUserAsync(user.UserId, 1))[0].Id)).Id);

        // KIE answers at once with the aligned words; $0.0025 is 0.5 cr, 1.5 markup.
        Assert.Equal((song.Id, Credits.From(0.75m)), (lyrics.ParentId, lyrics.Price));
        var request = JsonNode.Parse(h.Kie.Requests.Single(r => r.Path == "/api/v1/generate/get-timestamped-lyrics").Body)!;
        Assert.Equal((song.KieTaskId, song.Tracks[1].Id), (request["taskId"]!.GetValue<string>(), request["audioId"]!.GetValue<string>()));
        Assert.Equal("[Verse]\n[00:01.36] Waggin' my\n[01:02.50] Tail", lyrics.ResultText);
        Assert.Contains(h.Api.Calls, c => c.ChatId == user.UserId && c.Text?.Contains("[00:01.36] Waggin' my", StringComparison.Ordinal) == true);
        Assert.Equal(new Balance(user.UserId, Credits.Whole(500) - song.Price - lyrics.Price, Credits.Zero), await h.Store.Ledger.GetBalanceAsync(user.UserId));
    }
}
