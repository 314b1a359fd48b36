using KieCatalog.Chat;

namespace KieCatalog.Client;

/// <summary>
/// KIE's chat models (synchronous, billed per token). <see cref="KieClient"/> calls the real API; <see cref="Fake.FakeKieGateway"/>
/// answers in process. Failures throw <see cref="Errors.KieException"/> (operation <see cref="Errors.KieOperation.Chat"/>).
/// </summary>
public interface IKieChat
{
    /// <summary>Sends the conversation and returns the whole answer with its usage.</summary>
    Task<ChatResponse> ChatAsync(ChatRequest request, CancellationToken cancellationToken = default);

    /// <summary>
    /// Streams the answer: text deltas in order, then one final delta with the usage. A failure before the first byte
    /// is retried like any KIE call; once the stream has begun nothing is retried.
    /// </summary>
    IAsyncEnumerable<ChatDelta> StreamChatAsync(ChatRequest request, CancellationToken cancellationToken = default);
}
