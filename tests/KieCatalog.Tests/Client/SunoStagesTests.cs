using System.Text.Json.Nodes;
using KieBot.TestSupport.Kie;
using KieCatalog.Catalog;
using KieCatalog.Client;
using KieCatalog.Errors;
using Microsoft.Extensions.Time.Testing;

namespace KieCatalog.Tests.Client;

/// <summary>
/// A Suno song against the fake KIE server: the record's stages (text, first, complete) with the first track's stream as
/// the preview and both songs with their titles, covers and lyrics at the end; the staged callbacks KIE posts, read by the
/// callback parser; and Suno's own failure codes (400, 413, 531) told apart.
/// </summary>
public sealed class SunoStagesTests
{
    private static SunoV5Input CustomSong() => new()
    {
        Prompt = "[Verse]\nA red fox runs through the snow",
        CustomMode = true,
        Style = "folk, acoustic guitar",
        Title = "Red Fox",
    };

    [Fact]
    public async Task A_song_reads_text_then_a_first_track_to_preview_then_two_songs_with_title_cover_and_lyrics()
    {
        await using var sink = await CallbackSink.StartAsync();
        await using var h = await ClientHarness.StartAsync();

        var task = await h.Kie.CreateTaskAsync(CustomSong(), sink.Url);
        var text = await h.Kie.GetTaskAsync(task);
        var first = await h.Kie.GetTaskAsync(task);
        var done = await h.Kie.GetTaskAsync(task);

        Assert.Equal(("TEXT_SUCCESS", KieTaskState.Generating), (text.RawState, text.State));
        Assert.Null(text.Preview);
        Assert.Equal(("FIRST_SUCCESS", KieTaskState.Generating), (first.RawState, first.State));
        Assert.StartsWith(h.Server.BaseUrl.AbsoluteUri, first.Preview!.StreamAudioUrl, StringComparison.Ordinal);
        Assert.Single(first.Tracks);
        Assert.Equal(KieTaskState.Success, done.State);
        Assert.Null(done.Preview);
        Assert.Equal(2, done.Tracks.Count);
        Assert.Equal(done.Tracks.Select(t => t.AudioUrl), done.ResultUrls);
        Assert.All(done.Tracks, t => Assert.Equal(("Red Fox", "[Verse]\nA red fox runs through the snow"), (t.Title, t.Lyrics)));
        Assert.All(done.Tracks, t => Assert.EndsWith(".jpeg", t.ImageUrl, StringComparison.Ordinal));
        var body = JsonNode.Parse(h.Server.Requests[0].Body)!;
        Assert.Equal(("V5", sink.Url.AbsoluteUri), (body["model"]!.GetValue<string>(), body["callBackUrl"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Kie_posts_one_callback_per_stage_in_order_and_the_parser_reads_each()
    {
        await using var sink = await CallbackSink.StartAsync();
        await using var h = await ClientHarness.StartAsync();
        var task = await h.Kie.CreateTaskAsync(CustomSong(), sink.Url);

        await h.Server.CompleteAsync(task.TaskId);

        var parser = new KieCallbackParser(null, TimeSpan.FromMinutes(5), TimeProvider.System);
        var read = sink.Received.Select(c => parser.Parse(ApiFamily.Suno, c.Body, c.Timestamp, c.Signature)).ToList();
        Assert.Equal(["text", "first", null], read.Select(t => t.State == KieTaskState.Success ? null : t.RawState));
        Assert.Empty(read[0].Tracks);
        Assert.NotNull(read[1].Preview);
        Assert.Equal(2, read[2].Tracks.Count);
        Assert.All(read[2].Tracks, t => Assert.Equal("Red Fox", t.Title));
        Assert.All(read, t => Assert.Equal(task.TaskId, t.TaskId));
    }

    [Theory]
    [InlineData("400", KieErrorKind.ContentPolicy, KieFailReason.CopyrightedLyrics, "copyrighted", "авторским")]
    [InlineData("413", KieErrorKind.ContentPolicy, KieFailReason.MatchesExistingWork, "matches an existing work", "существующим произведением")]
    [InlineData("531", KieErrorKind.ProviderFailed, KieFailReason.RefundedByKie, "KIE has already taken it off its bill", "KIE уже вернул")]
    public async Task A_failure_callback_names_sunos_code_in_both_languages(string code, KieErrorKind kind, KieFailReason reason, string en, string ru)
    {
        await using var sink = await CallbackSink.StartAsync();
        await using var h = await ClientHarness.StartAsync();
        h.Server.FailNextTask(code, "Generation failed.");
        var task = await h.Kie.CreateTaskAsync(CustomSong(), sink.Url);

        await h.Server.CompleteAsync(task.TaskId);

        var parser = new KieCallbackParser(null, TimeSpan.FromMinutes(5), new FakeTimeProvider());
        var failed = parser.Parse(ApiFamily.Suno, sink.Received[^1].Body, null, null);
        Assert.Equal((KieTaskState.Fail, code, kind, reason), (failed.State, failed.FailCode, failed.Error!.Kind, failed.Error.Reason));
        Assert.Contains(en, failed.Error.UserMessage("en"), StringComparison.Ordinal);
        Assert.Contains(ru, failed.Error.UserMessage("ru"), StringComparison.Ordinal);
        Assert.True(failed.Error.ShouldRefund);
    }

    [Fact]
    public async Task The_record_carries_400_and_413_itself_but_not_531()
    {
        await using var sink = await CallbackSink.StartAsync();
        await using var h = await ClientHarness.StartAsync();
        h.Server.ReadsToFinish = 1;
        h.Server.FailNextTask("413", "Uploaded audio matches existing work.");
        h.Server.FailNextTask("531", "Generation failed; credits refunded.");

        var matched = await h.Kie.GetTaskAsync(await h.Kie.CreateTaskAsync(CustomSong(), sink.Url));
        var refunded = await h.Kie.GetTaskAsync(await h.Kie.CreateTaskAsync(CustomSong(), sink.Url));

        Assert.Equal((KieTaskState.Fail, "413", KieFailReason.MatchesExistingWork), (matched.State, matched.FailCode, matched.Error!.Reason));
        Assert.Equal((KieTaskState.Fail, "GENERATE_AUDIO_FAILED", KieFailReason.None), (refunded.State, refunded.FailCode, refunded.Error!.Reason));
    }

    [Fact]
    public void Suno_codes_mean_what_they_say_only_for_suno()
    {
        Assert.Equal(KieFailReason.None, KieErrorClassifier.FromTaskFailure("t", "400", "flagged", ApiFamily.Runway).Reason);
        Assert.Equal(KieErrorKind.ContentPolicy, KieErrorClassifier.FromTaskFailure("t", "400", "flagged", ApiFamily.Runway).Kind);
        Assert.Equal(KieFailReason.CopyrightedLyrics, KieErrorClassifier.FromTaskFailure("t", "400", "lyrics", ApiFamily.Suno).Reason);
    }

    [Fact]
    public void A_simple_song_takes_a_short_description_and_a_custom_one_needs_its_style_and_title()
    {
        var simple = new SunoV5Input { Prompt = new string('a', 501) };
        var custom = new SunoV5Input { Prompt = new string('a', 501), CustomMode = true };

        Assert.Equal([("prompt", ViolationCode.TooLong)], simple.Validate().Select(v => (v.Param, v.Code)));
        Assert.Equal([("style", ViolationCode.Missing), ("title", ViolationCode.Missing)], custom.Validate().Select(v => (v.Param, v.Code)));
        Assert.Empty((custom with { Style = "folk", Title = "Fox" }).Validate());
        Assert.Equal(["customMode=true → style, title", "customMode=false → prompt (≤ 500 chars)"], SunoV5Input.Descriptor.RequireWhen.Select(r => r.ToString()));
    }
}
