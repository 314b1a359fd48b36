namespace KieBot.Conversation;

/// <summary>A feature's settings are wrong; each problem is one line naming the variable (start-up stops, as for the host's own settings).</summary>
public sealed class FeatureConfigurationException(IReadOnlyList<string> problems) : Exception(string.Join("; ", problems))
{
    public IReadOnlyList<string> Problems { get; } = problems;
}
