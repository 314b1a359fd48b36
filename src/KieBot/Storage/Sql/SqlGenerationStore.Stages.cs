using Dapper;

namespace KieBot.Storage.Sql;

/// <summary>What a staged result (Suno: text, first, complete) keeps beside the generation: the preview sent, a callback's failure code.</summary>
internal sealed partial class SqlGenerationStore
{
    public Task SetPreviewedAsync(string id, CancellationToken cancellationToken = default) =>
        db.WriteAsync(
            w => w.Connection.ExecuteAsync(w.Command("UPDATE generations SET previewed = @yes, updated_at = @now WHERE id = @id", new { id, yes = true, now = db.Now() })),
            cancellationToken);

    public async Task<bool> NoteCallbackFailureAsync(string id, string failCode, CancellationToken cancellationToken = default) =>
        await db.WriteAsync(
            w => w.Connection.ExecuteAsync(w.Command(
                $"UPDATE generations SET callback_fail_code = @code WHERE id = @id AND callback_fail_code IS NULL AND {db.In("state", "@states")}",
                new { id, code = db.Store(failCode), states = InFlight })),
            cancellationToken).ConfigureAwait(false) == 1;
}
