using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using KieBot.Hosting;
using KieBot.TestSupport.Kie;
using KieBot.TestSupport.Postgres;
using KieBot.TestSupport.Telegram;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using KieBot.Conversation;

namespace KieBot.Tests.Bot;

/// <summary>
/// The real host in webhook mode on a free port, with the real Telegram.Bot client pointed at a fake Bot API, the real
/// KIE client pointed at the fake KIE server, and a fresh database on a real PostgreSQL. Updates are real JSON POSTed
/// to the webhook; the webhook answers after the update is handled, so the recorded Bot API calls are then complete.
/// </summary>
internal sealed class BotHarness : IAsyncDisposable
{
    public const string Secret = "webhook-secret_42";

    private readonly HttpClient http = new() { Timeout = TimeSpan.FromSeconds(60) };

    private readonly bool ownsFakes;

    private BotHarness(FakeKieServer kie, FakeBotApi api, WebApplication app, Uri url, string database, bool ownsFakes)
    {
        this.ownsFakes = ownsFakes;
        Database = database;
        Kie = kie;
        Api = api;
        App = app;
        Url = url;
    }

    public FakeKieServer Kie { get; }

    public FakeBotApi Api { get; }

    public WebApplication App { get; }

    public Uri Url { get; }

    /// <summary>The connection string of this harness's database (another harness can open it: a restart).</summary>
    public string Database { get; }

    public IBotStore Store => App.Services.GetRequiredService<IBotStore>();

    /// <summary>The last screen the bot showed (a sent or edited message).</summary>
    public BotApiCall Screen => Api.Calls.Last(c => c.Method is "sendMessage" or "editMessageText");

    /// <summary>
    /// A host with its own fakes, or sharing <paramref name="shared"/>'s database, KIE and Bot API (a second instance,
    /// or a restart); shared fakes are left running when this harness stops.
    /// </summary>
    public static async Task<BotHarness> StartAsync(PostgresServer postgres, IReadOnlyDictionary<string, string>? extra = null, string? database = null, BotHarness? shared = null, TimeProvider? time = null)
    {
        database ??= shared?.Database ?? await postgres.CreateDatabaseAsync("bot");
        var kie = shared?.Kie ?? await FakeKieServer.StartAsync();
        var api = shared?.Api ?? await FakeBotApi.StartAsync();
        var port = KieBot.TestSupport.Hosting.LoopbackHost.FreePort();
        var env = new Dictionary<string, string>
        {
            ["TELEGRAM_BOT_TOKEN"] = FakeBotApi.Token,
            ["TELEGRAM_API_URL"] = api.BaseUrl.AbsoluteUri,
            ["WEBHOOK_URL"] = "https://kiebot.example",
            ["WEBHOOK_SECRET"] = Secret,
            ["ALLOW_REAL_GENERATION"] = "1",
            ["KIE_API_KEY"] = kie.ApiKey,
            ["KIE_API_URL"] = kie.BaseUrl.AbsoluteUri,
            ["KIE_UPLOAD_URL"] = kie.BaseUrl.AbsoluteUri,
            ["DATABASE_URL"] = database,
            ["WELCOME_CREDITS"] = "500",
            ["PORT"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["PUBLIC_URL"] = $"http://127.0.0.1:{port}",
        };
        foreach (var (key, value) in extra ?? new Dictionary<string, string>())
        {
            env[key] = value;
        }

        var options = BotOptions.Read(name => env.GetValueOrDefault(name), out var errors);
        Assert.Empty(errors);
        var app = TelegramHost.Build(options, time is null ? null : b => b.Services.AddSingleton(time));
        await app.Services.GetRequiredService<IBotStore>().MigrateAsync();
        await app.StartAsync();
        return new BotHarness(kie, api, app, new Uri($"http://127.0.0.1:{port}"), database, ownsFakes: shared is null);
    }

    public async Task<HttpStatusCode> PostAsync(JsonObject update, string? secret = Secret)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(Url, TelegramHost.WebhookPath))
        {
            Content = new StringContent(update.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        if (secret is not null)
        {
            request.Headers.Add("X-Telegram-Bot-Api-Secret-Token", secret);
        }

        using var response = await http.SendAsync(request);
        return response.StatusCode;
    }

    /// <summary>The last screen with buttons shown to <paramref name="user"/> (status messages of running generations have none).</summary>
    public BotApiCall ScreenOf(Updates user) =>
        Api.Calls.Last(c => c.Method is "sendMessage" or "editMessageText" && c.ChatId == user.UserId && c.Buttons.Count > 0);

    /// <summary>Presses the first button of the user's last screen whose callback data or text matches.</summary>
    public async Task PressAsync(Updates user, Func<(string Text, string Data), bool> match)
    {
        var screen = ScreenOf(user);
        var button = screen.Buttons.FirstOrDefault(match);
        Assert.False(button == default, $"no such button on: {screen.Text}\nbuttons: {string.Join(", ", screen.Buttons.Select(b => b.Text + "=" + b.Data))}");
        Assert.Equal(HttpStatusCode.OK, await PostAsync(user.Press(button.Data, screen.MessageId)));
    }

    public Task PressDataAsync(Updates user, string data) => PressAsync(user, b => b.Data == data);

    /// <summary>Presses Generate on the user's last summary.</summary>
    public Task ConfirmAsync(Updates user) => PressAsync(user, b => IsConfirm(b.Data));

    public static bool IsConfirm(string data) => data.StartsWith(KieBot.Features.Form.FormButtons.ConfirmPrefix, StringComparison.Ordinal);

    public async Task SendAsync(JsonObject update) => Assert.Equal(HttpStatusCode.OK, await PostAsync(update));

    /// <summary>Stops this host only (as a crash or deploy would); its fakes keep running for another host.</summary>
    public Task StopHostAsync() => App.StopAsync();

    public async ValueTask DisposeAsync()
    {
        await App.StopAsync();
        await App.DisposeAsync();
        if (ownsFakes)
        {
            await Api.DisposeAsync();
            await Kie.DisposeAsync();
        }

        http.Dispose();
    }

}
