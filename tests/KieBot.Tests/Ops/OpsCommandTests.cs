using System.Net;
using System.Text.RegularExpressions;
using KieBot.Hosting;
using KieBot.Ops;
using KieBot.Hosting.Commands;
using KieBot.Tests.Bot;
using KieBot.Tests.Storage;
using KieBot.TestSupport;
using KieBot.TestSupport.Kie;
using KieBot.TestSupport.Telegram;
using Microsoft.Extensions.Time.Testing;
using Serilog;

namespace KieBot.Tests.Ops;

/// <summary>check, cleanup, errors and the deployment files, against a real PostgreSQL with seeded data.</summary>
[Collection("postgres")]
public sealed partial class OpsCommandTests(PostgresFixture postgres)
{
    [Fact]
    public async Task Check_passes_on_a_ready_deployment_and_fails_for_the_right_reasons()
    {
        await using var kie = await FakeKieServer.StartAsync();
        var database = await postgres.Server.CreateDatabaseAsync("check");
        var env = new Dictionary<string, string?>
        {
            ["TELEGRAM_BOT_TOKEN"] = FakeBotApi.Token,
            ["ADMIN_ID"] = "42",
            ["DATABASE_URL"] = database,
            ["ALLOW_REAL_GENERATION"] = "1",
            ["KIE_API_KEY"] = kie.ApiKey,
            ["KIE_API_URL"] = kie.BaseUrl.AbsoluteUri,
        };

        var unmigrated = await CheckAsync(env);
        Assert.Equal(1, unmigrated.Code);
        Assert.Matches(@"FAIL  migrations: schema version 0, this build needs \d+: run `migrate`", unmigrated.Output);

        await using (var store = BotStores.Open(new StorageOptions { DatabaseUrl = database }))
        {
            await store.MigrateAsync();
            await store.Ledger.GrantAsync(7, Credits.Whole(10), "g", GrantReason.Admin);
        }

        var ready = await CheckAsync(env);
        Assert.True(ready.Code == 0, ready.Output);
        Assert.Contains("ok    kie: key accepted", ready.Output, StringComparison.Ordinal);
        Assert.EndsWith("ready\n", ready.Output, StringComparison.Ordinal);

        await using (var connection = new Npgsql.NpgsqlConnection(database))
        {
            await connection.OpenAsync();
            await using var tamper = new Npgsql.NpgsqlCommand("UPDATE balances SET available = available + 1", connection);
            await tamper.ExecuteNonQueryAsync();
        }

        env["KIE_API_KEY"] = "wrong-key";
        env["ADMIN_ID"] = "admin";
        var broken = await CheckAsync(env);
        Assert.Equal(1, broken.Code);
        Assert.Contains("FAIL  ledger: balances differ from their rows for users 7", broken.Output, StringComparison.Ordinal);
        Assert.Contains("FAIL  configuration: ADMIN_ID must be a Telegram user id", broken.Output, StringComparison.Ordinal);
        Assert.Contains("FAIL  kie: Unauthorized", broken.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("wrong-key", broken.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cleanup_removes_exactly_what_retention_says_and_never_a_real_ledger_row()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
        await using var store = BotStores.Open(new StorageOptions { DatabaseUrl = await postgres.Server.CreateDatabaseAsync("cleanup") }, time);
        await store.MigrateAsync();
        await SeedAsync(store, "old");
        time.Advance(TimeSpan.FromDays(100));
        await SeedAsync(store, "new");
        var ledgerBefore = (await store.Ledger.HistoryAsync(1, 100)).Count(e => !e.DryRun);

        var preview = await CleanupCommand.RunAsync(store, new CleanupPolicy(), apply: false, CancellationToken.None);
        var applied = await CleanupCommand.RunAsync(store, new CleanupPolicy(), apply: true, CancellationToken.None);
        var again = await CleanupCommand.RunAsync(store, new CleanupPolicy(), apply: true, CancellationToken.None);

        Assert.Equal(new CleanupReport(1, 1, 1, 2, 1, 1, Applied: false) { MeteredCalls = 1 }, preview.Removed);
        Assert.Equal(preview.Removed with { Applied = true }, applied.Removed);
        Assert.Equal(0, again.Removed.Total);
        Assert.Equal(ledgerBefore, (await store.Ledger.HistoryAsync(1, 100)).Count(e => !e.DryRun));
        Assert.NotNull(await store.Generations.GetAsync("new-real"));
        Assert.NotNull(await store.Generations.GetAsync("old-running"));
        Assert.Null(await store.Generations.GetAsync("old-real"));
        Assert.Null(await store.MeteredCalls.GetAsync("old-chat"));
        Assert.NotNull(await store.MeteredCalls.GetAsync("old-chat-open"));
        Assert.NotNull(await store.MeteredCalls.GetAsync("new-chat"));
        Assert.True((await store.Ledger.CheckAsync()).IsConsistent);
        Assert.True(applied.SizeBefore > 0);
    }

    [Fact]
    public async Task Errors_are_grouped_by_source_and_kind_with_first_last_and_top_messages()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 24, 10, 0, 0, TimeSpan.Zero));
        await using var store = BotStores.Open(new StorageOptions { DatabaseUrl = await postgres.Server.CreateDatabaseAsync("errors") }, time);
        await store.MigrateAsync();
        await store.Errors.AddAsync("kie", "RateLimited", "429", "too many");
        time.Advance(TimeSpan.FromMinutes(5));
        await store.Errors.AddAsync("kie", "RateLimited", "429", "too many");
        await store.Errors.AddAsync("kie", "RateLimited", "429", "slow down");
        await store.Errors.AddAsync("telegram", "Forbidden", "403", "bot was blocked by the user");

        var rows = await ErrorsCommand.ReportAsync(store, time.GetUtcNow().AddHours(-1), CancellationToken.None);
        var table = ErrorsCommand.Table(rows, TimeSpan.FromHours(24));

        var kie = rows.Single(r => r.Source == "kie");
        Assert.Equal((3L, "2026-11-24 10:00", "2026-11-24 10:05"), (kie.Count, kie.FirstSeen.ToString("yyyy-MM-dd HH:mm"), kie.LastSeen.ToString("yyyy-MM-dd HH:mm")));
        Assert.Equal(["2× too many", "1× slow down"], kie.TopMessages);
        Assert.Contains("Errors in the last 24 h: 4 in 2 group(s)", table, StringComparison.Ordinal);
        Assert.Contains("telegram: 1", table, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Render_yaml_names_the_health_path_the_host_serves()
    {
        var yaml = await File.ReadAllTextAsync(Path.Combine(RepositoryPaths.Root(), "render.yaml"));
        var path = HealthPath().Match(yaml).Groups[1].Value;
        Assert.Equal(TelegramHost.ReadyPath, path);
        Assert.Matches(@"property:\s+connectionString", yaml);
        Assert.Matches(@"key: TELEGRAM_BOT_TOKEN\s+sync: false", yaml);

        await using var h = await BotHarness.StartAsync(postgres.Server);
        using var http = new HttpClient();
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(new Uri(h.Url, path))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(new Uri(h.Url, TelegramHost.HealthPath))).StatusCode);
    }

    [Theory]
    [InlineData(new[] { "--help" }, 0)]
    [InlineData(new[] { "check", "--help" }, 0)]
    [InlineData(new[] { "deploy" }, 2)]
    [InlineData(new[] { "cleanup", "--force" }, 2)]
    [InlineData(new[] { "errors", "--since", "yesterday" }, 2)]
    public async Task Commands_answer_help_and_refuse_bad_usage_with_exit_code_2(string[] args, int expected)
    {
        Assert.Equal(expected, await Program.Main(args));
    }

    [Fact]
    public void Logs_never_hold_a_configured_secret()
    {
        var env = new Dictionary<string, string>
        {
            ["TELEGRAM_BOT_TOKEN"] = FakeBotApi.Token,
            ["KIE_API_KEY"] = "kie-secret-key-123",
            ["ALLOW_REAL_GENERATION"] = "1",
            ["DATABASE_URL"] = "postgres://kiebot:Pa55word-xyz@db.internal:5432/kiebot",
            ["WEBHOOK_URL"] = "https://bot.example",
            ["WEBHOOK_SECRET"] = "hook-secret-456",
        };
        var options = BotOptions.Read(name => env.GetValueOrDefault(name), out var errors);
        Assert.Empty(errors);
        var output = new StringWriter();
        using (var logger = new LoggerConfiguration().WriteTo.Sink(new RedactingSink(output, Secrets.Of(options))).CreateLogger())
        {
            logger.Information("calling https://api.telegram.org/bot{Token}/getMe", FakeBotApi.Token);
            logger.Warning("KIE said: Authorization: Bearer {Key}", "kie-secret-key-123");
            logger.Error(new InvalidOperationException("connect failed: Password=Pa55word-xyz"), "database down");
            logger.Information("webhook secret {Secret} and callback token {Token}", "hook-secret-456", options.KieCallbackToken);
        }

        var text = output.ToString();
        Assert.Contains("***", text, StringComparison.Ordinal);
        foreach (var secret in new[] { FakeBotApi.Token, FakeBotApi.Token.Split(':')[1], "kie-secret-key-123", "Pa55word-xyz", "hook-secret-456", options.KieCallbackToken! })
        {
            Assert.DoesNotContain(secret, text, StringComparison.Ordinal);
        }
    }

    private static async Task SeedAsync(IBotStore store, string prefix)
    {
        await store.Conversations.SaveAsync(prefix == "old" ? 1 : 2, "{}");
        await store.Errors.AddAsync("bot", "Test", null, prefix);
        await store.Updates.TryMarkAsync(prefix == "old" ? 100 : 200);
        await store.Ledger.GrantAsync(1, Credits.Whole(1_000), prefix + "-grant", GrantReason.Admin);
        var real = StoreContract.NewGeneration(prefix + "-real", user: 1) with { ReservationKey = prefix + "-real-key" };
        var dry = StoreContract.NewGeneration(prefix + "-dry", user: 1, dryRun: true) with { ReservationKey = prefix + "-dry-key" };
        await store.Generations.CreateReservedAsync(real);
        await store.Generations.CreateReservedAsync(dry);
        await store.Generations.CreateAsync(StoreContract.NewGeneration(prefix + "-running", user: 1) with { ReservationKey = null });
        foreach (var g in new[] { real, dry })
        {
            await store.Generations.MoveAsync(g.Id, GenerationState.Submitted, new GenerationChange { KieTaskId = "task-" + g.Id });
            await store.Generations.MoveAsync(g.Id, GenerationState.Succeeded);
            await store.Generations.SetDeliveredAsync(g.Id, ["file"]);
            await store.Ledger.CaptureAsync(g.ReservationKey!, g.ReservationKey + ":capture");
        }

        // A settled chat call (removed past the retention) and one still waiting for its answer (never removed).
        foreach (var id in new[] { prefix + "-chat", prefix + "-chat-open" })
        {
            await store.MeteredCalls.StartReservedAsync(new MeteredCall
            {
                Id = id, UserId = 1, ChatId = 1, Purpose = "text", Thread = "t", ChatModel = "gemini-2.5-flash", Prompt = "a question",
                ReservationKey = id + "-key", Reserved = Credits.Whole(2),
            });
        }

        await store.MeteredCalls.AnswerAsync(prefix + "-chat", 10, 10, Credits.From(0.5m), "an answer");
        await store.MeteredCalls.SettleAsync(prefix + "-chat");
    }

    [Fact]
    public async Task Check_reports_a_features_own_bad_settings_as_configuration_failures()
    {
        // Features read their settings when they are registered; check registers them, so their problems show here too.
        var (code, output) = await CheckAsync(new Dictionary<string, string?> { ["STARS_PER_CREDIT"] = "lots" });

        Assert.Equal(1, code);
        Assert.Contains("FAIL  configuration: STARS_PER_CREDIT must be a number from 0.001 to 1000 (got 'lots')", output, StringComparison.Ordinal);
        Assert.DoesNotContain("ok    configuration", output, StringComparison.Ordinal);
    }

    private static async Task<(int Code, string Output)> CheckAsync(Dictionary<string, string?> env)
    {
        var output = new StringWriter();
        var code = await CheckCommand.RunAsync(name => env.GetValueOrDefault(name), output, json: false);
        return (code, output.ToString());
    }

    [GeneratedRegex(@"healthCheckPath:\s*(\S+)")]
    private static partial Regex HealthPath();
}
