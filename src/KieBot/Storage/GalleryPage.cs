namespace KieBot.Storage;

/// <summary>
/// One page of a user's generations, newest first, after <see cref="After"/> (keyset paging: the page costs the same
/// whether the user has 5 generations or 5,000); only the models in <see cref="ModelIds"/> when it is set.
/// </summary>
public sealed record GalleryPageQuery(long UserId, int Limit)
{
    /// <summary>The last generation of the previous page; null for the first page.</summary>
    public GalleryCursor? After { get; init; }

    /// <summary>The models to show (a kind's models, or one model); null for every model.</summary>
    public IReadOnlyList<string>? ModelIds { get; init; }
}

/// <summary>Where a page ended: the creation time and id of its last generation (the order is created_at, id, both descending).</summary>
public sealed record GalleryCursor(DateTimeOffset CreatedAt, string Id);
