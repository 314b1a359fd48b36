using KieBot.Storage.Migrations;

namespace KieBot.Storage.Sql;

/// <summary>The stores over one database.</summary>
internal sealed class SqlBotStore : IBotStore
{
    private readonly SqlDatabase db;

    public SqlBotStore(SqlDatabase db)
    {
        this.db = db;
        var ledger = (SqlLedger)db.CreateLedger();
        Ledger = ledger;
        Generations = new SqlGenerationStore(db, ledger);
        var users = new SqlUserStore(db);
        var conversations = new SqlConversationStore(db);
        Users = users;
        Conversations = conversations;
        Payments = new SqlPaymentStore(db);
        Invoices = new SqlInvoiceStore(db);
        PromoCodes = new SqlPromoCodeStore(db, ledger);
        Transfers = new SqlTransferStore(db, ledger);
        Updates = new SqlUpdateLog(db, users, conversations);
        Errors = new SqlErrorLog(db);
        Settings = new SqlSettingsStore(db);
        Durations = new SqlTaskDurations(db);
        MeteredCalls = new SqlMeteredCallStore(db, ledger);
    }

    public string Dialect => db.Dialect;

    public string Description => db.Description;

    public IUserStore Users { get; }

    public IConversationStore Conversations { get; }

    public IGenerationStore Generations { get; }

    public ILedger Ledger { get; }

    public IPaymentStore Payments { get; }

    public IInvoiceStore Invoices { get; }

    public IPromoCodeStore PromoCodes { get; }

    public ITransferStore Transfers { get; }

    public IUpdateLog Updates { get; }

    public IErrorLog Errors { get; }

    public ISettingsStore Settings { get; }

    public ITaskDurations Durations { get; }

    public IMeteredCallStore MeteredCalls { get; }

    public Task<IReadOnlyList<int>> MigrateAsync(CancellationToken cancellationToken = default) => Migrator.MigrateAsync(db, cancellationToken);

    public int TargetSchemaVersion => Migrator.For(db.Dialect).Max(m => m.Version);

    public Task<int> SchemaVersionAsync(CancellationToken cancellationToken = default) => Migrator.VersionAsync(db, cancellationToken);

    public Task<CleanupReport> CleanupAsync(CleanupPolicy policy, bool apply, CancellationToken cancellationToken = default) =>
        db.WriteAsync(
            async w =>
            {
                var now = db.Time.GetUtcNow();
                long Before(TimeSpan age) => Times.Ms(now - age);
                var finished = $"({db.In("state", "@finalStates")} AND (state <> 'succeeded' OR delivered IS NOT NULL)) AND COALESCE(finished_at, updated_at) < @before";
                string[] finalStates = ["succeeded", "refunded", "cancelled"];
                Task<int> Delete(string sql, object parameters) => Dapper.SqlMapper.ExecuteAsync(w.Connection, w.Command(sql, parameters));

                var report = new CleanupReport(
                    await Delete("DELETE FROM conversations WHERE updated_at < @before", new { before = Before(policy.IdleConversations) }).ConfigureAwait(false),
                    await Delete($"DELETE FROM generations WHERE dry_run = @no AND {finished}", new { no = false, finalStates, before = Before(policy.FinishedGenerations) }).ConfigureAwait(false),
                    await Delete($"DELETE FROM generations WHERE dry_run = @yes AND {finished}", new { yes = true, finalStates, before = Before(policy.DryRuns) }).ConfigureAwait(false),
                    await Delete("DELETE FROM ledger WHERE dry_run = @yes AND created_at < @before", new { yes = true, before = Before(policy.DryRuns) }).ConfigureAwait(false),
                    await Delete("DELETE FROM processed_updates WHERE processed_at < @before", new { before = Before(policy.ProcessedUpdates) }).ConfigureAwait(false),
                    await Delete("DELETE FROM error_events WHERE created_at < @before", new { before = Before(policy.ErrorEvents) }).ConfigureAwait(false),
                    apply)
                {
                    MeteredCalls = await Delete(
                        "DELETE FROM metered_calls WHERE state IN ('settled', 'refunded') AND updated_at < CASE WHEN dry_run = @yes THEN @dryBefore ELSE @before END",
                        new { yes = true, dryBefore = Before(policy.DryRuns), before = Before(policy.FinishedGenerations) }).ConfigureAwait(false),
                };
                if (!apply)
                {
                    await w.RollbackAsync().ConfigureAwait(false);
                }

                return report;
            },
            cancellationToken);

    public Task<BotStats> StatsAsync(CancellationToken cancellationToken = default) =>
        db.ReadAsync(
            async c =>
            {
                var now = db.Time.GetUtcNow();
                var active = await Dapper.SqlMapper.QuerySingleAsync<(long Users, long Day, long Week, long Month)>(c, new Dapper.CommandDefinition(
                    "SELECT COUNT(*), COALESCE(SUM(CASE WHEN last_seen_at >= @day THEN 1 ELSE 0 END), 0), COALESCE(SUM(CASE WHEN last_seen_at >= @week THEN 1 ELSE 0 END), 0), COALESCE(SUM(CASE WHEN last_seen_at >= @month THEN 1 ELSE 0 END), 0) FROM users",
                    new { day = Times.Ms(now.AddDays(-1)), week = Times.Ms(now.AddDays(-7)), month = Times.Ms(now.AddDays(-30)) },
                    cancellationToken: cancellationToken)).ConfigureAwait(false);
                var states = (await Dapper.SqlMapper.QueryAsync<(string, long)>(c, new Dapper.CommandDefinition(
                    "SELECT state, COUNT(*) FROM generations GROUP BY state ORDER BY COUNT(*) DESC", cancellationToken: cancellationToken)).ConfigureAwait(false)).ToList();
                var models = (await Dapper.SqlMapper.QueryAsync<(string, long)>(c, new Dapper.CommandDefinition(
                    "SELECT model_id, COUNT(*) FROM generations GROUP BY model_id ORDER BY COUNT(*) DESC, model_id LIMIT 10", cancellationToken: cancellationToken)).ConfigureAwait(false)).ToList();
                var money = await Dapper.SqlMapper.QuerySingleAsync<(long Captured, long Released)>(c, new Dapper.CommandDefinition(
                    "SELECT COALESCE(SUM(CASE WHEN kind = 'capture' THEN amount ELSE 0 END), 0), COALESCE(SUM(CASE WHEN kind = 'release' THEN amount ELSE 0 END), 0) FROM ledger WHERE dry_run = @no",
                    new { no = false },
                    cancellationToken: cancellationToken)).ConfigureAwait(false);
                return new BotStats(active.Users, active.Day, active.Week, active.Month, states, models, new Credits(money.Captured), new Credits(money.Released));
            },
            cancellationToken);

    public Task<long> SizeAsync(CancellationToken cancellationToken = default) => db.SizeAsync(cancellationToken);

    public ValueTask DisposeAsync() => db.DisposeAsync();
}
