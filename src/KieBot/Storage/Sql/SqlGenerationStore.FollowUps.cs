using Dapper;

namespace KieBot.Storage.Sql;

/// <summary>A generation's follow-ups: the generations that record it as their parent.</summary>
internal sealed partial class SqlGenerationStore
{
    public Task<IReadOnlyList<Generation>> ListFollowUpsAsync(string parentId, CancellationToken cancellationToken = default) =>
        db.ReadAsync<IReadOnlyList<Generation>>(
            async c => (await c.QueryAsync<GenerationRow>(new CommandDefinition(
                    $"SELECT {Columns} FROM generations WHERE parent_id = @parentId ORDER BY created_at, id",
                    new { parentId },
                    cancellationToken: cancellationToken)).ConfigureAwait(false)).Select(Map).ToList(),
            cancellationToken);
}
