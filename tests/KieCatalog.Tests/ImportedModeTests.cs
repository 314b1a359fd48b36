using System.Text.Json;

namespace KieCatalog.Tests;

/// <summary>Modes the import brought in and a person has not finished: typed for the SDK, honest about what they lack.</summary>
public sealed class ImportedModeTests
{
    [Fact]
    public void Object_inputs_are_sent_as_given_and_read_back_and_an_unpriced_mode_says_so()
    {
        // Wan 2.7 Image's boxes are lists of four integers for each input image: no list of objects, so a json parameter.
        var boxes = JsonDocument.Parse("[[[10,20,200,300]],[]]").RootElement;
        var input = new Wan2_7ImageGenerateInput { Prompt = "A fox", BboxList = boxes };

        var json = input.ToInputJson();
        var back = Wan2_7ImageGenerateInput.Descriptor.Read(JsonDocument.Parse(json).RootElement, out var violations);

        Assert.Contains("\"bbox_list\":[[[10,20,200,300]],[]]", json, StringComparison.Ordinal);
        Assert.Empty(violations);
        Assert.Equal(boxes.GetRawText(), back.BboxList!.Value.GetRawText());
        Assert.Equal(ParamKind.Json, Wan2_7ImageGenerateInput.Descriptor.FindParam("bbox_list")!.Kind);
        Assert.False(Wan2_7ImageGenerateInput.Descriptor.IsVisible);
        Assert.False(Wan2_7ImageGenerateInput.Descriptor.Price.IsPriced);
        var e = Assert.Throws<UnpricedModeException>(() => input.Price());
        Assert.Contains("wan/2-7-image", e.Message, StringComparison.Ordinal);
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
