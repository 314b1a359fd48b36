using KieCatalog.Catalog;

namespace KieBot.Generations;

/// <summary>How long a task may take before it is failed and refunded.</summary>
public static class TaskDeadline
{
    /// <summary>The deadline of a task of output <paramref name="kind"/>.</summary>
    public static TimeSpan For(OutputKind kind) => kind switch
    {
        OutputKind.Video => TimeSpan.FromMinutes(30),
        OutputKind.Audio => TimeSpan.FromMinutes(15),
        _ => TimeSpan.FromMinutes(10),
    };
}
