using KieBot.Features.Gallery;
using KieBot.TestSupport.Hosting;
using KieBot.TestSupport.Postgres;
using KieBot.TestSupport.Telegram;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace KieBot.Tests.Features.Gallery;

/// <summary>
/// A database seeded before the host starts (so the tracker finds nothing to deliver): one user's image, video with its
/// 1080p follow-up, song with its cover, lyrics text and a refunded failure, and the files KIE would host for them.
/// </summary>
internal sealed class GallerySeed : IAsyncDisposable
{
    /// <summary>An 8×8 orange PNG: a real image for the browser to draw.</summary>
    public static readonly byte[] Png = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAgAAAAICAIAAABLbSncAAAAEUlEQVR4nGN4VqGBFTEMLQkASIJhgeSB83sAAAAASUVORK5CYII=");

    private readonly WebApplication files;

    private GallerySeed(string database, WebApplication files, Uri filesUrl)
    {
        Database = database;
        this.files = files;
        FilesUrl = filesUrl;
    }

    public string Database { get; }

    public Uri FilesUrl { get; }

    public string Image { get; } = Guid.NewGuid().ToString("N");

    public string Video { get; } = Guid.NewGuid().ToString("N");

    public string Upscaled { get; } = Guid.NewGuid().ToString("N");

    public string Song { get; } = Guid.NewGuid().ToString("N");

    public string Lyrics { get; } = Guid.NewGuid().ToString("N");

    public string Failed { get; } = Guid.NewGuid().ToString("N");

    public static async Task<GallerySeed> StartAsync(PostgresServer postgres, long userId, int extra = 0)
    {
        var (app, url) = await LoopbackHost.StartAsync(a => a.MapGet("/files/{name}", (string name) => name.EndsWith(".png", StringComparison.Ordinal)
            ? Results.Bytes(Png, "image/png")
            : Results.Bytes([0, 0, 0, 0x18, 0x66, 0x74, 0x79, 0x70], name.EndsWith(".mp4", StringComparison.Ordinal) ? "video/mp4" : "audio/mpeg")));
        var seed = new GallerySeed(await postgres.CreateDatabaseAsync("gallery"), app, url);
        await using var store = BotStores.Open(new StorageOptions { DatabaseUrl = seed.Database });
        await store.MigrateAsync();
        await store.Users.TouchAsync(userId, "ann", "en");
        await AddManyAsync(store, userId, extra);
        await seed.AddAsync(store, userId);
        return seed;
    }

    /// <summary>A succeeded generation of <paramref name="model"/>/<paramref name="mode"/> with <paramref name="urls"/>, delivered as file ids.</summary>
    public static Generation Done(string id, long user, string model, string mode, string prompt, IReadOnlyList<string> urls, string? parent = null)
    {
        var descriptor = KieCatalog.Models.FindMode(model, mode) ?? throw new ArgumentException($"no mode {model}/{mode}");
        return new Generation
        {
            Id = id,
            UserId = user,
            ChatId = user,
            ModelId = descriptor.Model.Id,
            ModeId = descriptor.Id,
            KieModel = descriptor.KieModel,
            Api = descriptor.Api.ToString(),
            InputJson = System.Text.Json.JsonSerializer.Serialize(new Dictionary<string, string> { ["prompt"] = prompt, ["aspect_ratio"] = "16:9" }),
            Price = Credits.Whole(12),
            ReservationKey = "reserve:" + id,
            State = GenerationState.Succeeded,
            KieTaskId = "task_" + id,
            ResultUrls = urls,
            ParentId = parent,
        };
    }

    private async Task AddAsync(IBotStore store, long user)
    {
        string File(string name) => new Uri(FilesUrl, "files/" + name).AbsoluteUri;
        await AddDeliveredAsync(store, Done(Failed, user, "kling-2.6", "text-to-video", "A storm that never came", []) with { State = GenerationState.Refunded, KieTaskId = null });
        await AddDeliveredAsync(store, Done(Lyrics, user, "suno", "get-timestamped-lyrics", "Lyrics of the harbour song", []) with { ResultText = "Lanterns on the harbour, singing to the tide" });
        await AddDeliveredAsync(store, Done(Video, user, "veo-3.1", "fast", "A fox running through snow", [File("fox.mp4")]));
        await AddDeliveredAsync(store, Done(Upscaled, user, "veo-3.1", "get-1080p-video", "A fox running through snow", [File("fox-1080p.mp4")], parent: Video));
        await store.Generations.CreateAsync(Done(Song, user, "suno", "v5", "A sea shanty about lighthouses", []) with { State = GenerationState.Running });
        var track = new GenerationTrack(File("song.mp3"), "Lighthouse shanty", File("cover.png"), "Lanterns on the harbour", 121m);
        await store.Generations.MoveAsync(Song, GenerationState.Succeeded, new GenerationChange { ResultUrls = [track.AudioUrl], Tracks = [track] });
        await store.Generations.SetDeliveredAsync(Song, ["file-song-0"]);
        await AddDeliveredAsync(store, Done(Image, user, "z-image", "text-to-image", "A lighthouse in fog", [File("lighthouse.png")]));
    }

    private static async Task AddDeliveredAsync(IBotStore store, Generation generation)
    {
        await store.Generations.CreateAsync(generation);
        if (generation.State == GenerationState.Succeeded)
        {
            await store.Generations.SetDeliveredAsync(generation.Id, generation.ResultUrls.Select((_, i) => $"file-{generation.Id}-{i}").ToList());
        }
    }

    /// <summary><paramref name="count"/> cancelled generations (nothing for the tracker to do), older than the rest.</summary>
    private static async Task AddManyAsync(IBotStore store, long user, int count)
    {
        var ids = Enumerable.Range(0, count).Select(i => $"bulk{i:D5}").ToList();
        await Parallel.ForEachAsync(ids, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (id, ct) =>
            await store.Generations.CreateAsync(Done(id, user, "z-image", "text-to-image", "Bulk " + id, []) with { State = GenerationState.Cancelled, KieTaskId = null }, ct));
    }

    /// <summary>The initData Telegram would give <paramref name="user"/> now, signed with the bot token of the harness.</summary>
    public static string InitDataFor(long user, string language = "en", DateTimeOffset? at = null, string token = FakeBotApi.Token) =>
        InitData.For(user, language, at ?? DateTimeOffset.UtcNow, token);

    public async ValueTask DisposeAsync()
    {
        await files.StopAsync();
        await files.DisposeAsync();
    }
}
