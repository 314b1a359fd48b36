using Dapper;

namespace KieBot.Storage.Sql;

/// <summary>The gallery's pages: keyset paging over the user's (user_id, created_at, id) index.</summary>
internal sealed partial class SqlGenerationStore
{
    public Task<IReadOnlyList<Generation>> ListPageAsync(GalleryPageQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(query.Limit, 1);
        var where = "user_id = @userId";
        if (query.After is not null)
        {
            where += " AND (created_at < @afterAt OR (created_at = @afterAt AND id < @afterId))";
        }

        if (query.ModelIds is not null)
        {
            where += " AND " + db.In("model_id", "@models");
        }

        var sql = $"SELECT {Columns} FROM generations WHERE {where} ORDER BY created_at DESC, id DESC LIMIT @limit";
        var args = new
        {
            userId = query.UserId,
            afterAt = query.After?.CreatedAt.ToUnixTimeMilliseconds() ?? 0L,
            afterId = query.After?.Id ?? string.Empty,
            models = (query.ModelIds ?? []).ToArray(),
            limit = query.Limit,
        };
        return db.ReadAsync<IReadOnlyList<Generation>>(
            async c => (await c.QueryAsync<GenerationRow>(new CommandDefinition(sql, args, cancellationToken: cancellationToken)).ConfigureAwait(false)).Select(Map).ToList(),
            cancellationToken);
    }
}
