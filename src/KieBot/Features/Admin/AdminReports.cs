using KieBot.Conversation;
using KieBot.Ops;
using KieBot.Storage;
using KieCatalog;
using KieCatalog.Client;
using KieCatalog.Errors;

namespace KieBot.Features.Admin;

/// <summary>The admin panel's reports: statistics, KIE's credit balance, the last day's errors, the catalog.</summary>
public sealed class AdminReports(IBotStore store, IKieGateway kie, Shelf shelf, IEnumerable<ChatOffer> offers)
{
    /// <summary>The report <paramref name="name"/> names, or null when there is no such report.</summary>
    public async Task<string?> ReportAsync(Turn turn, string name, CancellationToken ct)
    {
        switch (name)
        {
            case "stats":
                var stats = await store.StatsAsync(ct).ConfigureAwait(false);
                return turn.T(
                    "admin.stats",
                    ("users", stats.Users), ("day", stats.Active1d), ("week", stats.Active7d), ("month", stats.Active30d),
                    ("states", string.Join(", ", stats.GenerationsByState.Select(s => $"{s.State} {s.Count}"))),
                    ("models", string.Join(", ", stats.TopModels.Select(m => $"{m.Model} {m.Count}"))),
                    ("revenue", stats.Revenue), ("refunds", stats.Refunds));
            case "credits":
                try
                {
                    return turn.T("admin.credits", ("credits", await kie.GetCreditsAsync(ct).ConfigureAwait(false)));
                }
                catch (KieException e)
                {
                    return turn.T("admin.credits_failed", ("reason", e.Error.Detail));
                }

            case "errors":
                var rows = await ErrorsCommand.ReportAsync(store, DateTimeOffset.UtcNow.AddHours(-24), ct).ConfigureAwait(false);
                return Texts.Html(ErrorsCommand.Table(rows, TimeSpan.FromHours(24)));
            case "catalog":
                var report = Texts.Html(string.Join("\n", Models.Categories.Select(c =>
                    $"{c}: {shelf.Models.Count(m => m.Category == c)} models, {Models.AllModes.Count(m => m.Model.Category == c && shelf.Sells(m))} modes on sale")))
                    + $"\n{Models.Version}; hidden modes: {Models.AllModes.Count(m => !m.IsVisible)}";
                report += "\n\n" + string.Join("\n", offers.Select(o => $"{(o.IsOn ? "💬" : "⚠️")} {turn.T(o.Purpose)}: {Texts.Html(o.Describe())}"));
                return shelf.Withheld.Count == 0
                    ? report
                    : report + "\n\n" + turn.T("admin.catalog_withheld", ("count", shelf.Withheld.Count), ("models", string.Join(", ", shelf.Withheld.Select(m => m.Model.Name).Distinct())));
            default:
                return null;
        }
    }
}
