using System.Text.Json;
using KieCatalog.Chat;

namespace KieCatalog.Tests.Chat;

/// <summary>The catalog's chat family agrees with KIE's published chat records, and each hidden chat model says a fact.</summary>
public sealed class ChatCatalogTests
{
    private static List<JsonElement> TextRecords()
    {
        using var doc = Reference.Json("kie-market-schemas.json");
        return doc.RootElement.GetProperty("models").EnumerateArray()
            .Where(m => m.GetProperty("category").GetString() == "text")
            .Select(m => m.Clone())
            .ToList();
    }

    [Fact]
    public void Every_chat_record_KIE_publishes_is_a_chat_model_at_its_path_and_none_else()
    {
        var records = TextRecords();

        Assert.Equal(25, records.Count);
        Assert.Equal(records.Select(r => r.GetProperty("kieModel").GetString()).Order(StringComparer.Ordinal), ChatModels.All.Select(m => m.Id).Order(StringComparer.Ordinal));
        foreach (var record in records)
        {
            var mode = ChatModels.Find(record.GetProperty("kieModel").GetString()!)!;
            Assert.Equal(record.GetProperty("createPath").GetString(), mode.Path);
            Assert.Equal(record.GetProperty("modelInBody").GetBoolean(), mode.ModelInBody);
        }
    }

    [Fact]
    public void Each_protocol_is_the_one_its_path_is_served_with()
    {
        Assert.All(ChatModels.All, m => Assert.EndsWith(
            m.Protocol switch
            {
                ChatProtocol.OpenAiChatCompletions => "/v1/chat/completions",
                ChatProtocol.AnthropicMessages => "/claude/v1/messages",
                ChatProtocol.OpenAiResponses => "/responses",
                _ => ":streamGenerateContent",
            },
            m.Path,
            StringComparison.Ordinal));
        Assert.Equal(9, ChatModels.All.Count(m => m.Protocol == ChatProtocol.AnthropicMessages));
        Assert.Equal(7, ChatModels.All.Count(m => m.Protocol == ChatProtocol.OpenAiChatCompletions));
        Assert.All(ChatModels.All.Where(m => m.Protocol == ChatProtocol.AnthropicMessages), m => Assert.Equal(4096, m.DefaultMaxTokens));
    }

    [Fact]
    public void The_model_sent_in_a_body_is_one_KIEs_schema_allows()
    {
        foreach (var record in TextRecords().Where(r => r.GetProperty("modelInBody").GetBoolean()))
        {
            var mode = ChatModels.Find(record.GetProperty("kieModel").GetString()!)!;
            var allowed = record.GetProperty("input").GetProperty("model").GetProperty("enum").EnumerateArray().Select(e => e.GetString()).ToList();
            var example = record.GetProperty("example").GetProperty("model").GetString();
            Assert.True(allowed.Contains(mode.KieModel) || example == mode.KieModel, $"{mode.Id} sends '{mode.KieModel}', which neither KIE's enum nor its example names");
        }
    }

    [Fact]
    public void No_chat_model_is_on_sale_because_KIE_publishes_no_token_price_and_each_says_so()
    {
        Assert.All(ChatModels.All, m =>
        {
            Assert.False(m.IsVisible);
            Assert.Null(m.Price);
            Assert.StartsWith("KIE publishes no per-token price for it", m.HiddenReason, StringComparison.Ordinal);
            Assert.False(Reference.HasPrice(m.Id), $"{m.Id} says it has no price, but the reference holds one: {Reference.PriceCell(m.Id)}");
        });
        var pricing = File.ReadAllText(Reference.Path("kie-pricing-rub.yaml"));
        Assert.All(ChatModels.All, m => Assert.DoesNotContain("id: " + m.Id + "\n", pricing, StringComparison.Ordinal));
    }

    [Fact]
    public void A_model_on_a_protocol_the_client_does_not_speak_says_which_in_its_reason()
    {
        var unsupported = ChatModels.All.Where(m => !m.IsSupported).ToList();

        Assert.Equal(9, unsupported.Count);
        Assert.All(unsupported, m => Assert.Contains("which the client does not speak", m.HiddenReason, StringComparison.Ordinal));
        Assert.All(ChatModels.All.Where(m => m.IsSupported), m => Assert.DoesNotContain("does not speak", m.HiddenReason, StringComparison.Ordinal));
    }

    [Fact]
    public void Images_are_accepted_where_KIEs_schema_documents_them()
    {
        Assert.True(ChatModels.Gemini2_5Pro.AcceptsImages);
        Assert.True(ChatModels.Gpt5_2.AcceptsImages);
        Assert.All(ChatModels.All.Where(m => m.Protocol == ChatProtocol.AnthropicMessages), m => Assert.False(m.AcceptsImages));
    }
}
