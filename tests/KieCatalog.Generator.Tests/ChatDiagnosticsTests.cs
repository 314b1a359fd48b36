using KieCatalog.Generator.Tests.Support;
using static KieCatalog.Generator.Tests.DiagnosticsTests;
using static KieCatalog.Generator.Tests.Support.CatalogText;

namespace KieCatalog.Generator.Tests;

/// <summary>The catalog's <c>chat</c> family: typed chat modes, and each mistake a KIE029 at its place in the catalog.</summary>
public sealed class ChatDiagnosticsTests
{
    internal const string Price = """ "price": { "inputPerMillion": 100, "outputPerMillion": 400 } """;

    internal static string Chat(string body = "", string id = "acme-chat", string protocol = "openai-chat", string path = "/acme-chat/v1/chat/completions") =>
        $$"""
        {
          "id": "{{id}}",
          "name": "Acme Chat",
          "vendor": "Acme",
          "protocol": "{{protocol}}",
          "path": "{{path}}"{{(body.Length == 0 ? "" : ",\n  " + body)}}
        }
        """;

    internal static string CatalogWithChat(params string[] chat) => $$"""
        {
          "version": "t",
          "creditUsd": 0.005,
          "models": [{{ModelOf("m", ValidMode)}}],
          "chat": [{{string.Join(",\n", chat)}}]
        }
        """;

    [Fact]
    public void A_priced_chat_model_compiles_into_a_typed_descriptor_with_its_price_and_limits()
    {
        var json = CatalogWithChat(Chat($"""{Price}, "images": true, "contextTokens": 200000, "maxOutputTokens": 8000"""));
        var run = GeneratorHarness.GenerateAndCompile(json);

        Assert.Empty(run.Run.Diagnostics);
        Assert.Empty(run.CompileErrors);
        var source = Assert.Single(run.Run.GeneratedSources, s => s.HintName == "ChatModels.g.cs").SourceText.ToString();
        Assert.Contains("public static global::KieCatalog.Chat.ChatModeDescriptor AcmeChat { get; } = new(", source, StringComparison.Ordinal);
        Assert.Contains("global::KieCatalog.Chat.ChatProtocol.OpenAiChatCompletions, \"/acme-chat/v1/chat/completions\"", source, StringComparison.Ordinal);
        Assert.Contains("contextTokens: 200000, maxOutputTokens: 8000, defaultMaxTokens: null", source, StringComparison.Ordinal);
        Assert.Contains("price: new global::KieCatalog.Chat.ChatTokenPrice(100m, 400m)", source, StringComparison.Ordinal);
    }

    [Fact]
    public void A_hidden_chat_model_needs_no_price_and_may_use_a_protocol_the_client_does_not_speak()
    {
        var json = CatalogWithChat(Chat(""" "modelInBody": true, "hidden": "no price" """, protocol: "openai-responses", path: "/codex/v1/responses"));
        var run = GeneratorHarness.GenerateAndCompile(json);

        Assert.Empty(run.Run.Diagnostics);
        Assert.Empty(run.CompileErrors);
        var source = Assert.Single(run.Run.GeneratedSources, s => s.HintName == "ChatModels.g.cs").SourceText.ToString();
        Assert.Contains("ChatProtocol.OpenAiResponses", source, StringComparison.Ordinal);
        Assert.Contains("price: null,", source, StringComparison.Ordinal);
    }

    [Fact]
    public void A_catalog_without_chat_emits_no_chat_models()
    {
        var run = GeneratorHarness.GenerateAndCompile(WithMode(ValidMode));

        Assert.Empty(run.Run.Diagnostics);
        Assert.DoesNotContain(run.Run.GeneratedSources, s => s.HintName == "ChatModels.g.cs");
    }

    [Fact]
    public void KIE029_an_unknown_protocol()
    {
        var json = CatalogWithChat(Chat(Price, protocol: "openai"));
        var d = Error(json, "KIE029");
        AssertAt(d, json, "\"openai\"");
        Assert.Contains("chat model 'acme-chat': unknown protocol 'openai' (known: openai-chat, anthropic-messages, openai-responses, gemini-generate)", d.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void KIE029_a_missing_path_at_the_model()
    {
        var json = CatalogWithChat($$"""{ "id": "acme-chat", "name": "A", "vendor": "V", "protocol": "openai-chat", {{Price}} }""");
        var d = Error(json, "KIE029");
        AssertAt(d, json, "{ \"id\": \"acme-chat\"");
        Assert.Contains("chat model 'acme-chat': 'path' is missing", d.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void KIE029_a_path_where_the_protocol_is_not_served()
    {
        var json = CatalogWithChat(Chat(Price, path: "/acme-chat/v1/messages"));
        var d = Error(json, "KIE029");
        AssertAt(d, json, "\"/acme-chat/v1/messages\"");
        Assert.Contains("does not end in '/v1/chat/completions', where KIE serves openai-chat", d.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void KIE029_a_path_that_is_not_an_endpoint_path()
    {
        var json = CatalogWithChat(Chat(Price, path: "acme/v1/chat/completions"));
        var d = Error(json, "KIE029");
        AssertAt(d, json, "\"acme/v1/chat/completions\"");
        Assert.Contains("must be an endpoint path starting with '/'", d.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void KIE029_a_visible_chat_model_without_a_price()
    {
        var json = CatalogWithChat(Chat());
        var d = Error(json, "KIE029");
        AssertAt(d, json, "{\n  \"id\": \"acme-chat\"");
        Assert.Contains("a chat model on sale needs 'price' (credits per million input and output tokens), or a 'hidden' reason", d.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void KIE029_a_visible_chat_model_on_a_protocol_the_client_does_not_speak()
    {
        var json = CatalogWithChat(Chat(Price, protocol: "gemini-generate", path: "/gemini/v1/models/acme:streamGenerateContent"));
        var d = Error(json, "KIE029");
        AssertAt(d, json, "\"gemini-generate\"");
        Assert.Contains("the client does not speak 'gemini-generate'", d.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void KIE029_a_price_without_its_output_rate()
    {
        var json = CatalogWithChat(Chat(""" "price": { "inputPerMillion": 100 } """));
        var d = Error(json, "KIE029");
        AssertAt(d, json, "{ \"inputPerMillion\"");
        Assert.Contains("'price' has no 'outputPerMillion' (KIE credits per million tokens)", d.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void KIE029_a_negative_rate()
    {
        var json = CatalogWithChat(Chat(""" "price": { "inputPerMillion": -1, "outputPerMillion": 4 } """));
        var d = Error(json, "KIE029");
        AssertAt(d, json, "-1");
        Assert.Contains("'inputPerMillion' must be a number of credits, zero or more", d.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void KIE029_a_limit_that_is_not_a_whole_number_of_tokens()
    {
        var json = CatalogWithChat(Chat($"""{Price}, "contextTokens": 1.5"""));
        var d = Error(json, "KIE029");
        AssertAt(d, json, "1.5");
        Assert.Contains("'contextTokens' must be a positive whole number of tokens", d.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void KIE029_a_default_above_the_output_limit()
    {
        var json = CatalogWithChat(Chat($"""{Price}, "maxOutputTokens": 1000, "defaultMaxTokens": 4096"""));
        var d = Error(json, "KIE029");
        AssertAt(d, json, "4096");
        Assert.Contains("defaultMaxTokens 4096 is above maxOutputTokens 1000", d.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void KIE029_anthropic_messages_without_the_model_in_the_body()
    {
        var json = CatalogWithChat(Chat($"""{Price}, "defaultMaxTokens": 4096""", protocol: "anthropic-messages", path: "/claude/v1/messages"));
        var d = Error(json, "KIE029");
        Assert.Contains("Anthropic messages carry the model in the body: set 'modelInBody' to true", d.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void KIE029_a_visible_anthropic_model_with_no_max_tokens_to_send()
    {
        var json = CatalogWithChat(Chat($"""{Price}, "modelInBody": true""", protocol: "anthropic-messages", path: "/claude/v1/messages"));
        var d = Error(json, "KIE029");
        Assert.Contains("Anthropic messages need max_tokens: give 'defaultMaxTokens' or 'maxOutputTokens'", d.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void KIE029_two_chat_models_with_one_csharp_name()
    {
        var json = CatalogWithChat(Chat(Price), Chat(Price, id: "acme.chat", path: "/acme.chat/v1/chat/completions"));
        var d = Error(json, "KIE029");
        AssertAt(d, json, "\"acme.chat\"");
        Assert.Contains("its C# name 'AcmeChat' is already taken by chat model 'acme-chat'", d.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void KIE015_an_unknown_property_of_a_chat_model()
    {
        var json = CatalogWithChat(Chat($"""{Price}, "protocl": "x" """));
        var d = Error(json, "KIE015");
        AssertAt(d, json, "\"protocl\"");
    }
}
