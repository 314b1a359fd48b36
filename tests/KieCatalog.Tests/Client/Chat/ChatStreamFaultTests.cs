using KieBot.TestSupport.Kie;
using KieCatalog.Chat;
using KieCatalog.Errors;

namespace KieCatalog.Tests.Client.Chat;

/// <summary>
/// A stream's failures: before the first byte a 429 or 5xx is retried like any KIE call; once a byte of the stream has
/// been read nothing is retried, and a broken connection, a malformed line or an error event is a typed error.
/// </summary>
public sealed class ChatStreamFaultTests
{
    private const string Gemini = "/gemini-2.5-pro/v1/chat/completions";
    private const string Claude = "/claude/v1/messages";

    private static ChatRequest Ask(ChatModeDescriptor mode) => new(mode, [ChatMessage.User("Describe a fox")]);

    private static async Task<List<ChatDelta>> ReadAllAsync(IAsyncEnumerable<ChatDelta> stream, List<ChatDelta>? into = null)
    {
        into ??= [];
        await foreach (var delta in stream)
        {
            into.Add(delta);
        }

        return into;
    }

    [Theory]
    [InlineData(Gemini, 429)]
    [InlineData(Claude, 429)]
    [InlineData(Gemini, 503)]
    [InlineData(Claude, 500)]
    public async Task A_429_or_5xx_before_the_first_byte_is_retried(string path, int status)
    {
        await using var h = await ClientHarness.StartAsync();
        h.Server.Inject(path, FakeKieFault.Http(status, "busy"));
        var mode = path == Claude ? ChatModels.ClaudeSonnet4_6 : ChatModels.Gemini2_5Pro;

        var deltas = await ReadAllAsync(h.Chat.StreamChatAsync(Ask(mode)));

        Assert.Equal(h.Server.ChatReply, string.Concat(deltas.Select(d => d.Text)));
        Assert.NotNull(deltas[^1].Usage);
        Assert.Equal(2, h.Server.CountOf(path));
        Assert.Contains(h.Logs.Events, e => e.Message.Contains("POST " + path + " attempt 1 failed", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_connection_dropped_before_the_first_byte_is_retried()
    {
        await using var h = await ClientHarness.StartAsync();
        h.Server.Inject(Gemini, FakeKieFault.Drop());

        var deltas = await ReadAllAsync(h.Chat.StreamChatAsync(Ask(ChatModels.Gemini2_5Pro)));

        Assert.NotNull(deltas[^1].Usage);
        Assert.Equal(2, h.Server.CountOf(Gemini));
    }

    [Theory]
    [InlineData(Gemini)]
    [InlineData(Claude)]
    public async Task A_connection_dropped_after_the_first_delta_is_a_network_error_and_not_retried(string path)
    {
        await using var h = await ClientHarness.StartAsync();
        var read = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        h.Server.Inject(path, FakeKieFault.StreamDrop(afterDeltas: 2, when: read.Task));
        var mode = path == Claude ? ChatModels.ClaudeHaiku4_5V1messages : ChatModels.Gemini2_5Pro;

        var received = new List<string>();
        var error = await Assert.ThrowsAsync<KieException>(async () =>
        {
            await foreach (var delta in h.Chat.StreamChatAsync(Ask(mode)))
            {
                received.Add(delta.Text);
                if (received.Count == 2)
                {
                    read.SetResult();
                }
            }
        });

        Assert.Equal(["A", " red"], received);
        Assert.Equal((KieErrorKind.Network, KieOperation.Chat), (error.Kind, error.Error.Operation));
        Assert.Contains("the connection broke while the answer was streaming", error.Error.Detail, StringComparison.Ordinal);
        Assert.Equal(1, h.Server.CountOf(path));
    }

    [Theory]
    [InlineData(Gemini)]
    [InlineData(Claude)]
    public async Task A_429_after_the_stream_began_is_not_retried(string path)
    {
        await using var h = await ClientHarness.StartAsync();
        h.Server.Inject(path, FakeKieFault.StreamError(afterDeltas: 1, "Rate limited", code: 429));
        var mode = path == Claude ? ChatModels.ClaudeSonnet4_5 : ChatModels.Gemini2_5Pro;

        var received = new List<ChatDelta>();
        var error = await Assert.ThrowsAsync<KieException>(() => ReadAllAsync(h.Chat.StreamChatAsync(Ask(mode)), received));

        Assert.Equal(["A"], received.Select(d => d.Text));
        Assert.Equal((KieErrorKind.RateLimited, 429, KieOperation.Chat), (error.Kind, error.Error.Code, error.Error.Operation));
        Assert.True(error.Error.IsRetryable, "a later call may succeed, but this one is not sent again");
        Assert.Contains("Rate limited", error.Error.Detail, StringComparison.Ordinal);
        Assert.Equal(1, h.Server.CountOf(path));
    }

    [Fact]
    public async Task Anthropics_error_event_mid_stream_is_a_typed_error()
    {
        await using var h = await ClientHarness.StartAsync();
        h.Server.Inject(Claude, FakeKieFault.StreamError(afterDeltas: 3, "Overloaded"));

        var received = new List<ChatDelta>();
        var error = await Assert.ThrowsAsync<KieException>(() => ReadAllAsync(h.Chat.StreamChatAsync(Ask(ChatModels.ClaudeOpus4_8)), received));

        Assert.Equal(3, received.Count);
        Assert.Equal((KieErrorKind.Server, 529), (error.Kind, error.Error.Code));
        Assert.Equal(1, h.Server.CountOf(Claude));
    }

    [Fact]
    public async Task An_event_whose_json_is_cut_off_is_a_malformed_response_naming_its_line()
    {
        await using var h = await ClientHarness.StartAsync();
        h.Server.Inject(Gemini, FakeKieFault.StreamMalformedLine(afterDeltas: 2));

        var received = new List<ChatDelta>();
        var error = await Assert.ThrowsAsync<KieException>(() => ReadAllAsync(h.Chat.StreamChatAsync(Ask(ChatModels.Gemini2_5Pro)), received));

        Assert.Equal(2, received.Count);
        Assert.Equal((KieErrorKind.MalformedResponse, KieOperation.Chat), (error.Kind, error.Error.Operation));
        Assert.Matches(@"^POST /gemini-2\.5-pro/v1/chat/completions: the event ending on stream line \d+ is not valid JSON", error.Error.Detail);
        Assert.Equal(1, h.Server.CountOf(Gemini));
    }

    [Fact]
    public async Task A_line_that_is_not_a_server_sent_event_is_a_malformed_response()
    {
        await using var h = await ClientHarness.StartAsync();
        h.Server.Inject(Claude, FakeKieFault.StreamMalformedLine(afterDeltas: 0, line: "<html>502 Bad Gateway</html>"));

        var error = await Assert.ThrowsAsync<KieException>(() => ReadAllAsync(h.Chat.StreamChatAsync(Ask(ChatModels.ClaudeSonnet4_6))));

        Assert.Equal(KieErrorKind.MalformedResponse, error.Kind);
        Assert.Matches(@"stream line \d+ is not a server-sent event line: '<html>502 Bad Gateway</html>'", error.Error.Detail);
    }

    [Fact]
    public async Task A_streamed_request_answered_with_a_KIE_envelope_maps_its_code()
    {
        await using var h = await ClientHarness.StartAsync();
        h.Server.Inject(Gemini, FakeKieFault.CodeIn200(402, "Insufficient credits"));

        var error = await Assert.ThrowsAsync<KieException>(() => ReadAllAsync(h.Chat.StreamChatAsync(Ask(ChatModels.Gemini2_5Pro))));

        Assert.Equal((KieErrorKind.OutOfCredits, 402), (error.Kind, error.Error.Code));
        Assert.Equal(1, h.Server.CountOf(Gemini));
    }

    [Fact]
    public async Task A_stream_that_goes_silent_is_a_timeout_and_not_retried()
    {
        await using var h = await ClientHarness.StartAsync(o => o.ChatTimeout = TimeSpan.FromSeconds(1));
        h.Server.Inject(Claude, FakeKieFault.StreamSlow(TimeSpan.FromSeconds(5)));

        var error = await Assert.ThrowsAsync<KieException>(() => ReadAllAsync(h.Chat.StreamChatAsync(Ask(ChatModels.ClaudeSonnet4_6))));

        Assert.Equal((KieErrorKind.Timeout, KieOperation.Chat), (error.Kind, error.Error.Operation));
        Assert.Contains("the stream sent nothing for 1 s", error.Error.Detail, StringComparison.Ordinal);
        Assert.Equal(1, h.Server.CountOf(Claude));
    }

    [Fact]
    public async Task A_slow_first_byte_times_out_and_is_retried()
    {
        await using var h = await ClientHarness.StartAsync(o => o.ChatTimeout = TimeSpan.FromSeconds(1));
        h.Server.Inject(Gemini, FakeKieFault.Slow(TimeSpan.FromSeconds(20)));

        var deltas = await ReadAllAsync(h.Chat.StreamChatAsync(Ask(ChatModels.Gemini2_5Pro)));

        Assert.NotNull(deltas[^1].Usage);
        Assert.Equal(2, h.Server.CountOf(Gemini));
    }
}
