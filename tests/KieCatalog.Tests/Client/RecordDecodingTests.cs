using System.Text.Json;
using KieCatalog.Client;
using KieCatalog.Client.Families;

namespace KieCatalog.Tests.Client;

/// <summary>The record and answer examples of KIE's pages (Suno WAV, vocal removal, MIDI, cover, lyrics; Veo 4K; 4o download link; Omni), decoded as written.</summary>
public sealed class RecordDecodingTests
{
    [Fact]
    public void A_wav_record_yields_its_wav_file()
    {
        var task = Record("/api/v1/wav/generate", """
            {"taskId":"988e****c8d3","musicId":"e231****-****-****-****-****8cadc7dc","callbackUrl":"https://api.example.com/callback",
             "musicIndex":0,"completeTime":"2025-01-01 00:10:00","response":{"audioWavUrl":"https://example.com/s/04e6****e727.wav"},
             "successFlag":"SUCCESS","createTime":"2025-01-01 00:00:00","errorCode":null,"errorMessage":null}
            """);

        Assert.Equal(KieTaskState.Success, task.State);
        Assert.Equal(["https://example.com/s/04e6****e727.wav"], task.ResultUrls);
    }

    [Fact]
    public void A_vocal_separation_yields_its_stems_not_the_source_list()
    {
        var task = Record("/api/v1/vocal-removal/generate", """
            {"taskId":"3e63b4cc88d52611159371f6af5571e7","musicId":"376c687e-d439-42c1-b1e4-bcb43b095ec2","musicIndex":0,"completeTime":1753782937000,
             "response":{"id":null,"originUrl":null,"originData":[{"duration":245.6,"audio_url":"https://example001.mp3","stem_type_group_name":"Vocals","id":"3d70"}],
               "instrumentalUrl":"https://file.aiquickdraw.com/s/d92a13bf_Instrumental.mp3","vocalUrl":"https://file.aiquickdraw.com/s/3d7021c9_Vocals.mp3",
               "backingVocalsUrl":null,"drumsUrl":null,"bassUrl":null},
             "successFlag":"SUCCESS","createTime":1753782854000,"errorCode":null,"errorMessage":null}
            """);

        Assert.Equal(["https://file.aiquickdraw.com/s/3d7021c9_Vocals.mp3", "https://file.aiquickdraw.com/s/d92a13bf_Instrumental.mp3"], task.ResultUrls);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1753782937000), task.CompletedAt);
    }

    [Theory]
    [InlineData("/api/v1/wav/generate", "PENDING", KieTaskState.Queuing)]
    [InlineData("/api/v1/wav/generate", "GENERATE_WAV_FAILED", KieTaskState.Fail)]
    [InlineData("/api/v1/vocal-removal/generate", "CALLBACK_EXCEPTION", KieTaskState.Fail)]
    [InlineData("/api/v1/midi/generate", "0", KieTaskState.Generating)]
    [InlineData("/api/v1/midi/generate", "3", KieTaskState.Fail)]
    [InlineData("/api/v1/suno/cover/generate", "2", KieTaskState.Generating)]
    [InlineData("/api/v1/suno/cover/generate", "3", KieTaskState.Fail)]
    [InlineData("/api/v1/veo/get-4k-video", "2", KieTaskState.Fail)]
    public void Each_endpoint_reads_its_own_status_encoding(string createPath, string flag, KieTaskState expected)
    {
        var value = int.TryParse(flag, out var number) ? number.ToString(System.Globalization.CultureInfo.InvariantCulture) : $"\"{flag}\"";

        Assert.Equal(expected, Record(createPath, $$"""{"taskId":"t1","successFlag":{{value}},"errorCode":500,"errorMessage":"Internal error"}""").State);
    }

    [Theory]
    [InlineData("GENERATE_LYRICS_FAILED", KieTaskState.Fail)]
    [InlineData("SENSITIVE_WORD_ERROR", KieTaskState.Fail)]
    [InlineData("PENDING", KieTaskState.Queuing)]
    public void Lyrics_statuses_are_read(string status, KieTaskState expected) =>
        Assert.Equal(expected, Record("/api/v1/lyrics", $$$"""{"taskId":"t1","status":"{{{status}}}","response":{"taskId":"t1","data":[]}}""").State);

    [Fact]
    public void A_lyrics_record_yields_the_finished_texts_under_their_titles()
    {
        var task = Record("/api/v1/lyrics", """
            {"taskId":"11dc****8b0f","param":"{\"prompt\":\"A song about peaceful night in the city\"}",
             "response":{"taskId":"11dc****8b0f","data":[{"text":"[Verse]\nCity at night","title":"Iron Man","status":"complete","errorMessage":""},
               {"text":"","title":"Broken","status":"failed","errorMessage":"Lyrics could not be generated"}]},
             "status":"SUCCESS","errorCode":null,"errorMessage":null}
            """);

        Assert.Equal("Iron Man\n\n[Verse]\nCity at night", task.ResultText);
        Assert.Empty(task.ResultUrls);
    }

    [Fact]
    public void A_midi_record_yields_its_notes_as_json()
    {
        var task = Record("/api/v1/midi/generate", """
            {"taskId":"5c79****be8e","recordTaskId":-1,"audioId":"e231","completeTime":1760335255000,
             "midiData":{"state":"complete","instruments":[{"name":"Drums","notes":[{"pitch":73,"start":0.036,"end":0.182,"velocity":1}]}]},
             "successFlag":1,"createTime":1760335251000,"errorCode":null,"errorMessage":null}
            """);

        using var json = JsonDocument.Parse(task.ResultText!);
        Assert.Equal("Drums", json.RootElement.GetProperty("instruments")[0].GetProperty("name").GetString());
    }

    [Fact]
    public void A_cover_record_yields_its_images()
    {
        var task = Record("/api/v1/suno/cover/generate", """
            {"taskId":"21aee3c3c2a01fa5e030b3799fa4dd56","parentTaskId":"73d6128b3523a0079df10da9471017c8","completeTime":"2025-01-15T10:35:27.000Z",
             "response":{"images":["https://tempfile.aiquickdraw.com/s/1753958521_6c1b.png","https://tempfile.aiquickdraw.com/s/1753958524_c153.png"]},
             "successFlag":1,"createTime":"2025-01-15T10:33:01.000Z","errorCode":200,"errorMessage":""}
            """);

        Assert.Equal(KieTaskState.Success, task.State);
        Assert.Null(task.FailCode);
        Assert.Equal(2, task.ResultUrls.Count);
    }

    [Fact]
    public void A_4k_answer_without_urls_is_followed_and_one_with_urls_is_finished()
    {
        var endpoint = KieEndpoints.Find(ApiFamily.Veo, "/api/v1/veo/get-4k-video")!;
        using var pending = JsonDocument.Parse("""{"taskId":"veo_task_abcdef123456","resultUrls":null,"imageUrls":null}""");
        using var made = JsonDocument.Parse("""{"taskId":"veo_task_abcdef123456","resultUrls":["https://file.aiquickdraw.com/v/example_task_1234567890.mp4"],"imageUrls":["https://file.aiquickdraw.com/v/example_task_1234567890.jpg"]}""");

        Assert.Null(TaskReader.FromAnswer(endpoint, pending.RootElement, "POST 4k"));
        var finished = TaskReader.FromAnswer(endpoint, made.RootElement, "POST 4k")!;
        Assert.Equal(KieTaskState.Success, finished.State);
        Assert.Equal(["https://file.aiquickdraw.com/v/example_task_1234567890.mp4"], finished.ResultUrls);
    }

    [Fact]
    public void Synchronous_answers_are_read_as_written()
    {
        using var link = JsonDocument.Parse("\"https://x.r2.cloudflarestorage.com/v/x.png?X-Amz-Expires=1200&X-Amz-Signature=122a\"");
        using var voice = JsonDocument.Parse("""{"kieAudioId":"a8f1c2d3e4f5","name":"Soft voice"}""");
        using var style = JsonDocument.Parse("""{"taskId":"st1","param":"{}","result":"Pop, Mysterious","creditsConsumed":0.4,"creditsRemaining":96.5}""");

        var url = TaskReader.FromAnswer(KieEndpoints.Find(ApiFamily.Gpt4oImage, "/api/v1/gpt4o-image/download-url")!, link.RootElement, "POST dl")!;
        var audio = TaskReader.FromAnswer(KieEndpoints.Find(ApiFamily.Omni, "/api/v1/omni/audio/create")!, voice.RootElement, "POST omni")!;
        var boost = TaskReader.FromAnswer(KieEndpoints.Find(ApiFamily.Suno, "/api/v1/style/generate")!, style.RootElement, "POST style")!;

        Assert.Equal("https://x.r2.cloudflarestorage.com/v/x.png?X-Amz-Expires=1200&X-Amz-Signature=122a", Assert.Single(url.ResultUrls));
        Assert.Equal("a8f1c2d3e4f5", JsonDocument.Parse(audio.ResultText!).RootElement.GetProperty("kieAudioId").GetString());
        Assert.Equal(("st1", "Pop, Mysterious", 0.4m, 96.5m), (boost.TaskId, boost.ResultText, boost.CreditsConsumed, boost.CreditsRemaining));
    }

    [Fact]
    public void A_synchronous_answer_without_a_result_is_malformed()
    {
        using var empty = JsonDocument.Parse("""{"name":"x"}""");

        var error = Assert.Throws<KieCatalog.Errors.KieException>(() => TaskReader.FromAnswer(KieEndpoints.Find(ApiFamily.Suno, "/api/v1/style/generate")!, empty.RootElement, "POST style"));

        Assert.Equal(KieCatalog.Errors.KieErrorKind.MalformedResponse, error.Kind);
    }

    private static KieTask Record(string createPath, string json)
    {
        var endpoint = KieEndpoints.All.Single(e => e.CreatePath == createPath);
        using var document = JsonDocument.Parse(json);
        return TaskReader.FromRecord(endpoint, document.RootElement, "t1", KieCatalog.Errors.KieOperation.ReadTask, "GET test");
    }
}
