namespace KieBot.Storage;

/// <summary>The admin's numbers: users and their activity, generations by state and model, money in and back.</summary>
public sealed record BotStats(
    long Users,
    long Active1d,
    long Active7d,
    long Active30d,
    IReadOnlyList<(string State, long Count)> GenerationsByState,
    IReadOnlyList<(string Model, long Count)> TopModels,
    Credits Revenue,
    Credits Refunds);
