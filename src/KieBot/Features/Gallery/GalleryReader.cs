using System.Globalization;
using System.Text.Json;
using KieBot.Conversation;
using KieBot.Generations;
using KieBot.Storage;
using KieCatalog.Catalog;

namespace KieBot.Features.Gallery;

/// <summary>
/// What the app shows of a user's generations, read through the store: a page of cards (keyset paging), an item with
/// its chain and follow-ups. Every read is of the caller's own generations: another user's id reads as none at all.
/// </summary>
public sealed class GalleryReader(IBotStore store, GalleryLinks links, Pricing pricing, GalleryOptions options)
{
    private const int ExcerptLength = 160;

    public async Task<GalleryPage> PageAsync(GalleryCaller caller, string? kind, string? model, string? after, CancellationToken ct)
    {
        var query = new GalleryPageQuery(caller.UserId, options.PageSize + 1) { After = Cursor(after), ModelIds = Models(kind, model) };
        var rows = await store.Generations.ListPageAsync(query, ct).ConfigureAwait(false);
        var page = rows.Take(options.PageSize).ToList();
        var next = rows.Count > options.PageSize ? Cursor(page[^1]) : null;
        return new GalleryPage(page.Select(g => Card(g, caller.Language)).ToList(), next);
    }

    /// <summary>The caller's generation, or null (none, or another user's: the same answer).</summary>
    public async Task<Generation?> OwnAsync(GalleryCaller caller, string id, CancellationToken ct) =>
        id.Length is > 0 and <= 64 && await store.Generations.GetAsync(id, ct).ConfigureAwait(false) is { } g && g.UserId == caller.UserId ? g : null;

    public async Task<GalleryItem?> ItemAsync(GalleryCaller caller, string id, CancellationToken ct)
    {
        if (await OwnAsync(caller, id, ct).ConfigureAwait(false) is not { } generation)
        {
            return null;
        }

        var language = caller.Language;
        var mode = StoredMode.Of(generation);
        var parent = generation.ParentId is { } parentId ? await OwnAsync(caller, parentId, ct).ConfigureAwait(false) : null;
        var children = await store.Generations.ListFollowUpsAsync(generation.Id, ct).ConfigureAwait(false);
        var offers = mode is null || generation.State != GenerationState.Succeeded ? []
            : FollowUpTexts.Rows(language, generation, FollowUps.Offers(generation, mode, children), pricing).SelectMany(r => r).Select(b => new GalleryOffer(b.Text, b.Data)).ToList();
        var resendable = generation.State == GenerationState.Succeeded && (generation.ResultUrls.Count > 0 || generation.Delivered is { Count: > 0 } || generation.ResultText is not null);
        return new GalleryItem
        {
            Card = Card(generation, language),
            Prompt = Prompt(generation, mode),
            Settings = Settings(generation, mode, language),
            Files = Files(generation, mode),
            Text = generation.ResultText,
            Parent = parent is null ? null : Card(parent, language),
            Children = children.Where(c => c.UserId == caller.UserId).Select(c => Card(c, language)).ToList(),
            FollowUps = offers,
            CanResend = resendable,
            CanRepeat = mode is not null,
        };
    }

    /// <summary>The models of a kind (image, video, audio) and/or one model; null for all.</summary>
    public static IReadOnlyList<string>? Models(string? kind, string? model)
    {
        IEnumerable<ModelDescriptor>? chosen = null;
        if (!string.IsNullOrEmpty(kind))
        {
            chosen = Enum.TryParse<ModelCategory>(kind, ignoreCase: true, out var category) ? KieCatalog.Models.All.Where(m => m.Category == category) : [];
        }

        if (!string.IsNullOrEmpty(model))
        {
            chosen = (chosen ?? KieCatalog.Models.All).Where(m => m.Id == model);
        }

        return chosen?.Select(m => m.Id).ToList();
    }

    public static IReadOnlyList<GalleryModel> Catalog(string language) =>
        KieCatalog.Models.All.Select(m => new GalleryModel(m.Id, m.Name, m.Category.ToString().ToLowerInvariant())).ToList();

    public GalleryCard Card(Generation g, string language)
    {
        var mode = StoredMode.Of(g);
        var kind = mode?.Output ?? OutputKind.Text;
        var done = g.State == GenerationState.Succeeded;
        string? thumb = null, media = null;
        if (done)
        {
            (thumb, media) = kind switch
            {
                OutputKind.Image when g.ResultUrls.Count > 0 => (links.For(g.Id, "r0"), null),
                OutputKind.Video when g.ResultUrls.Count > 0 => ((string?)null, links.For(g.Id, "r0")),
                OutputKind.Audio when g.Tracks.Count > 0 => (g.Tracks[0].ImageUrl is null ? null : links.For(g.Id, "c0"), links.For(g.Id, "a0")),
                OutputKind.Audio when g.ResultUrls.Count > 0 => (null, links.For(g.Id, "r0")),
                _ => (null, null),
            };
        }

        var prompt = Prompt(g, mode);
        return new GalleryCard
        {
            Id = g.Id,
            Kind = kind.ToString().ToLowerInvariant(),
            Model = mode?.Model.Name ?? g.ModelId,
            Mode = mode?.Label.Get(language) ?? g.ModeId,
            State = g.State.Wire(),
            Date = g.CreatedAt,
            Price = g.Price.ToString(),
            Thumb = thumb,
            Media = media,
            Excerpt = g.ResultText is { } text ? Excerpt(text) : null,
            Prompt = prompt is null ? null : Excerpt(prompt),
            ParentId = g.ParentId,
        };
    }

    private List<GalleryFile> Files(Generation g, ModeDescriptor? mode)
    {
        if (g.State != GenerationState.Succeeded)
        {
            return [];
        }

        if (g.Tracks.Count > 0)
        {
            return g.Tracks.Select((t, i) => new GalleryFile("audio", links.For(g.Id, "a" + i), t.ImageUrl is null ? null : links.For(g.Id, "c" + i), t.Title)).ToList();
        }

        var kind = (mode?.Output ?? OutputKind.Image).ToString().ToLowerInvariant();
        return g.ResultUrls.Select((_, i) => new GalleryFile(kind, links.For(g.Id, "r" + i), null, null)).ToList();
    }

    private static string? Prompt(Generation g, ModeDescriptor? mode) =>
        mode is not null && FormScreen.PromptOf(mode) is { } param ? Read(g.InputJson, param.Name) : null;

    private static List<GallerySetting> Settings(Generation g, ModeDescriptor? mode, string language)
    {
        var prompt = mode is null ? null : FormScreen.PromptOf(mode)?.Name;
        using var input = JsonDocument.Parse(g.InputJson);
        if (input.RootElement.ValueKind != JsonValueKind.Object)
        {
            return [];
        }

        return input.RootElement.EnumerateObject()
            .Where(p => p.Name != prompt)
            .Select(p => new GallerySetting(
                mode?.FindParam(p.Name)?.Label.Get(language) ?? p.Name,
                p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString()! : p.Value.GetRawText()))
            .ToList();
    }

    private static string? Read(string json, string name)
    {
        using var input = JsonDocument.Parse(json);
        return input.RootElement.ValueKind == JsonValueKind.Object && input.RootElement.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;
    }

    private static string Excerpt(string text) => text.Length <= ExcerptLength ? text : text[..ExcerptLength].TrimEnd() + "…";

    private static string Cursor(Generation g) => g.CreatedAt.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture) + "." + g.Id;

    private static GalleryCursor? Cursor(string? after)
    {
        var dot = after?.IndexOf('.', StringComparison.Ordinal) ?? -1;
        return dot > 0 && after!.Length - dot - 1 is > 0 and <= 64
            && long.TryParse(after.AsSpan(0, dot), NumberStyles.None, CultureInfo.InvariantCulture, out var ms) && ms <= 253402300799999
            ? new GalleryCursor(DateTimeOffset.FromUnixTimeMilliseconds(ms), after[(dot + 1)..])
            : null;
    }
}
