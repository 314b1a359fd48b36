namespace KieBot.Storage;

/// <summary>
/// This process among the hosts sharing one database: the holder name of the updates it claims and the generation rows
/// it leases. New for every start, so a restarted host never mistakes a dead process's claims for its own.
/// </summary>
public sealed record HostIdentity(string Id)
{
    public static HostIdentity New() => new($"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid():N}");
}
