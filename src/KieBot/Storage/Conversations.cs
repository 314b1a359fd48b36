namespace KieBot.Storage;

/// <summary>Where a user is in a flow: the serialized step, and when it last changed.</summary>
public sealed record Conversation(long UserId, string State, DateTimeOffset UpdatedAt);

public interface IConversationStore
{
    Task<Conversation?> GetAsync(long userId, CancellationToken cancellationToken = default);

    Task SaveAsync(long userId, string state, CancellationToken cancellationToken = default);

    Task DeleteAsync(long userId, CancellationToken cancellationToken = default);
}
