using KieCatalog.Chat;
using KieCatalog.Errors;
using KieCatalog.Fake;

namespace KieCatalog.Tests.Client.Chat;

/// <summary>The in-process fake answers chat as the client would: the same checks, a streamed answer in words, usage, scripted failures, its account.</summary>
public sealed class FakeGatewayChatTests
{
    private static readonly ChatModeDescriptor Priced = new(
        "acme-chat", "Acme Chat", "Acme", "acme-chat", ChatProtocol.OpenAiChatCompletions, "/acme-chat/v1/chat/completions",
        modelInBody: false, acceptsImages: false, contextTokens: null, maxOutputTokens: null, defaultMaxTokens: null,
        price: new ChatTokenPrice(1_000_000m, 1_000_000m), hiddenReason: null);

    [Fact]
    public async Task A_streamed_answer_comes_word_by_word_and_ends_with_the_usage_of_the_whole_answer()
    {
        var kie = new FakeKieGateway();
        var request = new ChatRequest(ChatModels.Gemini2_5Pro, [ChatMessage.User("a fox in snow")]);

        var deltas = new List<ChatDelta>();
        await foreach (var delta in kie.StreamChatAsync(request))
        {
            deltas.Add(delta);
        }

        var whole = await kie.ChatAsync(request);
        Assert.Equal("[Gemini 2.5 Pro, dry run] a fox in snow", whole.Text);
        Assert.Equal(["[Gemini", " 2.5", " Pro,", " dry", " run]", " a", " fox", " in", " snow"], deltas.SkipLast(1).Select(d => d.Text));
        Assert.Equal(whole.Usage, deltas[^1].Usage);
        Assert.Equal(new ChatUsage(FakeKieGateway.TokensOf("a fox in snow"), FakeKieGateway.TokensOf(whole.Text)), whole.Usage);
        Assert.Equal(2, kie.Chats.Count);
    }

    [Fact]
    public async Task A_priced_model_takes_its_usage_from_the_account_and_an_empty_one_is_refused()
    {
        var kie = new FakeKieGateway(options: new FakeKieOptions { InitialCredits = 100m });
        var answer = await kie.ChatAsync(new ChatRequest(Priced, [ChatMessage.User("hello")]));

        Assert.Equal(100m - answer.Usage.TotalTokens, await kie.GetCreditsAsync());

        var poor = new FakeKieGateway(options: new FakeKieOptions { InitialCredits = 1m });
        var error = await Assert.ThrowsAsync<KieException>(() => poor.ChatAsync(new ChatRequest(Priced, [ChatMessage.User("hello")])));
        Assert.Equal(KieErrorKind.OutOfCredits, error.Kind);
    }

    [Fact]
    public async Task A_scripted_failure_and_a_request_the_model_cannot_take_throw_as_the_client_does()
    {
        var kie = new FakeKieGateway();
        kie.FailNextChat(429);

        var limited = await Assert.ThrowsAsync<KieException>(() => kie.ChatAsync(new ChatRequest(ChatModels.Gpt5_2, [ChatMessage.User("hi")])));
        var image = ChatImage.FromData(new byte[] { 1 }, "image/png");
        var refused = await Assert.ThrowsAsync<KieException>(() => kie.ChatAsync(new ChatRequest(ChatModels.ClaudeSonnet4_6, [ChatMessage.User("hi", image)])));

        Assert.Equal((KieErrorKind.RateLimited, KieOperation.Chat), (limited.Kind, limited.Error.Operation));
        Assert.Equal(KieErrorKind.InvalidInput, refused.Kind);
        Assert.Equal("[GPT-5.2, dry run] hi", (await kie.ChatAsync(new ChatRequest(ChatModels.Gpt5_2, [ChatMessage.User("hi")]))).Text);
    }

    [Fact]
    public async Task Cancelling_a_stream_stops_it()
    {
        var kie = new FakeKieGateway();
        using var cancel = new CancellationTokenSource();

        var seen = 0;
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var _ in kie.StreamChatAsync(new ChatRequest(ChatModels.Gpt5_2, [ChatMessage.User("one two three")]), cancel.Token))
            {
                seen++;
                await cancel.CancelAsync();
            }
        });

        Assert.Equal(1, seen);
    }
}
