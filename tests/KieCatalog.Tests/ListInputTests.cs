using System.Text.Json;
using KieCatalog.Catalog;

namespace KieCatalog.Tests;

/// <summary>Lists of objects (Kling 3.0's shots and elements, ElevenLabs' dialogue lines): typed items, their checks, their price.</summary>
public sealed class ListInputTests
{
    private static Kling3_0VideoInput.MultiPromptItem Shot(string prompt, int seconds) => new() { Prompt = prompt, Duration = seconds };

    private static Kling3_0VideoInput ThreeShots(params int[] seconds) => new()
    {
        Prompt = "A red fox in the snow",
        MultiShots = true,
        MultiPrompt = [Shot("a fox runs through fresh snow", seconds[0]), Shot("the fox stops and looks back", seconds[1]), Shot("the fox leaps into a drift", seconds[2])],
    };

    [Fact]
    public void A_multi_shot_video_is_priced_by_the_seconds_of_its_shots_and_a_single_shot_by_its_duration()
    {
        // Pro without sound is $0.09 a second (18 credits): 3 + 4 + 5 seconds of shots, or the 5 s of a single shot.
        Assert.Empty(ThreeShots(3, 4, 5).Validate());
        Assert.Equal(18m * 12, ThreeShots(3, 4, 5).Price());
        Assert.Equal(18m * 5, new Kling3_0VideoInput { Prompt = "A red fox" }.Price());
        Assert.Equal(27m * 9, (ThreeShots(2, 3, 4) with { Sound = true }).Price());
    }

    [Fact]
    public void Items_beyond_the_most_are_refused()
    {
        var element = new Kling3_0VideoInput.KlingElementsItem { Name = "fox", Description = "a red fox", ElementInputUrls = ["https://example.com/fox.png"] };
        var input = new Kling3_0VideoInput { Prompt = "A fox@fox", KlingElements = [element, element, element, element] };

        var violation = Assert.Single(input.Validate());

        Assert.Equal(new InputViolation("kling_elements", ViolationCode.TooManyItems, "3"), violation);
        Assert.Equal("'Elements' takes at most 3 items", violation.Message(Kling3_0VideoInput.Descriptor));
    }

    [Fact]
    public void A_missing_required_field_names_the_item_and_the_field()
    {
        var input = ThreeShots(3, 4, 5) with { MultiPrompt = [Shot("a fox runs", 3), Shot(" ", 4)] };

        var violation = Assert.Single(input.Validate());

        Assert.Equal(new InputViolation("multi_prompt[1].prompt", ViolationCode.Missing), violation);
        Assert.Equal("'Shots #2 · Prompt' is required", violation.Message(Kling3_0VideoInput.Descriptor));
        Assert.Equal("«Сцены №2 · Промпт»: обязательное значение не задано", violation.Message(Kling3_0VideoInput.Descriptor, "ru"));
        Assert.Throws<InvalidInputException>(() => input.EnsureValid());
    }

    [Fact]
    public void Reading_an_item_without_a_required_field_names_it_too()
    {
        var json = """{"prompt":"A fox","sound":false,"duration":"5","aspect_ratio":"16:9","mode":"pro","multi_shots":true,"multi_prompt":[{"prompt":"a fox runs","duration":3},{"prompt":"it stops"},"not an object"],"kling_elements":[]}""";

        Kling3_0VideoInput.Descriptor.Read(JsonDocument.Parse(json).RootElement, out var violations);

        Assert.Equal(
            [new InputViolation("multi_prompt[1].duration", ViolationCode.Missing), new InputViolation("multi_prompt[2]", ViolationCode.WrongType, "object")],
            violations.Where(v => v.Code != ViolationCode.Missing || v.Param.StartsWith("multi_prompt[1]", StringComparison.Ordinal)).ToList());
    }

    [Fact]
    public void A_value_outside_an_item_enum_is_refused()
    {
        var line = new ElevenlabsTextToDialogueV3Input.DialogueItem { Text = "Hello there", Voice = (ElevenlabsTextToDialogueV3DialogueVoice)999 };
        var input = new ElevenlabsTextToDialogueV3Input { Dialogue = [line] };

        Assert.Equal([new InputViolation("dialogue[0].voice", ViolationCode.NotAValue)], input.Validate());

        var json = """{"dialogue":[{"text":"Hello there","voice":"nobody"}],"stability":0.5}""";
        ElevenlabsTextToDialogueV3Input.Descriptor.Read(JsonDocument.Parse(json).RootElement, out var violations);
        Assert.Equal([new InputViolation("dialogue[0].voice", ViolationCode.NotAValue)], violations);
    }

    [Fact]
    public void Shots_need_the_multi_shot_switch_and_the_switch_needs_shots()
    {
        var off = ThreeShots(3, 4, 5) with { MultiShots = false };
        var empty = ThreeShots(3, 4, 5) with { MultiPrompt = [] };

        Assert.Equal([new InputViolation("multi_prompt", ViolationCode.SwitchedOff, "multi_shots")], off.Validate());
        Assert.Equal("'Shots' is used only when 'Multi-shot' is on", off.Validate()[0].Message(Kling3_0VideoInput.Descriptor));
        Assert.Equal([new InputViolation("multi_prompt", ViolationCode.Missing)], empty.Validate());
    }

    [Fact]
    public void The_shots_add_up_to_at_most_the_longest_video()
    {
        var input = ThreeShots(12, 2, 2);

        var violation = Assert.Single(input.Validate());

        Assert.Equal(new InputViolation("multi_prompt[].duration", ViolationCode.TotalAboveMax, "15"), violation);
        Assert.Equal("'Shots · Duration, s' must add up to at most 15", violation.Message(Kling3_0VideoInput.Descriptor));
        Assert.Empty(ThreeShots(12, 2, 1).Validate());
    }

    [Fact]
    public void A_dialogue_is_priced_per_started_thousand_characters_of_all_its_lines()
    {
        // $0.07 per 1000 characters (14 credits): 600 + 600 characters bill two thousands.
        var line = new ElevenlabsTextToDialogueV3Input.DialogueItem { Text = new string('a', 600) };
        var input = new ElevenlabsTextToDialogueV3Input { Dialogue = [line, line with { Voice = ElevenlabsTextToDialogueV3DialogueVoice.Z3R5wn05IrDiVCyEkUrK }] };

        Assert.Empty(input.Validate());
        Assert.Equal(28m, input.Price());
        Assert.Equal(14m, (input with { Dialogue = [line] }).Price());
        Assert.Equal([new InputViolation("dialogue", ViolationCode.Missing)], (input with { Dialogue = [] }).Validate());
        Assert.Equal(ViolationCode.TotalAboveMax, Assert.Single((input with { Dialogue = [.. Enumerable.Repeat(line, 9)] }).Validate()).Code);
    }

    [Fact]
    public void Item_fields_have_descriptors_of_their_own_and_their_buttons_parse_back_to_them()
    {
        var dialogue = ElevenlabsTextToDialogueV3Input.Descriptor.FindParam("dialogue")!;
        var voice = dialogue.FindField("voice")!;

        Assert.Equal(ParamKind.List, dialogue.Kind);
        Assert.Equal(["text", "voice"], dialogue.Fields.Select(f => f.Name));
        Assert.Same(dialogue, voice.List);
        Assert.Equal("James · husky, engaging, bold", voice.FindValue("EkK5I93UQWFDigLMpZcX")!.Display("en"));
        Assert.True(CatalogCallbacks.TryParse("e:elevenlabs/text-to-dialogue-v3/voice=EkK5I93UQWFDigLMpZcX", out var callback));
        Assert.Same(voice, Assert.IsType<EnumValueCallback>(callback).Param);
        Assert.Equal("multi_shots", Kling3_0VideoInput.Descriptor.FindParam("multi_prompt")!.Items!.OnlyWith);
        Assert.Equal(new ListTotal("duration", 3, 15), Kling3_0VideoInput.Descriptor.FindParam("multi_prompt")!.Items!.TotalOf("duration"));
        Assert.False(Kling3_0VideoInput.Descriptor.FindParam("multi_prompt")!.IsAskedFirst);
        Assert.True(dialogue.IsAskedFirst);
    }
}
