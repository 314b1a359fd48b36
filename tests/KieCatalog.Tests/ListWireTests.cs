using System.Text.Json;
using KieBot.TestSupport.Kie;

namespace KieCatalog.Tests;

/// <summary>What a list of objects looks like on the wire: KIE's documented shape, read back the same.</summary>
public sealed class ListWireTests
{
    /// <summary>The three-shot video the bot's end-to-end test sends too.</summary>
    public const string ThreeShotJson =
        """{"prompt":"A red fox in the snow","sound":false,"duration":"5","aspect_ratio":"16:9","mode":"pro","multi_shots":true,"multi_prompt":[{"prompt":"a fox runs through fresh snow","duration":3},{"prompt":"the fox stops and looks back","duration":4},{"prompt":"the fox leaps into a drift","duration":5}],"kling_elements":[]}""";

    private static Kling3_0VideoInput ThreeShots() => new()
    {
        Prompt = "A red fox in the snow",
        MultiShots = true,
        MultiPrompt =
        [
            new() { Prompt = "a fox runs through fresh snow", Duration = 3 },
            new() { Prompt = "the fox stops and looks back", Duration = 4 },
            new() { Prompt = "the fox leaps into a drift", Duration = 5 },
        ],
    };

    [Fact]
    public void A_three_shot_kling_video_is_written_exactly_and_read_back_the_same()
    {
        var json = ThreeShots().ToInputJson();

        Assert.Equal(ThreeShotJson, json);
        var back = Kling3_0VideoInput.Descriptor.Read(JsonDocument.Parse(json).RootElement, out var violations);
        Assert.Empty(violations);
        Assert.Equal(json, back.ToInputJson());
        Assert.Equal(ThreeShots().MultiPrompt, back.MultiPrompt);
    }

    [Fact]
    public void The_shots_and_elements_have_the_shape_of_kies_documented_example()
    {
        using var market = Reference.Json("kie-market-schemas.json");
        var example = market.RootElement.GetProperty("models").EnumerateArray().Single(m => m.GetProperty("kieModel").GetString() == "kling-3.0/video").GetProperty("example");
        var element = new Kling3_0VideoInput.KlingElementsItem
        {
            Name = "element_dog",
            Description = "dog",
            ElementInputUrls = ["https://example.com/dog.jpeg"],
            ElementInputAudioUrls = ["https://example.com/dog.mp3"],
        };
        using var ours = JsonDocument.Parse((ThreeShots() with { KlingElements = [element] }).ToInputJson());

        // Every value we send has the JSON type of KIE's example (the duration a string, a shot's duration a number).
        foreach (var property in ours.RootElement.EnumerateObject())
        {
            Assert.Equal(Kind(example.GetProperty(property.Name)), Kind(property.Value));
        }

        AssertSameFields(example.GetProperty("multi_prompt")[0], ours.RootElement.GetProperty("multi_prompt")[0]);
        AssertSameFields(example.GetProperty("kling_elements")[1], ours.RootElement.GetProperty("kling_elements")[0]);
    }

    [Fact]
    public void The_sample_input_of_every_mode_with_a_list_reads_back_the_same()
    {
        foreach (var mode in Models.AllModes.Where(m => m.Params.Any(p => p.Kind == Catalog.ParamKind.List)))
        {
            var json = SampleInputs.For(mode).ToInputJson();
            var back = mode.ReadInput(JsonDocument.Parse(json).RootElement, out var violations);

            Assert.Empty(violations);
            Assert.Equal(json, back.ToInputJson());
        }
    }

    private static void AssertSameFields(JsonElement theirs, JsonElement ours)
    {
        Assert.Equal(theirs.EnumerateObject().Select(p => (p.Name, Kind(p.Value))).Order(), ours.EnumerateObject().Select(p => (p.Name, Kind(p.Value))).Order());
    }

    /// <summary>A value's JSON type, true and false being one (a boolean).</summary>
    private static JsonValueKind Kind(JsonElement value) => value.ValueKind == JsonValueKind.True ? JsonValueKind.False : value.ValueKind;
}
