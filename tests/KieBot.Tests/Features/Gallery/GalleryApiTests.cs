using System.Net;
using KieBot.Tests.Bot;
using KieBot.Tests.Storage;
using KieBot.TestSupport.Telegram;

namespace KieBot.Tests.Features.Gallery;

/// <summary>The gallery's API on the real host: initData is the only identity, and nobody reads or acts on another user's generations.</summary>
[Collection("postgres")]
public sealed class GalleryApiTests(PostgresFixture postgres)
{
    private const long Owner = 9_701;
    private const long Stranger = 9_702;

    [Fact]
    public async Task Every_endpoint_answers_401_to_missing_forged_tampered_or_expired_initData()
    {
        await using var seed = await GallerySeed.StartAsync(postgres.Server, Owner);
        await using var h = await BotHarness.StartAsync(postgres.Server, database: seed.Database);
        using var client = new GalleryClient(h.Url);
        var valid = GallerySeed.InitDataFor(Owner);
        string?[] refused =
        [
            null,
            GallerySeed.InitDataFor(Owner, token: "123456789:AAHsomeOtherBotsToken_abcdefghijklmn"),
            valid.Replace("%22id%22%3A9701", "%22id%22%3A9702", StringComparison.Ordinal),
            GallerySeed.InitDataFor(Owner, at: DateTimeOffset.UtcNow.AddHours(-25)),
            "query_id=x&user=%7B%22id%22%3A9701%7D&auth_date=1764756000&hash=" + new string('0', 64),
        ];
        Assert.NotEqual(valid, refused[2]);

        foreach (var (method, path, body) in GalleryClient.Endpoints(seed.Image))
        {
            foreach (var initData in refused)
            {
                Assert.Equal(HttpStatusCode.Unauthorized, (await client.SendAsync(method, path, initData, body)).Status);
            }
        }

        var me = await client.GetJsonAsync("gallery/api/me", valid);
        Assert.Equal(Owner, me["userId"]!.GetValue<long>());
        Assert.DoesNotContain(h.Api.Calls, c => c.Method is "sendMessage" or "sendPhoto" or "sendVideo" or "sendAudio");
    }

    [Fact]
    public async Task Another_users_id_is_refused_on_every_endpoint_and_their_list_stays_their_own()
    {
        await using var seed = await GallerySeed.StartAsync(postgres.Server, Owner);
        await using var h = await BotHarness.StartAsync(postgres.Server, database: seed.Database);
        using var client = new GalleryClient(h.Url);
        var stranger = GallerySeed.InitDataFor(Stranger);
        await h.SendAsync(new Updates(Stranger).Text("/start"));
        var before = h.Api.Calls.Count;

        foreach (var id in new[] { seed.Image, seed.Video, seed.Upscaled, seed.Song })
        {
            foreach (var (method, path, body) in GalleryClient.Endpoints(id).Where(e => e.Path.Contains(id, StringComparison.Ordinal)))
            {
                Assert.Equal(HttpStatusCode.NotFound, (await client.SendAsync(method, path, stranger, body)).Status);
            }
        }

        Assert.Empty((await client.GetJsonAsync("gallery/api/items", stranger))["items"]!.AsArray());
        Assert.Equal(before, h.Api.Calls.Count);
        Assert.Equal(6, (await client.GetJsonAsync("gallery/api/items", GallerySeed.InitDataFor(Owner)))["items"]!.AsArray().Count);
    }

    [Fact]
    public async Task Send_repeat_and_a_follow_up_press_the_chats_own_buttons_for_the_caller()
    {
        await using var seed = await GallerySeed.StartAsync(postgres.Server, Owner);
        await using var h = await BotHarness.StartAsync(postgres.Server, database: seed.Database);
        using var client = new GalleryClient(h.Url);
        var owner = GallerySeed.InitDataFor(Owner);

        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(HttpMethod.Post, $"gallery/api/items/{seed.Image}/send", owner, "{}")).Status);
        var photo = h.Api.CallsOf("sendPhoto").Last();
        Assert.Equal((Owner, $"file-{seed.Image}-0"), (photo.ChatId!.Value, photo.Parameters["photo"]!.GetValue<string>()));

        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(HttpMethod.Post, $"gallery/api/items/{seed.Image}/repeat", owner, "{}")).Status);
        Assert.Contains("A lighthouse in fog", h.ScreenOf(new Updates(Owner)).Text, StringComparison.Ordinal);

        var video = await client.GetJsonAsync($"gallery/api/items/{seed.Video}", owner);
        Assert.Equal(seed.Upscaled, video["children"]![0]!["id"]!.GetValue<string>());
        var offers = video["followUps"]!.AsArray();
        Assert.NotEmpty(offers);
        Assert.Equal(HttpStatusCode.NotFound, (await client.SendAsync(HttpMethod.Post, $"gallery/api/items/{seed.Video}/follow-up", owner, "{\"data\":\"rs:" + seed.Image + "\"}")).Status);
        var calls = h.Api.Calls.Count;
        var data = offers[0]!["data"]!.GetValue<string>();
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(HttpMethod.Post, $"gallery/api/items/{seed.Video}/follow-up", owner, "{\"data\":\"" + data + "\"}")).Status);
        Assert.Contains(h.Api.Calls.Skip(calls), c => c.Method == "sendMessage" && c.ChatId == Owner);

        var upscaled = await client.GetJsonAsync($"gallery/api/items/{seed.Upscaled}", owner);
        Assert.Equal(seed.Video, upscaled["parent"]!["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task Keyset_pages_walk_5000_generations_newest_first_each_once()
    {
        await using var seed = await GallerySeed.StartAsync(postgres.Server, Owner, extra: 5_000);
        await using var h = await BotHarness.StartAsync(postgres.Server, new Dictionary<string, string> { ["GALLERY_RATE_PER_MINUTE"] = "100000" }, database: seed.Database);
        using var client = new GalleryClient(h.Url);
        var owner = GallerySeed.InitDataFor(Owner);

        var seen = new List<(DateTimeOffset Date, string Id)>();
        string? after = null;
        do
        {
            var page = await client.GetJsonAsync("gallery/api/items" + (after is null ? "" : "?after=" + Uri.EscapeDataString(after)), owner);
            seen.AddRange(page["items"]!.AsArray().Select(i => (i!["date"]!.GetValue<DateTimeOffset>(), i["id"]!.GetValue<string>())));
            after = page["next"]?.GetValue<string>();
        }
        while (after is not null);

        Assert.Equal(5_006, seen.Count);
        Assert.Equal(5_006, seen.Select(s => s.Id).Distinct().Count());
        Assert.Equal(seen.OrderByDescending(s => s.Date).ThenByDescending(s => s.Id, StringComparer.Ordinal), seen);
        var videos = await client.GetJsonAsync("gallery/api/items?kind=video", owner);
        Assert.Equal(new[] { seed.Upscaled, seed.Video, seed.Failed }.Order(), videos["items"]!.AsArray().Select(i => i!["id"]!.GetValue<string>()).Order());
        Assert.All(videos["items"]!.AsArray(), i => Assert.Equal("video", i!["kind"]!.GetValue<string>()));
    }

    [Fact]
    public async Task A_blocked_user_sees_nothing_and_calls_over_the_rate_are_refused()
    {
        await using var seed = await GallerySeed.StartAsync(postgres.Server, Owner);
        await using var h = await BotHarness.StartAsync(postgres.Server, new Dictionary<string, string> { ["GALLERY_RATE_PER_MINUTE"] = "3" }, database: seed.Database);
        using var client = new GalleryClient(h.Url);
        var owner = GallerySeed.InitDataFor(Owner);

        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(HttpMethod.Get, "gallery/api/me", owner)).Status);
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, (await client.SendAsync(HttpMethod.Get, "gallery/api/items", owner)).Status);
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(HttpMethod.Get, "gallery/api/me", GallerySeed.InitDataFor(Stranger))).Status);

        await h.Store.Users.TouchAsync(Stranger + 1, "bob", "en");
        await h.Store.Users.SetBlockedAsync(Stranger + 1, true);
        var blocked = await client.SendAsync(HttpMethod.Get, "gallery/api/items", GallerySeed.InitDataFor(Stranger + 1));
        Assert.Equal((HttpStatusCode.Forbidden, (System.Text.Json.Nodes.JsonNode?)null), blocked);
    }

    [Fact]
    public async Task A_file_is_reached_through_a_signed_short_lived_link_and_a_changed_link_is_refused()
    {
        await using var seed = await GallerySeed.StartAsync(postgres.Server, Owner);
        await using var h = await BotHarness.StartAsync(postgres.Server, database: seed.Database);
        using var client = new GalleryClient(h.Url);

        var item = await client.GetJsonAsync($"gallery/api/items/{seed.Image}", GallerySeed.InitDataFor(Owner));
        var link = item["files"]![0]!["url"]!.GetValue<string>();
        Assert.StartsWith("/gallery/f/" + seed.Image + "/r0?e=", link, StringComparison.Ordinal);
        Assert.DoesNotContain(h.Kie.ApiKey, item.ToJsonString(), StringComparison.Ordinal);
        Assert.DoesNotContain(FakeBotApi.Token.Split(':')[1], item.ToJsonString(), StringComparison.Ordinal);

        using var followed = await client.GetRawAsync(link.TrimStart('/'));
        Assert.Equal(HttpStatusCode.Redirect, followed.StatusCode);
        Assert.Equal(new Uri(seed.FilesUrl, "files/lighthouse.png"), followed.Headers.Location);

        using var otherPart = await client.GetRawAsync(link.TrimStart('/').Replace("/r0?", "/r1?", StringComparison.Ordinal));
        using var otherItem = await client.GetRawAsync(link.TrimStart('/').Replace(seed.Image, seed.Video, StringComparison.Ordinal));
        using var forged = await client.GetRawAsync(link.TrimStart('/')[..^4] + "0000");
        Assert.Equal([HttpStatusCode.Forbidden, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden], new[] { otherPart.StatusCode, otherItem.StatusCode, forged.StatusCode });
    }
}
