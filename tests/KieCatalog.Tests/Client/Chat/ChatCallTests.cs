using KieBot.TestSupport.Kie;
using KieCatalog.Chat;
using KieCatalog.Errors;

namespace KieCatalog.Tests.Client.Chat;

/// <summary>A whole (not streamed) chat call on both protocols against the fake KIE server: the body KIE takes, the typed answer, its usage.</summary>
public sealed class ChatCallTests
{
    private static ChatRequest Ask(ChatModeDescriptor mode, params ChatImage[] images) =>
        new(mode, [ChatMessage.User("Write a prompt about a fox", images)]) { System = "You write prompts." };

    [Fact]
    public async Task An_openai_model_is_called_at_its_own_path_without_a_model_in_the_body()
    {
        await using var h = await ClientHarness.StartAsync();

        var answer = await h.Chat.ChatAsync(Ask(ChatModels.Gemini2_5Pro));

        Assert.Equal((h.Server.ChatReply, "stop"), (answer.Text, answer.FinishReason));
        var call = Assert.Single(h.Server.ChatCalls);
        Assert.Equal("/gemini-2.5-pro/v1/chat/completions", call.Path);
        Assert.False(call.Stream);
        Assert.Null(call.Body["model"]);
        Assert.False(call.Body["stream"]!.GetValue<bool>());
        var messages = call.Body["messages"]!.AsArray();
        Assert.Equal(["system", "user"], messages.Select(m => m!["role"]!.GetValue<string>()));
        Assert.Equal("Write a prompt about a fox", messages[1]!["content"]![0]!["text"]!.GetValue<string>());
        Assert.Equal(call.Usage, answer.Usage);
        Assert.Equal(FakeKieServer.TokensOf("You write prompts.") + FakeKieServer.TokensOf("Write a prompt about a fox"), answer.Usage.InputTokens);
        Assert.Equal(h.Server.ChatReply.Split(' ').Length, answer.Usage.OutputTokens);
    }

    [Fact]
    public async Task An_anthropic_model_gets_its_model_system_and_default_max_tokens_in_the_body()
    {
        await using var h = await ClientHarness.StartAsync();

        var answer = await h.Chat.ChatAsync(Ask(ChatModels.ClaudeSonnet4_6));

        Assert.Equal((h.Server.ChatReply, "end_turn"), (answer.Text, answer.FinishReason));
        var call = Assert.Single(h.Server.ChatCalls);
        Assert.Equal("/claude/v1/messages", call.Path);
        Assert.Equal("claude-sonnet-4-6", call.Body["model"]!.GetValue<string>());
        Assert.Equal(4096, call.Body["max_tokens"]!.GetValue<int>());
        Assert.Equal("You write prompts.", call.Body["system"]!.GetValue<string>());
        Assert.Equal(call.Usage, answer.Usage);
        Assert.True(answer.Usage.InputTokens > 0);
    }

    [Fact]
    public async Task Max_tokens_cuts_the_answer_and_the_finish_reason_says_so()
    {
        await using var h = await ClientHarness.StartAsync();

        var openAi = await h.Chat.ChatAsync(Ask(ChatModels.Gpt5_2) with { MaxTokens = 3 });
        var claude = await h.Chat.ChatAsync(Ask(ChatModels.ClaudeHaiku4_5) with { MaxTokens = 2 });

        Assert.Equal(("A red fox", "length", 3), (openAi.Text, openAi.FinishReason, openAi.Usage.OutputTokens));
        Assert.Equal(("A red", "max_tokens", 2), (claude.Text, claude.FinishReason, claude.Usage.OutputTokens));
        Assert.Equal(2, h.Server.ChatCalls[1].Body["max_tokens"]!.GetValue<int>());
    }

    [Fact]
    public async Task Images_go_as_parts_a_url_and_data_as_a_data_url()
    {
        await using var h = await ClientHarness.StartAsync();
        var url = ChatImage.FromUrl(new Uri("https://example.com/fox.png"));
        var data = ChatImage.FromData(new byte[] { 1, 2, 3 }, "image/png");

        await h.Chat.ChatAsync(Ask(ChatModels.Gemini2_5Flash, url, data));

        var parts = Assert.Single(h.Server.ChatCalls).Body["messages"]![1]!["content"]!.AsArray();
        Assert.Equal(["text", "image_url", "image_url"], parts.Select(p => p!["type"]!.GetValue<string>()));
        Assert.Equal("https://example.com/fox.png", parts[1]!["image_url"]!["url"]!.GetValue<string>());
        Assert.Equal("data:image/png;base64,AQID", parts[2]!["image_url"]!["url"]!.GetValue<string>());
    }

    [Fact]
    public async Task Anthropic_images_go_as_blocks_before_the_text_by_url_or_base64()
    {
        await using var h = await ClientHarness.StartAsync();
        var claude = ChatModels.ClaudeSonnet4_6;
        var withImages = new ChatModeDescriptor(
            claude.Id, claude.Name, claude.Vendor, claude.KieModel, claude.Protocol, claude.Path, claude.ModelInBody, acceptsImages: true,
            claude.ContextTokens, claude.MaxOutputTokens, claude.DefaultMaxTokens, claude.Price, claude.HiddenReason);

        await h.Chat.ChatAsync(Ask(withImages, ChatImage.FromUrl(new Uri("https://example.com/fox.png")), ChatImage.FromData(new byte[] { 1, 2, 3 }, "image/jpeg")));

        var blocks = Assert.Single(h.Server.ChatCalls).Body["messages"]![0]!["content"]!.AsArray();
        Assert.Equal(["image", "image", "text"], blocks.Select(b => b!["type"]!.GetValue<string>()));
        Assert.Equal("""{"type":"url","url":"https://example.com/fox.png"}""", blocks[0]!["source"]!.ToJsonString());
        Assert.Equal("""{"type":"base64","media_type":"image/jpeg","data":"AQID"}""", blocks[1]!["source"]!.ToJsonString());
        Assert.Equal(FakeKieServer.TokensOf("You write prompts.") + FakeKieServer.TokensOf("Write a prompt about a fox") + 512, h.Server.ChatCalls[0].Usage.InputTokens);
    }

    [Fact]
    public async Task Nothing_is_sent_for_a_request_the_model_cannot_take()
    {
        await using var h = await ClientHarness.StartAsync();
        var image = ChatImage.FromUrl(new Uri("https://example.com/fox.png"));

        var images = await Assert.ThrowsAsync<KieException>(() => h.Chat.ChatAsync(Ask(ChatModels.ClaudeOpus4_5, image)));
        var protocol = await Assert.ThrowsAsync<KieException>(() => h.Chat.ChatAsync(Ask(ChatModels.Gpt5_4)));
        var empty = await Assert.ThrowsAsync<KieException>(() => h.Chat.ChatAsync(new ChatRequest(ChatModels.Gpt5_2, [])));

        Assert.All([images, protocol, empty], e => Assert.Equal((KieErrorKind.InvalidInput, KieOperation.Chat), (e.Kind, e.Error.Operation)));
        Assert.Contains("does not take images", images.Error.Detail, StringComparison.Ordinal);
        Assert.Contains("OpenAiResponses at /codex/v1/responses, which the client does not speak", protocol.Error.Detail, StringComparison.Ordinal);
        Assert.Empty(h.Server.Requests);
    }

    [Theory]
    [InlineData(401, KieErrorKind.Unauthorized)]
    [InlineData(402, KieErrorKind.OutOfCredits)]
    [InlineData(422, KieErrorKind.InvalidInput)]
    [InlineData(505, KieErrorKind.Maintenance)]
    public async Task KIE_codes_in_an_http_200_map_to_the_error_taxonomy_and_are_not_retried(int code, KieErrorKind kind)
    {
        await using var h = await ClientHarness.StartAsync();
        h.Server.Inject("/gemini-2.5-pro/v1/chat/completions", FakeKieFault.CodeIn200(code, "refused"), times: 5);

        var error = await Assert.ThrowsAsync<KieException>(() => h.Chat.ChatAsync(Ask(ChatModels.Gemini2_5Pro)));

        Assert.Equal((kind, code, KieOperation.Chat), (error.Kind, error.Error.Code, error.Error.Operation));
        Assert.True(error.Error.ShouldRefund);
        Assert.Equal(1, h.Server.CountOf("/gemini-2.5-pro/v1/chat/completions"));
    }

    [Fact]
    public async Task A_wrong_key_is_KIEs_401_envelope()
    {
        await using var server = await FakeKieServer.StartAsync();
        await using var h = await ClientHarness.StartAsync(o => o.ApiKey = "wrong-key", server: server);

        var error = await Assert.ThrowsAsync<KieException>(() => h.Chat.ChatAsync(Ask(ChatModels.ClaudeSonnet4_5)));

        Assert.Equal(KieErrorKind.Unauthorized, error.Kind);
    }

    [Fact]
    public async Task A_500_is_retried_and_the_second_answer_returned()
    {
        await using var h = await ClientHarness.StartAsync();
        h.Server.Inject("/claude/v1/messages", FakeKieFault.Http(500, "internal error"));

        var answer = await h.Chat.ChatAsync(Ask(ChatModels.ClaudeSonnet4_6));

        Assert.Equal(h.Server.ChatReply, answer.Text);
        Assert.Equal(2, h.Server.CountOf("/claude/v1/messages"));
    }

    [Fact]
    public async Task An_empty_account_is_out_of_credits()
    {
        await using var h = await ClientHarness.StartAsync();
        h.Server.Balance = 0;

        var error = await Assert.ThrowsAsync<KieException>(() => h.Chat.ChatAsync(Ask(ChatModels.Gemini3Pro)));

        Assert.Equal((KieErrorKind.OutOfCredits, 402), (error.Kind, error.Error.Code));
        Assert.False(error.Error.IsRetryable);
    }

    [Fact]
    public async Task An_answer_that_is_not_json_is_a_malformed_response()
    {
        await using var h = await ClientHarness.StartAsync();
        h.Server.Inject("/gemini-3.1-pro/v1/chat/completions", FakeKieFault.Malformed(), times: 5);

        var error = await Assert.ThrowsAsync<KieException>(() => h.Chat.ChatAsync(Ask(ChatModels.Gemini3_1Pro)));

        Assert.Equal(KieErrorKind.MalformedResponse, error.Kind);
        Assert.Contains("POST /gemini-3.1-pro/v1/chat/completions", error.Error.Detail, StringComparison.Ordinal);
    }
}
