using KieBot.Storage;

namespace KieBot.Ops;

/// <summary><c>migrate</c>: applies the missing migrations to the configured store and says what it did.</summary>
public static class MigrateCommand
{
    public static async Task<int> RunAsync(StorageOptions options, TextWriter output, CancellationToken cancellationToken = default)
    {
        IBotStore store;
        try
        {
            store = BotStores.Open(options);
        }
        catch (FormatException e)
        {
            await output.WriteLineAsync("migrate failed: " + e.Message).ConfigureAwait(false);
            return 1;
        }

        await using (store)
        {
            try
            {
                return await MigrateAsync(store, output, cancellationToken).ConfigureAwait(false);
            }
            catch (System.Data.Common.DbException e)
            {
                await output.WriteLineAsync($"migrate failed: {store.Description}: {e.Message}").ConfigureAwait(false);
                return 1;
            }
        }
    }

    private static async Task<int> MigrateAsync(IBotStore store, TextWriter output, CancellationToken cancellationToken)
    {
        var applied = await store.MigrateAsync(cancellationToken).ConfigureAwait(false);
        var version = await store.SchemaVersionAsync(cancellationToken).ConfigureAwait(false);
        await output.WriteLineAsync(applied.Count == 0
            ? $"{store.Description}: up to date at schema version {version}"
            : $"{store.Description}: applied {string.Join(", ", applied)}; now at schema version {version}").ConfigureAwait(false);
        return 0;
    }
}
