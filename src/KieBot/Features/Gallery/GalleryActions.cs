using System.Security.Cryptography;
using KieBot.Conversation;
using KieBot.Telegram;

namespace KieBot.Features.Gallery;

/// <summary>
/// The app's actions are the chat's own buttons, pressed for the caller: the press goes through the update pipeline
/// as any press does (the user's order, the blocked and maintenance checks, the feature that owns the data checking the
/// generation is the user's), and its answer comes in the chat.
/// </summary>
public sealed class GalleryActions(UpdatePipeline pipeline)
{
    public Task<bool> ResendAsync(GalleryCaller caller, string id, CancellationToken ct) => PressAsync(caller, BotCallbacks.ResendPrefix + id, ct);

    public Task<bool> RepeatAsync(GalleryCaller caller, string id, CancellationToken ct) => PressAsync(caller, BotCallbacks.RepeatPrefix + id, ct);

    public Task<bool> TopUpAsync(GalleryCaller caller, CancellationToken ct) => PressAsync(caller, BotCallbacks.Balance, ct);

    /// <summary>Presses <paramref name="data"/> for the caller; false when the press must be tried again later (the database or the Bot API is away).</summary>
    public async Task<bool> PressAsync(GalleryCaller caller, string data, CancellationToken ct)
    {
        // Telegram's update ids are positive: a negative random id never meets one, and claims this press once.
        var update = new BotUpdate
        {
            UpdateId = -(RandomNumberGenerator.GetInt32(1, int.MaxValue) * (long)int.MaxValue + RandomNumberGenerator.GetInt32(int.MaxValue)),
            UserId = caller.UserId,
            ChatId = caller.UserId,
            LanguageCode = caller.Language,
            CallbackData = data,
        };
        return await pipeline.HandleAsync(update, ct).ConfigureAwait(false) != UpdateOutcome.Retry;
    }
}
