using System.Runtime.CompilerServices;
using KieCatalog.Chat;
using KieCatalog.Client;
using KieCatalog.Client.Chat;
using KieCatalog.Errors;

namespace KieCatalog.Fake;

/// <summary>
/// Chat in process: the request is checked as the client checks it, the answer names the model and repeats the last
/// user message word by word, usage counts about four characters a token, and a priced model's cost leaves the fake account.
/// </summary>
public sealed partial class FakeKieGateway : IKieChat
{
    private readonly Queue<KieError> chatFailures = new();
    private readonly List<ChatRequest> chats = [];

    /// <summary>Every chat request answered or refused so far, oldest first.</summary>
    public IReadOnlyList<ChatRequest> Chats
    {
        get
        {
            lock (gate)
            {
                return chats.ToList();
            }
        }
    }

    /// <summary>The next chat call fails as KIE answers with <paramref name="code"/> (401, 402, 422, 429, 500…).</summary>
    public void FailNextChat(int code, string? message = null)
    {
        lock (gate)
        {
            chatFailures.Enqueue(KieErrorClassifier.FromCode(KieOperation.Chat, "POST fake/chat", code, message ?? $"fake error {code}"));
        }
    }

    public async Task<ChatResponse> ChatAsync(ChatRequest request, CancellationToken cancellationToken = default)
    {
        await Task.Yield();
        cancellationToken.ThrowIfCancellationRequested();
        var (words, usage) = Answer(request);
        return new ChatResponse(string.Concat(words), FinishReasonOf(request.Mode), usage);
    }

    public async IAsyncEnumerable<ChatDelta> StreamChatAsync(ChatRequest request, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var (words, usage) = Answer(request);
        foreach (var word in words)
        {
            await Task.Yield();
            cancellationToken.ThrowIfCancellationRequested();
            yield return new ChatDelta(word);
        }

        yield return new ChatDelta(string.Empty, FinishReasonOf(request.Mode), usage);
    }

    /// <summary>A rough token count of a text (KIE counts with the model's tokenizer; the fake needs only a stable number).</summary>
    public static int TokensOf(string text) => text.Length == 0 ? 0 : (text.Length + 3) / 4;

    private (IReadOnlyList<string> Words, ChatUsage Usage) Answer(ChatRequest request)
    {
        ChatWire.For(request);
        var last = request.Messages.LastOrDefault(m => m.Role == ChatRole.User)?.Text ?? string.Empty;
        var answer = $"[{request.Mode.Name}, dry run] {last}";
        var words = answer.Split(' ').Select((w, i) => i == 0 ? w : " " + w).ToList();
        var input = TokensOf(request.System ?? string.Empty) + request.Messages.Sum(m => TokensOf(m.Text) + (m.Images.Count * 256));
        var usage = new ChatUsage(input, TokensOf(answer));
        lock (gate)
        {
            chats.Add(request);
            if (chatFailures.TryDequeue(out var failure))
            {
                throw new KieException(failure);
            }

            var cost = request.Mode.Price?.Credits(usage) ?? 0m;
            if (cost > credits)
            {
                throw new KieException(KieErrorClassifier.FromCode(KieOperation.Chat, "POST fake" + request.Mode.Path, 402, "insufficient credits"));
            }

            credits -= cost;
        }

        return (words, usage);
    }

    private static string FinishReasonOf(ChatModeDescriptor mode) => mode.Protocol == ChatProtocol.AnthropicMessages ? "end_turn" : "stop";
}
