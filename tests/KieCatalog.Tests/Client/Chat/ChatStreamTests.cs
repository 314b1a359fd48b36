using KieBot.TestSupport.Kie;
using KieCatalog.Chat;
using KieCatalog.Errors;

namespace KieCatalog.Tests.Client.Chat;

/// <summary>Streamed chat on both protocols against the fake KIE server: deltas in order, usage at the end, cancellation honoured.</summary>
public sealed class ChatStreamTests
{
    public static TheoryData<string> Protocols => new() { "gemini-2.5-pro", "claude-sonnet-4-6" };

    private static ChatRequest Ask(string id) => new(ChatModels.Find(id)!, [ChatMessage.User("Describe a fox")]);

    [Theory]
    [MemberData(nameof(Protocols))]
    public async Task Deltas_come_in_order_and_the_last_one_carries_the_usage(string id)
    {
        await using var h = await ClientHarness.StartAsync();

        var deltas = new List<ChatDelta>();
        await foreach (var delta in h.Chat.StreamChatAsync(Ask(id)))
        {
            deltas.Add(delta);
        }

        var words = h.Server.ChatReply.Split(' ').Select((w, i) => i == 0 ? w : " " + w).ToArray();
        Assert.Equal(words, deltas.SkipLast(1).Select(d => d.Text));
        Assert.All(deltas.SkipLast(1), d => Assert.False(d.IsFinal));
        var last = deltas[^1];
        var call = Assert.Single(h.Server.ChatCalls);
        Assert.True(call.Stream);
        Assert.Equal((string.Empty, true, call.Usage), (last.Text, last.IsFinal, last.Usage));
        Assert.Equal(words.Length, last.Usage!.OutputTokens);
        Assert.Equal(FakeKieServer.TokensOf("Describe a fox"), last.Usage.InputTokens);
        Assert.Equal(id.StartsWith("claude", StringComparison.Ordinal) ? "end_turn" : "stop", last.FinishReason);
    }

    [Fact]
    public async Task An_openai_stream_asks_for_usage_at_its_end()
    {
        await using var h = await ClientHarness.StartAsync();

        await foreach (var _ in h.Chat.StreamChatAsync(Ask("gpt-5-2")))
        {
        }

        var body = Assert.Single(h.Server.ChatCalls).Body;
        Assert.True(body["stream"]!.GetValue<bool>());
        Assert.True(body["stream_options"]!["include_usage"]!.GetValue<bool>());
    }

    [Theory]
    [MemberData(nameof(Protocols))]
    public async Task Cancelling_mid_stream_stops_reading_and_closes_the_connection(string id)
    {
        await using var h = await ClientHarness.StartAsync();
        var mode = ChatModels.Find(id)!;
        h.Server.Inject(mode.Path, FakeKieFault.StreamSlow(TimeSpan.FromMilliseconds(300)));
        using var cancel = new CancellationTokenSource();

        var received = new List<string>();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var delta in h.Chat.StreamChatAsync(Ask(id), cancel.Token))
            {
                received.Add(delta.Text);
                if (received.Count == 2)
                {
                    await cancel.CancelAsync();
                }
            }
        });

        Assert.Equal(["A", " red"], received);
        Assert.Equal(1, h.Server.CountOf(mode.Path));
        await WaitUntilAsync(() => h.Server.AbandonedStreams == 1);
    }

    [Fact]
    public async Task Breaking_out_of_the_loop_closes_the_stream()
    {
        await using var h = await ClientHarness.StartAsync();
        h.Server.Inject("/claude/v1/messages", FakeKieFault.StreamSlow(TimeSpan.FromMilliseconds(200)));

        await foreach (var delta in h.Chat.StreamChatAsync(Ask("claude-opus-4-6")))
        {
            Assert.Equal("A", delta.Text);
            break;
        }

        await WaitUntilAsync(() => h.Server.AbandonedStreams == 1);
    }

    [Fact]
    public async Task A_model_on_a_protocol_the_client_does_not_speak_is_refused_before_anything_is_sent()
    {
        await using var h = await ClientHarness.StartAsync();

        var error = await Assert.ThrowsAsync<KieException>(async () =>
        {
            await foreach (var _ in h.Chat.StreamChatAsync(Ask("gemini-3-5-flash")))
            {
            }
        });

        Assert.Equal(KieErrorKind.InvalidInput, error.Kind);
        Assert.Contains("GeminiGenerateContent", error.Error.Detail, StringComparison.Ordinal);
        Assert.Empty(h.Server.Requests);
    }

    internal static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTimeOffset.UtcNow + TimeSpan.FromSeconds(10);
        while (!condition())
        {
            Assert.True(DateTimeOffset.UtcNow < deadline, "the condition did not hold within 10 s");
            await Task.Delay(20);
        }
    }
}
