using System.Net;
using System.Text.Json.Nodes;
using KieBot.Features.History;
using KieBot.Tests.Storage;
using KieBot.TestSupport.Kie;
using KieBot.TestSupport.Telegram;
using KieCatalog;
using static KieBot.Tests.Bot.MusicDriver;
using static KieBot.Tests.Bot.TrackingTests;

namespace KieBot.Tests.Bot;

/// <summary>
/// Suno songs end to end (real Telegram.Bot client, fake Bot API, fake KIE posting Suno's staged callbacks): the preview
/// of the first track, then both songs with their covers, titles and lyrics, charged once; repeated callbacks and a
/// restart in the middle deliver nothing twice.
/// </summary>
[Collection("postgres")]
public sealed class MusicTests(PostgresFixture postgres)
{
    private const string SongRecord = "/api/v1/generate/record-info";

    [Fact]
    public async Task A_custom_song_sends_its_preview_then_two_tracks_with_cover_title_and_lyrics_and_is_charged_once()
    {
        await using var h = await BotHarness.StartAsync(postgres.Server);
        h.Kie.ReadsToFinish = 3;
        var user = new Updates(12_001);

        var generation = await CustomSongAsync(h, user, Models.Suno.V5);
        var done = await WaitForDeliveryAsync(h, generation.Id);

        var task = h.Kie.Tasks[done.KieTaskId!];
        var sent = JsonNode.Parse(task.ParamJson)!;
        Assert.Equal((true, Lyrics, Style, Title, "V5"), (sent["customMode"]!.GetValue<bool>(), sent["prompt"]!.GetValue<string>(), sent["style"]!.GetValue<string>(), sent["title"]!.GetValue<string>(), sent["model"]!.GetValue<string>()));
        Assert.Contains("/kie/callback/", task.CallbackUrl, StringComparison.Ordinal);

        var calls = h.Api.Calls.Where(c => c.ChatId == user.UserId).ToList();
        var preview = Assert.Single(Previews(h, user));
        Assert.Contains(task.ResultUrl("stream-0"), preview.Text, StringComparison.Ordinal);
        var covers = calls.Where(c => c.Method == "sendPhoto").ToList();
        Assert.Equal([task.ResultUrl("cover-0.jpeg"), task.ResultUrl("cover-1.jpeg")], covers.Select(c => c.Parameters["photo"]!.GetValue<string>()));
        Assert.All(covers, c => Assert.Contains("<b>Red Fox</b>", c.Text, StringComparison.Ordinal));
        var audios = calls.Where(c => c.Method == "sendAudio").ToList();
        Assert.Equal(task.ResultUrls, audios.Select(c => c.Parameters["audio"]!.GetValue<string>()));
        Assert.All(audios, c => Assert.Equal(Title, c.Parameters["title"]!.GetValue<string>()));
        var lyrics = Assert.Single(calls, c => c.Method == "sendMessage" && c.Text?.StartsWith("🎵 <b>Red Fox</b>", StringComparison.Ordinal) == true);
        Assert.Contains("A red fox runs through the snow", lyrics.Text, StringComparison.Ordinal);
        Assert.True(calls.IndexOf(preview) < calls.IndexOf(covers[0]) && calls.IndexOf(audios[1]) < calls.IndexOf(lyrics), "preview, then the songs, then the lyrics");
        Assert.Contains(lyrics.Buttons, b => b.Data == HistoryButtons.RepeatPrefix + generation.Id);

        Assert.True(done.Previewed);
        Assert.Equal([Title, Title], done.Tracks.Select(t => t.Title));
        Assert.Equal(2, done.Delivered!.Count);
        Assert.Equal(Credits.Whole(18), generation.Price);
        Assert.Single(await h.Store.Ledger.HistoryAsync(user.UserId, 20), e => e.Kind == LedgerKind.Capture);
        Assert.Equal(new Balance(user.UserId, Credits.Whole(500) - generation.Price, Credits.Zero), await h.Store.Ledger.GetBalanceAsync(user.UserId));
    }

    [Fact]
    public async Task Repeated_callbacks_and_a_restart_between_the_preview_and_the_songs_deliver_each_once()
    {
        var first = await BotHarness.StartAsync(postgres.Server);
        first.Kie.DuplicateCallbacks = true;
        var user = new Updates(12_002);
        var generation = await GenerateAsync(first, user, Models.Suno.V4_5plus);
        var task = first.Kie.Tasks[generation.KieTaskId!];

        // KIE takes its time: its text and first stages come by callback (each twice), and every read finds the first track.
        task.Paused = true;
        await first.Kie.AdvanceAsync(task.Id);
        await first.Kie.AdvanceAsync(task.Id);
        await WaitUntilAsync(async () => (await first.Store.Generations.GetAsync(generation.Id))!.Previewed, TimeSpan.FromSeconds(30), () => "no preview");
        var reads = first.Kie.CountOf(SongRecord);
        foreach (var body in Stages(task).Take(1))
        {
            Assert.Equal(HttpStatusCode.OK, await PostCallbackAsync(first, task.CallbackUrl!, body));
            Assert.Equal(HttpStatusCode.OK, await PostCallbackAsync(first, task.CallbackUrl!, body));
        }

        await WaitUntilAsync(() => Task.FromResult(first.Kie.CountOf(SongRecord) > reads), TimeSpan.FromSeconds(30), () => "the repeated callback was not read");
        await first.StopHostAsync();
        await using (first)
        {
            // A new host reads the first track again, then the songs once KIE has made them.
            await using var second = await BotHarness.StartAsync(postgres.Server, shared: first);
            await WaitUntilAsync(() => Task.FromResult(second.Kie.CountOf(SongRecord) > reads + 1), TimeSpan.FromSeconds(30), () => "the new host never read the song");
            task.Paused = false;
            await second.Kie.AdvanceAsync(task.Id);
            var done = await WaitForDeliveryAsync(second, generation.Id);

            // KIE repeats its callbacks to the new host: they change nothing.
            var callback = new Uri(second.Url, new Uri(task.CallbackUrl!).AbsolutePath).AbsoluteUri;
            foreach (var body in Stages(task))
            {
                Assert.Equal(HttpStatusCode.OK, await PostCallbackAsync(second, callback, body));
            }

            await Task.Delay(1500);
            Assert.Single(Previews(second, user));
            Assert.Equal(task.ResultUrls, second.Api.CallsOf("sendAudio").Where(c => c.ChatId == user.UserId).Select(c => c.Parameters["audio"]!.GetValue<string>()));
            Assert.Equal(2, second.Api.CallsOf("sendPhoto").Count(c => c.ChatId == user.UserId));
            Assert.Equal(task.ResultUrls, done.ResultUrls);
            Assert.Single(await second.Store.Ledger.HistoryAsync(user.UserId, 20), e => e.Kind == LedgerKind.Capture);
            Assert.Equal(new Balance(user.UserId, Credits.Whole(500) - generation.Price, Credits.Zero), await second.Store.Ledger.GetBalanceAsync(user.UserId));
            Assert.True((await second.Store.Ledger.CheckAsync()).IsConsistent);
        }
    }

    /// <summary>The first and complete callbacks of a song as KIE posts them (docs.kie.ai/suno-api/generate-music-callbacks).</summary>
    private static IEnumerable<string> Stages(FakeKieTask task)
    {
        string Song(int i) => $$"""{"id":"s{{i}}","audio_url":"{{task.ResultUrl($"{i}.mp3")}}","stream_audio_url":"{{task.ResultUrl($"stream-{i}")}}","image_url":"{{task.ResultUrl($"cover-{i}.jpeg")}}","prompt":"","model_name":"chirp-v4","title":"Fox","tags":"folk","createTime":"2025-01-01 00:00:00","duration":198.44}""";
        yield return $$$"""{"code":200,"msg":"First audio generated successfully.","data":{"callbackType":"first","task_id":"{{{task.Id}}}","data":[{{{Song(0)}}}]}}""";
        yield return $$$"""{"code":200,"msg":"All generated successfully.","data":{"callbackType":"complete","task_id":"{{{task.Id}}}","data":[{{{Song(0)}}},{{{Song(1)}}}]}}""";
    }
}
