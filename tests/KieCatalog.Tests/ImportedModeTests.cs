using System.Text.Json;

namespace KieCatalog.Tests;

/// <summary>Modes the import brought in and a person has not finished: typed for the SDK, honest about what they lack.</summary>
public sealed class ImportedModeTests
{
    [Fact]
    public void Object_inputs_are_sent_as_given_and_read_back_and_an_unpriced_mode_says_so()
    {
        var elements = JsonDocument.Parse("""[{"name":"fox","description":"a red fox","element_input_urls":["https://example.com/fox.png"]}]""").RootElement;
        var input = new Kling3_0VideoInput { Prompt = "A fox", MultiPrompt = JsonDocument.Parse("[]").RootElement, KlingElements = elements };

        var json = input.ToInputJson();
        var back = Kling3_0VideoInput.Descriptor.Read(JsonDocument.Parse(json).RootElement, out var violations);

        Assert.Contains("\"multi_prompt\":[],\"kling_elements\":[{\"name\":\"fox\"", json, StringComparison.Ordinal);
        Assert.Empty(violations);
        Assert.Equal(elements.GetRawText(), back.KlingElements.GetRawText());
        Assert.Equal(ParamKind.Json, Kling3_0VideoInput.Descriptor.FindParam("kling_elements")!.Kind);
        Assert.False(Kling3_0VideoInput.Descriptor.IsVisible);
        Assert.False(Kling3_0VideoInput.Descriptor.Price.IsPriced);
        var e = Assert.Throws<UnpricedModeException>(() => input.Price());
        Assert.Contains("kling-3.0/video", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_kie_model_on_several_endpoints_is_one_mode_per_endpoint()
    {
        var suno = Models.AllModes.Where(m => m.KieModel == "V5").ToList();

        Assert.Equal(7, suno.Count);
        Assert.Single(suno, m => m.CreatePath is null);
        Assert.Contains(suno, m => m.CreatePath == "/api/v1/generate/upload-cover");
        Assert.All(Models.AllModes.Where(m => m.HiddenReason?.StartsWith("retired", StringComparison.Ordinal) == true), m => Assert.False(m.IsVisible));
    }
}
