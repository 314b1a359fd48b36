namespace KieBot.Conversation;

/// <summary>A feature's settings are wrong; each problem is one line naming the variable (start-up stops, as for the host's own settings).</summary>
public sealed class FeatureConfigurationException(IReadOnlyList<string> problems) : Exception(string.Join("; ", problems))
{
    public IReadOnlyList<string> Problems { get; } = problems;

    /// <summary>A feature's options as <paramref name="read"/> reads them; any problem it reports stops start-up with this exception.</summary>
    public static T Require<T>(Func<List<string>, T> read)
    {
        var problems = new List<string>();
        var options = read(problems);
        return problems.Count == 0 ? options : throw new FeatureConfigurationException(problems);
    }
}
