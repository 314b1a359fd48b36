using System.Text;
using KieCatalog.Client;

namespace KieCatalog.Tests;

public sealed class CatalogTests
{
    [Fact]
    public void Every_seed_entry_is_traceable_in_the_catalog()
    {
        using var seed = Reference.Json("seed-kie-models.json");
        var ids = seed.RootElement.GetProperty("KIE_MODELS").EnumerateArray().Select(m => m.GetProperty("id").GetString()!).ToList();
        var traced = Models.All.SelectMany(m => m.SeedIds.Concat(m.Modes.SelectMany(mode => mode.SeedIds))).ToHashSet();

        Assert.Equal(72, ids.Count);
        Assert.DoesNotContain(ids, id => !traced.Contains(id));
    }

    [Fact]
    public void Kie_market_facts_win_over_the_seed_names()
    {
        Assert.NotNull(Models.Kling2_6.ImageToVideo.FindParam("image_urls"));
        Assert.NotNull(Models.Flux2.ProImageToImage.FindParam("input_urls"));
        Assert.NotNull(Models.TopazImage.Upscale.FindParam("image_url"));
        Assert.NotNull(Models.Recraft.RemoveBackground.FindParam("image"));
        // The seed's internal upload names survive only where KIE's own schema uses them.
        var seeded = Models.AllModes.Where(m => m.SeedIds.Count > 0).SelectMany(m => m.Params).ToList();
        Assert.DoesNotContain(seeded, p => p.Name is "image_input" && p.Mode.KieModel != "nano-banana-pro");
        Assert.DoesNotContain(seeded, p => p.Name is "video_input" or "audio_input" or "mask_input");
    }

    [Fact]
    public void Look_ups_by_kie_model_and_short_id()
    {
        Assert.Same(Models.Seedream.TextToImage, Models.FindByKieModel("seedream/4.5-text-to-image"));
        Assert.Same(Models.Seedream, Models.FindModel("seedream"));
        Assert.Same(Models.Seedream.Edit, Models.FindMode("seedream", "edit"));
        Assert.Null(Models.FindByKieModel("google/veo-3.1"));
        Assert.Same(Models.Seedream, Models.Seedream.TextToImage.Model);
        Assert.Equal(Models.AllModes.Count, Models.AllModes.Select(m => (m.KieModel, m.CreatePath)).Distinct().Count());
        Assert.Same(Models.FindByKieModel("V5", "/api/v1/generate/extend"), Models.AllModes.Single(m => m.KieModel == "V5" && m.CreatePath == "/api/v1/generate/extend"));
    }

    [Fact]
    public void Modes_of_api_families_the_client_cannot_call_are_hidden_with_a_reason()
    {
        var hidden = Models.AllModes.Where(m => !m.IsVisible).ToList();

        // Family modes are visible on the endpoints the client creates and follows to a result, or on one answering at once
        // with a result to deliver (Suno's timed lyrics, as text), never with ids for later tasks (persona, Omni's voices);
        // Suno's tasks need a callback URL, which the bot's shelf checks (a bot without one does not sell them).
        Assert.All(Models.AllModes.Where(m => m.IsVisible), m => Assert.True(KieEndpoints.For(m) is { IsSynchronous: false } or { Result: not KieResultKind.Data } && m.Api != ApiFamily.Omni, m.Key));
        Assert.Contains(Models.AllModes, m => m.IsVisible && m.Api == ApiFamily.Veo);
        Assert.All(Models.AllModes.Where(m => m.IsVisible && m.Api == ApiFamily.Suno), m => Assert.True(KieEndpoints.For(m)! is { RequiresCallback: true } or { IsSynchronous: true }, m.Key));
        Assert.Equal([Models.Suno.GetTimestampedLyrics], Models.AllModes.Where(m => m.IsVisible && KieEndpoints.For(m)!.IsSynchronous));
        Assert.All(hidden, m => Assert.False(string.IsNullOrWhiteSpace(m.HiddenReason)));
        Assert.Contains(Models.Sora2Pro.Storyboard, hidden);
        Assert.True(Models.AllModes.Count(m => m.IsVisible) >= 80);
    }

    [Fact]
    public void Every_parameter_has_russian_and_english_labels()
    {
        Assert.All(Models.AllModes.SelectMany(m => m.Params), p =>
        {
            Assert.False(string.IsNullOrWhiteSpace(p.Label.En));
            Assert.False(string.IsNullOrWhiteSpace(p.Label.Ru));
        });
    }

    [Fact]
    public void Every_callback_fits_telegram_and_parses_back_to_its_button()
    {
        var all = CatalogCallbacks.AllData.ToList();

        Assert.All(all, d => Assert.InRange(Encoding.UTF8.GetByteCount(d), 1, 64));
        Assert.True(CatalogCallbacks.TryParse(CatalogCallbacks.ForModels.Seedream, out var model));
        Assert.Same(Models.Seedream, Assert.IsType<ModelCallback>(model).Model);
        Assert.True(CatalogCallbacks.TryParse(Models.Kling2_6.TextToVideo.CallbackData, out var mode));
        Assert.Same(Models.Kling2_6.TextToVideo, Assert.IsType<ModeCallback>(mode).Mode);
        var duration = Models.Kling2_6.TextToVideo.FindParam("duration")!;
        Assert.True(CatalogCallbacks.TryParse(duration.FindValue("10")!.CallbackData, out var value));
        Assert.Equal("10", Assert.IsType<EnumValueCallback>(value).Value.Wire);
        Assert.True(CatalogCallbacks.TryParse(CatalogCallbacks.For(ModelCategory.Video), out var category));
        Assert.Equal(ModelCategory.Video, Assert.IsType<CategoryCallback>(category).Category);
        var sound = Models.Kling2_6.TextToVideo.FindParam("sound")!;
        Assert.True(CatalogCallbacks.TryParse(sound.ToggleCallbackData, out var toggle));
        Assert.Same(sound, Assert.IsType<ToggleCallback>(toggle).Param);
    }

    [Fact]
    public void Every_callback_begins_with_the_prefix_of_its_kind()
    {
        // The bot routes catalog buttons by these prefixes: one that disagreed with the generator would be unroutable.
        foreach (var data in CatalogCallbacks.AllData)
        {
            Assert.True(CatalogCallbacks.TryParse(data, out var parsed));
            var prefix = parsed switch
            {
                CategoryCallback => CategoryCallback.Prefix,
                ModelCallback => ModelCallback.Prefix,
                ModeCallback => ModeCallback.Prefix,
                EnumValueCallback => EnumValueCallback.Prefix,
                _ => ToggleCallback.Prefix,
            };
            Assert.StartsWith(prefix, data, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("m:not-a-model")]
    [InlineData("e:kling-2.6/text-to-video/duration=7")]
    [InlineData("o:seedream/text-to-image ")]
    [InlineData("")]
    [InlineData(null)]
    public void Forged_or_stale_callback_data_is_not_parsed(string? data)
    {
        Assert.False(CatalogCallbacks.TryParse(data, out _));
    }

    [Fact]
    public void Every_parameter_kind_the_catalog_uses_has_a_handler_member()
    {
        var handler = new KindNames();
        var names = Models.AllModes.SelectMany(m => m.Params).Select(p => p.Accept(handler)).ToHashSet();

        Assert.Equal(Models.AllModes.SelectMany(m => m.Params).Select(p => p.Kind.ToString()).ToHashSet(), names);
    }

    /// <summary>Implements the generated per-kind interface: if the catalog starts using a new kind, this stops compiling.</summary>
    private sealed class KindNames : IParamKindHandler<string>
    {
        public string OnText(ParamDescriptor param) => "Text";

        public string OnString(ParamDescriptor param) => "String";

        public string OnInteger(ParamDescriptor param) => "Integer";

        public string OnNumber(ParamDescriptor param) => "Number";

        public string OnBoolean(ParamDescriptor param) => "Boolean";

        public string OnEnum(ParamDescriptor param) => "Enum";

        public string OnImage(ParamDescriptor param) => "Image";

        public string OnImageList(ParamDescriptor param) => "ImageList";

        public string OnVideo(ParamDescriptor param) => "Video";

        public string OnAudio(ParamDescriptor param) => "Audio";

        public string OnVideoList(ParamDescriptor param) => "VideoList";

        public string OnAudioList(ParamDescriptor param) => "AudioList";

        public string OnFile(ParamDescriptor param) => "File";

        public string OnJson(ParamDescriptor param) => "Json";

        public string OnTask(ParamDescriptor param) => "Task";

        public string OnList(ParamDescriptor param) => "List";
    }
}
