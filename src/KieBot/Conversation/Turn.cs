using KieBot.Storage;
using KieBot.Telegram;

namespace KieBot.Conversation;

/// <summary>One update being handled: who, in which language, the conversation state it started from, and the shared screens' buttons.</summary>
public sealed class Turn(BotUpdate update, BotUser user, string language, FlowState state, ISharedButtons shared)
{
    public BotUpdate Update { get; } = update;

    public BotUser User { get; } = user;

    public string Language { get; set; } = language;

    public FlowState State { get; set; } = state;

    /// <summary>What every feature adds to the menu and the balance screen.</summary>
    public ISharedButtons Shared { get; } = shared;

    public long ChatId => Update.ChatId;

    public string T(string key, params ReadOnlySpan<(string Name, object? Value)> values) => Texts.Get(Language, key, values);
}
