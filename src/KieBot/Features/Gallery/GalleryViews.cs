using System.Text.Json;
using System.Text.Json.Serialization;

namespace KieBot.Features.Gallery;

/// <summary>One tile of the grid: what it shows (a thumbnail, a video's first frame, a cover, a text excerpt) and its facts.</summary>
public sealed record GalleryCard
{
    public required string Id { get; init; }

    public required string Kind { get; init; }

    public required string Model { get; init; }

    public required string Mode { get; init; }

    public required string State { get; init; }

    public required DateTimeOffset Date { get; init; }

    public required string Price { get; init; }

    public string? Thumb { get; init; }

    public string? Media { get; init; }

    public string? Excerpt { get; init; }

    public string? Prompt { get; init; }

    public string? ParentId { get; init; }
}

/// <summary>An item's page: the card, the prompt and settings, every file, the chain (parent and children) and the follow-ups on offer.</summary>
public sealed record GalleryItem
{
    public required GalleryCard Card { get; init; }

    public string? Prompt { get; init; }

    public required IReadOnlyList<GallerySetting> Settings { get; init; }

    public required IReadOnlyList<GalleryFile> Files { get; init; }

    public string? Text { get; init; }

    public GalleryCard? Parent { get; init; }

    public required IReadOnlyList<GalleryCard> Children { get; init; }

    public required IReadOnlyList<GalleryOffer> FollowUps { get; init; }

    public required bool CanResend { get; init; }

    public required bool CanRepeat { get; init; }
}

public sealed record GallerySetting(string Name, string Value);

/// <summary>A file of the result by our own signed link; <see cref="Cover"/> for a song's art.</summary>
public sealed record GalleryFile(string Kind, string Url, string? Cover, string? Title);

/// <summary>A follow-up the bot would offer under this result: its label with the price, and the button data it presses in the chat.</summary>
public sealed record GalleryOffer(string Label, string Data);

public sealed record GalleryPage(IReadOnlyList<GalleryCard> Items, string? Next);

public sealed record GalleryModel(string Id, string Name, string Kind);

public sealed record GalleryMe(long UserId, string Language, string Balance, string Reserved, IReadOnlyList<GalleryModel> Models);

public sealed record GalleryAction(string? Data);

public sealed record GalleryDone(bool Sent);

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(GalleryPage))]
[JsonSerializable(typeof(GalleryItem))]
[JsonSerializable(typeof(GalleryMe))]
[JsonSerializable(typeof(GalleryAction))]
[JsonSerializable(typeof(GalleryDone))]
internal sealed partial class GalleryJson : JsonSerializerContext;
