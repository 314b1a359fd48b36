namespace KieBot.Storage;

/// <summary>Settings an admin changes at run time (markup, maintenance notice, …).</summary>
public interface ISettingsStore
{
    Task<string?> GetAsync(string key, CancellationToken cancellationToken = default);

    Task SetAsync(string key, string value, CancellationToken cancellationToken = default);

    Task<bool> DeleteAsync(string key, CancellationToken cancellationToken = default);

    Task<IReadOnlyDictionary<string, string>> AllAsync(CancellationToken cancellationToken = default);
}
